/**
 * A worker SIGKILLed while its execution waits for a purge: the execution must not end
 * "success", and its URLs must not be submitted again (n8n fails stalled jobs instead of
 * re-running them); the worker is started again for the scenarios after this one.
 */
import assert from 'node:assert/strict';

import { waitFor } from '../../system';
import type { QueueTest } from '../cluster';
import { POLLS_TO_FINISH, startWorker } from '../cluster';
import { executions, workersByExecution } from '../records';
import { duplicatePurges, taskIdsOf } from '../requestLog';
import type { Scenario } from '../runner';
import { ok } from '../runner';
import { DEPLOY_ID, callDeploy, deployUrls } from '../workflows';

async function killWorkerWhileWaiting({ cluster, findings }: QueueTest) {
	const { simulator } = cluster;
	const urls = deployUrls('killed', 0, false);
	simulator.submitOptions.pollsToFinish = 1_000_000;
	const before = new Set(executions(cluster, false).map((execution) => execution.id));
	const call = callDeploy(cluster.main?.url, urls, 180_000);
	let execution: string | undefined;
	await waitFor(
		'the execution to wait for its purge',
		() => {
			const submit = simulator
				.requestsFor('RefreshNewUcdnDomainCache')
				.find((request) => request.params['UrlList.0'] === urls[0]);
			const task = simulator.tasks.find((t) => t.info.UrlLists[0]?.Url === urls[0]);
			execution = executions(cluster, false).find(
				(e) => !before.has(e.id) && e.workflowId === DEPLOY_ID,
			)?.id;
			return (
				submit !== undefined &&
				task !== undefined &&
				execution !== undefined &&
				simulator
					.requestsFor('DescribeNewUcdnRefreshCacheTask')
					.some((request) => taskIdsOf(request.params).includes(task.info.TaskId))
			);
		},
		{ timeoutMs: 60_000 },
	);
	simulator.submitOptions.pollsToFinish = POLLS_TO_FINISH;
	const ran = workersByExecution(cluster);
	const victim = cluster.workers.find((worker) =>
		ran.get(execution as string)?.has(worker.service.name),
	);
	assert.ok(victim, `no worker logged execution ${execution}`);
	await victim.service.stop('SIGKILL');
	cluster.workers = cluster.workers.filter((worker) => worker !== victim);
	ok(`${victim.service.name} killed (SIGKILL) while execution ${execution} waited`);

	const response = await call;
	await waitFor(
		`execution ${execution} to end`,
		() =>
			!['new', 'running'].includes(
				cluster.postgres
					.query(`SELECT status FROM execution_entity WHERE id = ${execution}`)
					.trim(),
			),
		{ timeoutMs: 120_000, everyMs: 1000 },
	);
	const [record] = executions(cluster).filter((e) => e.id === execution);
	assert.ok(record, `execution ${execution} is not in Postgres`);
	const error = record.data?.resultData.error?.message ?? '';
	findings.killed = { status: record.status, error };
	const task = simulator.tasks.find((t) => t.info.UrlLists[0]?.Url === urls[0]);
	const submits = simulator
		.requestsFor('RefreshNewUcdnDomainCache')
		.filter((request) => request.params['UrlList.0'] === urls[0]).length;
	assert.equal(submits, 1, 'the killed execution was submitted once');
	assert.deepEqual(duplicatePurges(simulator), [], 'a URL was purged twice');
	assert.notEqual(record.status, 'success');
	ok(
		`execution ${execution} ended "${record.status}": ${error || '(no message)'}; its webhook got HTTP ${response.status} ${response.text.slice(0, 120)}`,
	);
	ok(
		`task ${task?.info.TaskId} was submitted once and never again (n8n fails stalled jobs instead of re-running them)`,
	);
	if (task) simulator.finishTask(task.info.TaskId);
	cluster.workers.push(await startWorker(cluster, Number(victim.service.name.slice(-1))));
	ok(`${victim.service.name} started again`);
}

export const workerDies: Scenario<QueueTest> = {
	title: 'Fault: a worker is killed while its execution waits for a purge',
	run: killWorkerWhileWaiting,
};
