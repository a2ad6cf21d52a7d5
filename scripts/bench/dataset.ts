/** The benchmarks' dataset, the same for `npm run bench` and `npm run bench:n8n`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { GenerateOptions } from '../../dev/simulator/data';
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

/**
 * The benchmarks' tasks: `count` refresh tasks of URLS_PER_TASK URLs, 5 s apart, the newest at
 * `newest` (by default a minute ago: all within the default 24-hour window).
 */
export function benchTasks(
	newest = Math.floor(Date.now() / 1000) - 60,
	count = TASKS,
): GenerateOptions {
	return { kind: 'refresh', count, urlsPerTask: URLS_PER_TASK, newest, spacing: 5, prefix: 'b' };
}

/** The simulator with the benchmarks' tasks. */
export function addBenchTasks(sim: UcdnSimulator, tasks = benchTasks()): void {
	sim.addTasks(generateTasks(tasks));
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

/** A target: a ratio (rounded to 2 places) and the limit it must not exceed. */
export function target(what: string, value: number, limit: number) {
	const rounded = Math.round(value * 100) / 100;
	return { target: what, value: rounded, limit, met: value <= limit };
}

/** Writes a benchmark's figures to bench/<file>, where docs/performance.md's figures come from. */
export function writeResults(file: string, results: unknown): void {
	mkdirSync('bench', { recursive: true });
	writeFileSync(path.join('bench', file), `${JSON.stringify(results, null, 2)}\n`);
	console.log(`Wrote bench/${file}`);
}
