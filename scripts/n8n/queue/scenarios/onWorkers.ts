/**
 * Over the whole run (load, faults, every trigger poll): every execution ran on a worker, but
 * those whose queued job the Redis restart lost.
 */
import assert from 'node:assert/strict';

import type { QueueTest } from '../cluster';
import { executions, workersByExecution } from '../records';
import type { Scenario } from '../runner';
import { ok } from '../runner';

async function everyExecutionOnAWorker({ cluster, findings }: QueueTest) {
	const all = executions(cluster, false);
	const ran = workersByExecution(cluster);
	const neverRan = all.filter((execution) => !ran.has(execution.id));
	// Unknown if the Redis scenario failed before it knew: then every execution must have run.
	const lost = findings.lostWithRedis ?? [];
	assert.deepEqual(
		neverRan.map((execution) => execution.id),
		lost,
		'every execution ran on a worker, but those whose queued job Redis lost',
	);
	ok(
		`${all.length - neverRan.length} of ${all.length} executions ran on a worker; the other ${neverRan.length} were queued when Redis restarted`,
	);
}

export const onWorkers: Scenario<QueueTest> = {
	title: 'Every execution ran on a worker, but those whose queued job Redis lost',
	run: everyExecutionOnAWorker,
};
