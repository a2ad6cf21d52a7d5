/**
 * The benchmarks' datasets: the tasks, the same for `npm run bench` and `npm run bench:n8n`;
 * and the domains and time range of `npm run bench`'s Statistics contenders.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { DomainInput, GenerateOptions } from '../../dev/simulator/data';
import { generateDomains, generateTasks } from '../../dev/simulator/data';
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

/** Domains of the Statistics contenders: each its own series, Per Domain. */
export const STATISTICS_DOMAINS = Number(process.env.BENCH_DOMAINS ?? 20);

/** The simulator's domains in `npm run bench`: `bench-00000.example.net` … (see generateDomains). */
export function benchDomains(count = STATISTICS_DOMAINS): DomainInput[] {
	return generateDomains({ count, prefix: 'bench' });
}

/**
 * The Statistics contenders' range: 30 days in the past, fixed so that every run reads the same
 * points (the simulator's traffic is deterministic), across the end of daylight saving time in
 * America/New_York (2026-11-01), the readable times' zone. Unix seconds.
 */
export const STATISTICS_RANGE = {
	begin: Date.UTC(2026, 10, 1) / 1000,
	end: Date.UTC(2026, 11, 1) / 1000,
};

/** 5 minutes: the API's Type 0. */
export const STATISTICS_STEP = { seconds: 300, type: 0 };

/** Points per domain over the range: 8,640. */
export const STATISTICS_POINTS =
	(STATISTICS_RANGE.end - STATISTICS_RANGE.begin) / STATISTICS_STEP.seconds;

/**
 * The node's parameters (version 1.2): Statistics → Get, Bandwidth and Traffic, a Custom range
 * of `range` (UTC), 5 Minutes, One Item per Point, Per Domain; Add Readable Times as the
 * version has it by default (on).
 */
export function statisticsPerPoint(range = STATISTICS_RANGE) {
	const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
	return {
		resource: 'statistics',
		operation: 'get',
		metric: 'bandwidth',
		timeRange: 'custom',
		beginTime: iso(range.begin),
		endTime: iso(range.end),
		granularity: 'fiveMinutes',
		output: 'points',
		options: { perDomain: true },
	};
}

/** The node version of the Statistics contenders: the newest, Add Readable Times on by default. */
export const STATISTICS_VERSION = 1.2;

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
