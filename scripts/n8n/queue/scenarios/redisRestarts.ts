/**
 * Redis restarted while executions are queued and running: its queue is lost (no persistence).
 * No URL may be purged twice, every execution must end saying why it did not succeed, and those
 * whose job never reached a worker must end "crashed" (n8n's own queue recovery).
 */
import assert from 'node:assert/strict';

import { waitFor } from '../../system';
import type { QueueTest } from '../cluster';
import { POLLS_TO_FINISH, WORKER_CONCURRENCY } from '../cluster';
import type { Execution } from '../records';
import { executions, hasEnded, workersByExecution } from '../records';
import { duplicatePurges, submittedUrls } from '../requestLog';
import type { Scenario } from '../runner';
import { ok } from '../runner';
import { DEPLOY_ID, PURGE_NODE, callDeploy, deployUrls } from '../workflows';

async function restartRedis({ cluster, findings }: QueueTest) {
	const { simulator } = cluster;
	const before = new Set(executions(cluster, false).map((execution) => execution.id));
	simulator.submitOptions.pollsToFinish = 3;
	// More calls than the workers take at once: some executions wait in the queue.
	const calls = Array.from({ length: 2 * WORKER_CONCURRENCY + 4 }, (_, n) =>
		deployUrls('redis', n, false),
	);
	const mainUrl = cluster.main?.url;
	const responses = Promise.all(calls.map((urls) => callDeploy(mainUrl, urls, 60_000)));
	await waitFor(
		'every call to be queued and a first purge submitted',
		() =>
			executions(cluster, false).filter((e) => !before.has(e.id) && e.workflowId === DEPLOY_ID)
				.length === calls.length &&
			calls.some((urls) => submittedUrls(simulator).includes(urls[0])),
		{ timeoutMs: 90_000, everyMs: 200 },
	);
	await cluster.redis.restart(2000);
	ok(
		`${calls.length} executions queued or running; Redis stopped (its queue lost: no persistence) and started again after 2 s`,
	);
	const answered = await responses;
	simulator.submitOptions.pollsToFinish = POLLS_TO_FINISH;
	let runs: Execution[] = [];
	await waitFor(
		'the executions to end',
		() => {
			runs = executions(cluster, false).filter(
				(e) => !before.has(e.id) && e.workflowId === DEPLOY_ID,
			);
			return runs.every(hasEnded);
		},
		{ timeoutMs: 240_000, everyMs: 2000 },
	);
	assert.deepEqual(duplicatePurges(simulator), [], 'a URL was purged twice');
	const ran = workersByExecution(cluster);
	const submitted = submittedUrls(simulator);
	const details = executions(cluster).filter((e) => runs.some((run) => run.id === e.id));
	const outcomes = new Map<string, number>();
	for (const execution of details) {
		const urls = (execution.data?.resultData.runData[PURGE_NODE]?.[0]?.data?.main?.[0]?.[0]?.json
			.UrlLists ?? []) as Array<{ Url: string }>;
		const message = execution.data?.resultData.error?.message ?? '';
		// n8n's own queue recovery marks executions whose job vanished from Redis as crashed.
		assert.ok(
			execution.status === 'success'
				? urls.length === 3
				: execution.status === 'crashed' || message !== '',
			`execution ${execution.id} ended ${execution.status} without saying why`,
		);
		const outcome = `${execution.status}${message ? ` "${message.replace(/\d+/g, 'N')}"` : ''} ${ran.has(execution.id) ? 'on a worker' : 'never on a worker'}`;
		outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
	}
	for (const [outcome, count] of outcomes) console.log(`    ${count} × ${outcome}`);
	const purged = calls.filter((urls) => submitted.includes(urls[0])).length;
	ok(
		`${purged} of ${calls.length} calls had their URLs purged, each once; ${answered.filter((r) => r.status === 200).length} webhooks answered 200, the others: ${
			[
				...new Set(
					answered
						.filter((r) => r.status !== 200)
						.map((r) => `${r.status || 'no answer'} ${r.text.slice(0, 60)}`),
				),
			].join('; ') || 'none'
		}`,
	);
	const lost = details.filter((e) => !ran.has(e.id));
	findings.lostWithRedis = lost.map((e) => e.id);
	assert.ok(
		lost.every((e) => e.status === 'crashed'),
		'an execution that never reached a worker did not end crashed',
	);
	// Tasks left unfinished by executions that n8n gave up on finish at the CDN anyway.
	for (const task of simulator.tasks) if (task.pollsLeft) simulator.finishTask(task.info.TaskId);
}

export const redisRestarts: Scenario<QueueTest> = {
	title: 'Fault: Redis restarted mid-run',
	run: restartRedis,
};
