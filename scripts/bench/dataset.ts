/** The benchmarks' dataset, the same for `npm run bench` and `npm run bench:n8n`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { generateTasks } from '../../dev/simulator/data';
import type { UcdnSimulator } from '../../dev/simulator/server';

export const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
export const URLS_PER_TASK = 20;
export const PAGE_SIZE = 1000;

/** The node's parameters in every benchmark and its guards: Describe Tasks, all pages, per URL. */
export const DESCRIBE_ALL_URLS = {
	resource: 'refresh',
	operation: 'describeTasks',
	returnAll: true,
	output: 'url',
};

/** TASKS refresh tasks of URLS_PER_TASK URLs, 5 s apart: all within the default 24-hour window. */
export function addBenchTasks(sim: UcdnSimulator): void {
	sim.addTasks(
		generateTasks({
			kind: 'refresh',
			count: TASKS,
			urlsPerTask: URLS_PER_TASK,
			newest: Math.floor(Date.now() / 1000) - 60,
			spacing: 5,
			prefix: 'b',
		}),
	);
}

export const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	// The middle value twice, or the two middle values.
	const lower = sorted[Math.ceil(sorted.length / 2) - 1];
	const upper = sorted[Math.floor(sorted.length / 2)];
	if (lower === undefined || upper === undefined)
		throw new Error('No values to take the median of');
	return (lower + upper) / 2;
};

/** Writes a benchmark's figures to bench/<file>, where docs/performance.md's figures come from. */
export function writeResults(file: string, results: unknown): void {
	mkdirSync('bench', { recursive: true });
	writeFileSync(path.join('bench', file), `${JSON.stringify(results, null, 2)}\n`);
	console.log(`Wrote bench/${file}`);
}
