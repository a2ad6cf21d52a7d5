/**
 * Deploy load: concurrent webhook calls into Webhook → UCDN Refresh Submit (Wait for
 * Completion) → Respond to Webhook, each with its own URLs, a fifth of them failing at the CDN.
 */
import assert from 'node:assert/strict';

import type { QueueTest } from '../cluster';
import { POLLS_TO_FINISH } from '../cluster';
import { executions, hasEnded, workersByExecution } from '../records';
import { duplicatePurges, taskIdsOf } from '../requestLog';
import type { Scenario } from '../runner';
import { ok } from '../runner';
import { waitFor } from '../../system';
import { DEPLOY_ID, FAILING, PURGE_NODE, callDeploy, deployUrls } from '../workflows';

const CALLS = 30;

async function deployLoad({ cluster, findings }: QueueTest) {
	const { simulator } = cluster;
	const calls = Array.from({ length: CALLS }, (_, n) => deployUrls('load', n, n % 5 === 0));
	const responses = await Promise.all(
		calls.map((urls) => callDeploy(cluster.main?.url, urls, 240_000)),
	);

	const submits = simulator.requestsFor('RefreshNewUcdnDomainCache');
	const byBatch = calls.map((urls) =>
		submits.filter((request) => urls.some((u) => u === request.params['UrlList.0'])),
	);
	byBatch.forEach((found, n) =>
		assert.equal(found.length, 1, `call ${n} made ${found.length} submits`),
	);
	assert.deepEqual(duplicatePurges(simulator), [], 'a URL was purged twice');
	ok(`${submits.length} submits, one per call; no URL purged twice`);

	calls.forEach((sent, n) => {
		const response = responses[n];
		assert.ok(response, `call ${n}: no response`);
		assert.equal(response.status, 200, `call ${n}: HTTP ${response.status} ${response.text}`);
		const task = simulator.tasks.find(
			(t) => t.info.UrlLists[0]?.Url === sent[0] && t.kind === 'refresh',
		);
		assert.ok(task, `call ${n}: no task at the simulator`);
		assert.equal(response.json?.TaskId, task.info.TaskId, `call ${n} got another task`);
		const expected = n % 5 === 0 ? 'failure' : 'success';
		assert.equal(task.info.Status, expected);
		assert.equal(response.json?.Status, expected, `call ${n}: ${response.text}`);
		const urls = response.json?.UrlLists as Array<{ Url: string; Status: string }>;
		assert.deepEqual(
			urls.map((u) => [u.Url, u.Status]),
			sent.map((u) => [u, u.includes(FAILING) ? 'failure' : 'success']),
			`call ${n}: the per-URL results`,
		);
	});
	ok(`every call got its own task's final status (${CALLS / 5} with their failed URL)`);

	const taskIds = new Set(responses.map((response) => String(response.json?.TaskId)));
	const waits = simulator
		.requestsFor('DescribeNewUcdnRefreshCacheTask')
		.filter((request) => taskIdsOf(request.params).some((id) => taskIds.has(id)));
	for (const request of waits)
		assert.equal(taskIdsOf(request.params).length, 1, 'a wait asked about other tasks');
	for (const id of taskIds) {
		const describes = waits.filter((request) => taskIdsOf(request.params)[0] === id).length;
		assert.ok(
			describes >= 1 && describes <= POLLS_TO_FINISH,
			`task ${id} was described ${describes} times while waiting`,
		);
	}
	ok(
		`${waits.length} Describe calls while waiting, each naming only its own execution's task, at most ${POLLS_TO_FINISH} per task`,
	);

	// The Respond to Webhook node answers before its execution ends; the worker records the
	// end a moment later, so the records are read once every execution has ended.
	const ended = () =>
		executions(cluster, false).filter((e) => e.workflowId === DEPLOY_ID && hasEnded(e)).length ===
		CALLS;
	await waitFor('every deploy execution to end', ended, { timeoutMs: 60_000, everyMs: 500 });
	const deploys = executions(cluster).filter((execution) => execution.workflowId === DEPLOY_ID);
	assert.equal(deploys.length, CALLS, 'one execution per call');
	for (const execution of deploys) {
		assert.equal(execution.status, 'success', `execution ${execution.id}`);
		const out = execution.data?.resultData.runData[PURGE_NODE]?.[0]?.data?.main?.[0];
		const [item, ...more] = out ?? [];
		assert.ok(
			item && !more.length,
			`execution ${execution.id}: ${out?.length ?? 0} task items, not one`,
		);
		const json = item.json;
		const failing = (json.UrlLists as Array<{ Url: string }>).some((u) => u.Url.includes(FAILING));
		assert.equal(json.Status, failing ? 'failure' : 'success', `execution ${execution.id}`);
	}
	const ran = workersByExecution(cluster);
	for (const execution of deploys) {
		assert.equal(ran.get(execution.id)?.size, 1, `execution ${execution.id} ran on one worker`);
	}
	const used = new Set(deploys.flatMap((execution) => [...(ran.get(execution.id) ?? [])]));
	findings.workersUsed = used.size;
	assert.equal(used.size, 2, `both workers ran executions (${[...used].join(', ')})`);
	ok(
		`${deploys.length} executions recorded in Postgres, each run by one worker (${[...used]
			.map((w) => `${w}: ${deploys.filter((e) => ran.get(e.id)?.has(w)).length}`)
			.join(', ')}), each with its own task and status`,
	);
}

export const load: Scenario<QueueTest> = {
	title: `Deploy load: ${CALLS} concurrent webhook calls`,
	run: deployLoad,
};
