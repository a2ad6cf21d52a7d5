/**
 * `npm run test:queue`: the packed package on n8n's distributed engine. Starts on 127.0.0.1 a
 * throwaway Redis and PostgreSQL (Debian packages, installed when missing), real n8n 2.x as one
 * main process in queue mode with Postgres as its database, two `n8n worker` processes sharing
 * its user folder (the tarball installed as a community package) and encryption key, and the
 * UCDN API simulator. Then:
 *
 * - Deploy load: 30 concurrent webhook calls into Webhook → UCDN Refresh Submit (Wait for
 *   Completion) → Respond to Webhook, each with its own URLs, some failing at the simulator.
 * - Trigger: the UCDN Trigger (Both, Task Finished) polls every 10 s the whole time, across a
 *   restart of the main process; every task that finishes must be emitted exactly once.
 * - Faults: a worker SIGKILLed while its execution waits for a purge; Redis restarted while
 *   executions are queued and running; Postgres stopped for a while under the trigger.
 *
 * Every check reads the simulator's request log and n8n's own records (Postgres, worker logs).
 * Everything started is stopped and every temp folder removed, also on failure.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import type { IDataObject, IRunExecutionData } from 'n8n-workflow';

import type { WorkflowJson } from '../../dev/engine/package';
import { generateTasks } from '../../dev/simulator/data';
import type { UcdnSimulator } from '../../dev/simulator/server';
import { TEST_PRIVATE_KEY, TEST_PUBLIC_KEY, startSimulator } from '../../dev/simulator/server';
import type { Postgres, Redis } from './backends';
import { ensureBackends, startPostgres, startRedis } from './backends';
import { RELEASES, ensureN8n } from './install';
import type { N8nInstance, RunningN8n } from './instance';
import {
	createInstance,
	importIntoN8n,
	n8nCommand,
	packTarball,
	simulatorCredential,
	startN8n,
} from './instance';
import { freePort, waitFor } from './system';

const CREDENTIAL = { id: 'ucloud-api', name: 'UCloud API' };
const DEPLOY_ID = 'ucdnQueueDeploy1';
const TRIGGER_ID = 'ucdnQueueTrigger';
const TRIGGER_NODE = 'UCDN Trigger';
const WEBHOOK_PATH = 'ucdn-queue-deploy';
const CALLS = 30;
/** URLs containing this end in `failure` at the simulator. */
const FAILING = '/broken/';
/** Describe calls a submitted task takes to finish during the load. */
const POLLS_TO_FINISH = 2;
/** The trigger's poll times: n8n refuses sub-minute crons, but takes several per-minute ones. */
const POLL_SECONDS = [0, 10, 20, 30, 40, 50] as const;
const WORKER_CONCURRENCY = 10;

const node = (
	name: string,
	type: string,
	typeVersion: number,
	position: number,
	parameters: IDataObject,
	extra: IDataObject = {},
) => ({
	id: randomUUID(),
	name,
	type,
	typeVersion,
	position: [position * 220, 0] as [number, number],
	parameters,
	...extra,
});

const credentials = { credentials: { ucloudApi: CREDENTIAL } };

/** Webhook → UCDN Refresh Submit with Wait for Completion → Respond with the finished task. */
const deployWorkflow = {
	name: 'Queue test: purge on deploy',
	nodes: [
		node(
			'Deploy webhook',
			'n8n-nodes-base.webhook',
			2,
			0,
			{ httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'responseNode', options: {} },
			{ webhookId: '5b9e0d6c-0000-4000-8000-00000000beef' },
		),
		node(
			'Purge and wait',
			'n8n-nodes-ucdn.ucdn',
			1,
			1,
			{
				resource: 'refresh',
				operation: 'submit',
				urls: '={{ $json.body.urls }}',
				type: 'file',
				waitForCompletion: true,
				pollInterval: 2,
				timeout: 600,
				errorOnFailedTasks: false,
				output: 'task',
				options: {},
			},
			credentials,
		),
		node('Respond', 'n8n-nodes-base.respondToWebhook', 1.1, 2, {
			respondWith: 'firstIncomingItem',
			options: {},
		}),
	],
	connections: {
		'Deploy webhook': { main: [[{ node: 'Purge and wait', type: 'main', index: 0 }]] },
		'Purge and wait': { main: [[{ node: 'Respond', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
} as unknown as WorkflowJson;

/** UCDN Trigger (Both, Task Finished) → No Operation. */
const triggerWorkflow = {
	name: 'Queue test: tasks finished',
	nodes: [
		node(
			TRIGGER_NODE,
			'n8n-nodes-ucdn.ucdnTrigger',
			1,
			0,
			{
				pollTimes: {
					item: POLL_SECONDS.map((second) => ({
						mode: 'custom',
						cronExpression: `${second} * * * * *`,
					})),
				},
				resource: 'both',
				event: 'finished',
				options: {},
			},
			credentials,
		),
		node('Record', 'n8n-nodes-base.noOp', 1, 1, {}),
	],
	connections: { [TRIGGER_NODE]: { main: [[{ node: 'Record', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
} as unknown as WorkflowJson;

interface Execution {
	id: string;
	workflowId: string;
	status: string;
	data?: IRunExecutionData;
}

interface Cluster {
	instance: N8nInstance;
	postgres: Postgres;
	redis: Redis;
	simulator: UcdnSimulator;
	main?: RunningN8n;
	workers: RunningN8n[];
	/** Every n8n process started, running or not, for their logs. */
	started: RunningN8n[];
	parse(text: string): unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function section(title: string) {
	console.log(`\n${title}`);
}

function ok(message: string) {
	console.log(`  ✓ ${message}`);
}

/** n8n's execution records, with their run data (n8n stores it as "flatted" JSON). */
function executions(cluster: Cluster, withData = true): Execution[] {
	const rows = cluster.postgres.query(
		`SELECT json_build_object('id', e.id::text, 'workflowId', e."workflowId", 'status', e.status${
			withData ? `, 'data', d.data` : ''
		}) FROM execution_entity e LEFT JOIN execution_data d ON d."executionId" = e.id ORDER BY e.id`,
	);
	return rows
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const row = JSON.parse(line) as Execution & { data?: string };
			return {
				...row,
				data: row.data ? (cluster.parse(row.data) as IRunExecutionData) : undefined,
			};
		});
}

/** Which worker ran each execution, from the workers' log lines "Worker started execution <id>". */
function workersByExecution(cluster: Cluster): Map<string, Set<string>> {
	const ran = new Map<string, Set<string>>();
	for (const { service } of cluster.started) {
		for (const match of service.output().matchAll(/Worker started execution (\d+) \(job/g)) {
			const id = match[1] as string; // the group is not optional
			ran.set(id, (ran.get(id) ?? new Set<string>()).add(service.name));
		}
	}
	return ran;
}

/** All URLs ever submitted to the simulator, one entry per submit. */
function submittedUrls(simulator: UcdnSimulator): string[] {
	return simulator.requestsFor('RefreshNewUcdnDomainCache').flatMap((request) =>
		Object.entries(request.params)
			.filter(([name]) => /^UrlList\.\d+$/.test(name))
			.map(([, url]) => url),
	);
}

function duplicatePurges(simulator: UcdnSimulator): string[] {
	const seen = new Set<string>();
	return submittedUrls(simulator).filter((url) => seen.has(url) || !seen.add(url));
}

function taskIdsOf(params: Record<string, string>): string[] {
	return Object.entries(params)
		.filter(([name]) => /^TaskId\.\d+$/.test(name))
		.map(([, id]) => id);
}

/** The trigger's polls: its Describe calls without TaskIds, for prefetch (the load only purges). */
function polls(simulator: UcdnSimulator): number {
	return simulator
		.requestsFor('DescribeNewUcdnPrefetchCacheTask')
		.filter((request) => taskIdsOf(request.params).length === 0).length;
}

async function post(url: string, body: unknown, timeoutMs: number) {
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(timeoutMs),
		});
		const text = await response.text();
		let json: IDataObject | undefined;
		try {
			json = JSON.parse(text) as IDataObject;
		} catch {
			json = undefined;
		}
		return { status: response.status, json, text };
	} catch (error) {
		return { status: 0, json: undefined, text: (error as Error).message };
	}
}

/** A deploy's three URLs; with `failing`, the second one fails. */
const deployUrls = (batch: string, n: number, failing: boolean) => {
	const url = (u: number) =>
		`https://static.example.com/${batch}/${n}${failing && u === 1 ? FAILING : '/'}asset-${u}.js`;
	return [url(0), url(1), url(2)] as const;
};

async function startWorker(cluster: Cluster, n: number): Promise<RunningN8n> {
	const health = await freePort();
	return await started(
		cluster,
		startN8n(cluster.instance, {
			name: `worker-${n}`,
			command: ['worker', `--concurrency=${WORKER_CONCURRENCY}`],
			healthPort: String(health),
			env: {
				QUEUE_HEALTH_CHECK_PORT: String(health),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			},
		}),
	);
}

async function startMain(cluster: Cluster): Promise<RunningN8n> {
	return await started(cluster, startN8n(cluster.instance, { name: 'main' }));
}

async function started(cluster: Cluster, starting: Promise<RunningN8n>): Promise<RunningN8n> {
	const running = await starting;
	cluster.started.push(running);
	return running;
}

/** The trigger's events so far: the TaskIds it emitted, one entry per emission. */
function triggerEvents(cluster: Cluster): string[] {
	return executions(cluster)
		.filter((execution) => execution.workflowId === TRIGGER_ID)
		.flatMap((execution) =>
			(execution.data?.resultData.runData[TRIGGER_NODE]?.[0]?.data?.main?.[0] ?? []).map((item) =>
				String(item.json.TaskId),
			),
		);
}

async function deployLoad(cluster: Cluster) {
	section(`Deploy load: ${CALLS} concurrent webhook calls`);
	const { simulator } = cluster;
	const url = `${cluster.main?.url}/webhook/${WEBHOOK_PATH}`;
	const calls = Array.from({ length: CALLS }, (_, n) => deployUrls('load', n, n % 5 === 0));
	const responses = await Promise.all(calls.map((urls) => post(url, { urls }, 240_000)));

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
		executions(cluster, false).filter(
			(e) => e.workflowId === DEPLOY_ID && !['new', 'running'].includes(e.status),
		).length === CALLS;
	await waitFor('every deploy execution to end', ended, { timeoutMs: 60_000, everyMs: 500 });
	const deploys = executions(cluster).filter((execution) => execution.workflowId === DEPLOY_ID);
	assert.equal(deploys.length, CALLS, 'one execution per call');
	for (const execution of deploys) {
		assert.equal(execution.status, 'success', `execution ${execution.id}`);
		const out = execution.data?.resultData.runData['Purge and wait']?.[0]?.data?.main?.[0];
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
	assert.equal(used.size, 2, `both workers ran executions (${[...used].join(', ')})`);
	ok(
		`${deploys.length} executions recorded in Postgres, each run by one worker (${[...used]
			.map((w) => `${w}: ${deploys.filter((e) => ran.get(e.id)?.has(w)).length}`)
			.join(', ')}), each with its own task and status`,
	);
	return used.size;
}

/** (a) SIGKILL the worker whose execution is waiting for a purge. */
async function killWorkerWhileWaiting(cluster: Cluster) {
	section('Fault: a worker is killed while its execution waits for a purge');
	const { simulator } = cluster;
	const url = `${cluster.main?.url}/webhook/${WEBHOOK_PATH}`;
	const urls = deployUrls('killed', 0, false);
	simulator.submitOptions.pollsToFinish = 1_000_000;
	const before = new Set(executions(cluster, false).map((execution) => execution.id));
	const call = post(url, { urls }, 180_000);
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
	return { status: record.status, error };
}

/** (b) Redis restarted while executions are queued and running. */
async function restartRedis(cluster: Cluster) {
	section('Fault: Redis restarted mid-run');
	const { simulator } = cluster;
	const url = `${cluster.main?.url}/webhook/${WEBHOOK_PATH}`;
	const before = new Set(executions(cluster, false).map((execution) => execution.id));
	simulator.submitOptions.pollsToFinish = 3;
	// More calls than the workers take at once: some executions wait in the queue.
	const calls = Array.from({ length: 2 * WORKER_CONCURRENCY + 4 }, (_, n) =>
		deployUrls('redis', n, false),
	);
	const responses = Promise.all(calls.map((urls) => post(url, { urls }, 60_000)));
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
			return runs.every((e) => !['new', 'running'].includes(e.status));
		},
		{ timeoutMs: 240_000, everyMs: 2000 },
	);
	assert.deepEqual(duplicatePurges(simulator), [], 'a URL was purged twice');
	const ran = workersByExecution(cluster);
	const submitted = submittedUrls(simulator);
	const details = executions(cluster).filter((e) => runs.some((run) => run.id === e.id));
	const outcomes = new Map<string, number>();
	for (const execution of details) {
		const urls = (execution.data?.resultData.runData['Purge and wait']?.[0]?.data?.main?.[0]?.[0]
			?.json.UrlLists ?? []) as Array<{ Url: string }>;
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
	assert.ok(
		lost.every((e) => e.status === 'crashed'),
		'an execution that never reached a worker did not end crashed',
	);
	// Tasks left unfinished by executions that n8n gave up on finish at the CDN anyway.
	for (const task of simulator.tasks) if (task.pollsLeft) simulator.finishTask(task.info.TaskId);
	return lost.map((e) => e.id);
}

/** Tasks created by someone else (CI, the console), for the trigger to see finish. */
function externalTasks(simulator: UcdnSimulator, prefix: string, count: number): string[] {
	const tasks = generateTasks({
		kind: 'prefetch',
		count,
		newest: Math.floor(Date.now() / 1000) - 5,
		prefix,
		status: 'process',
	});
	simulator.addTasks(tasks);
	return tasks.map((task) => task.info.TaskId);
}

/** (c) Postgres unavailable while the trigger polls and tasks finish. */
async function stopPostgres(cluster: Cluster) {
	section('Fault: Postgres unavailable to the trigger');
	const { simulator } = cluster;
	const ids = externalTasks(simulator, 'pgdown', 3);
	const pollsBefore = polls(simulator);
	cluster.postgres.stop();
	for (const id of ids) simulator.endTask(id, 'success');
	// Long enough for two of the trigger's poll times to pass.
	await sleep(25_000);
	cluster.postgres.start();
	ok(
		`Postgres stopped for 25 s while 3 tasks finished; the trigger polled ${polls(simulator) - pollsBefore} times meanwhile`,
	);
	await waitFor(
		'the trigger to emit them once Postgres is back',
		() => ids.every((id) => triggerEvents(cluster).includes(id)),
		{ timeoutMs: 90_000, everyMs: 2000 },
	).catch((error: Error) => {
		throw new Error(`${error.message}; emitted: ${JSON.stringify(triggerEvents(cluster))}`);
	});
	ok('the tasks that finished meanwhile were emitted once Postgres was back');
}

async function restartMain(cluster: Cluster) {
	section('Restart of the main process');
	const { simulator } = cluster;
	const ids = externalTasks(simulator, 'restart', 3);
	await cluster.main?.stop();
	for (const id of ids) simulator.endTask(id, 'failure');
	const pollsBefore = polls(simulator);
	cluster.main = await startMain(cluster);
	ok('main stopped; 3 tasks finished while it was down; main started again');
	await waitFor(
		'the trigger to emit them',
		() => ids.every((id) => triggerEvents(cluster).includes(id)),
		{ timeoutMs: 90_000, everyMs: 2000 },
	);
	ok(`emitted after the restart (polls since: ${polls(simulator) - pollsBefore})`);
}

async function main() {
	const started = Date.now();
	ensureBackends();
	const release = RELEASES.find((r) => r.line === '2.x');
	if (!release) throw new Error('No n8n 2.x release configured');
	const install = ensureN8n(release);
	const tarball = packTarball();
	const tmp = mkdtempSync(path.join(os.tmpdir(), 'ucdn-queue-'));
	chmodSync(tmp, 0o755); // PostgreSQL runs as its own user inside.
	const stops: Array<() => Promise<void> | void> = [];
	const cleanUp = async () => {
		for (const stop of stops.splice(0).reverse()) {
			try {
				await stop();
			} catch (error) {
				console.error(`Cleanup: ${(error as Error).message}`);
			}
		}
		rmSync(tmp, { recursive: true, force: true });
	};
	// Interrupted (Ctrl-C, CI cancelling): PostgreSQL and the temp folder go too.
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.on(signal, () => void cleanUp().then(() => process.exit(130)));
	let cluster: Cluster | undefined;
	try {
		const simulator = await startSimulator({
			seed: false,
			submit: { pollsToFinish: POLLS_TO_FINISH },
		});
		stops.push(() => simulator.close());
		simulator.failUrls(FAILING);
		const postgres = await startPostgres(path.join(tmp, 'postgres'));
		stops.push(() => postgres.stop());
		const redis = await startRedis(path.join(tmp, 'redis'));
		stops.push(() => redis.stop());
		console.log(
			`Redis on 127.0.0.1:${redis.port}, PostgreSQL on 127.0.0.1:${postgres.port}, simulator on ${simulator.url}`,
		);

		const instance = createInstance(install, tarball, 'queue', await freePort());
		stops.push(() => rmSync(instance.userFolder, { recursive: true, force: true }));
		Object.assign(instance.env, {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
			DB_POSTGRESDB_POOL_SIZE: '4',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			// A dead worker's job is declared stalled within ~20 s instead of ~90 s.
			QUEUE_WORKER_LOCK_DURATION: '15000',
			QUEUE_WORKER_LOCK_RENEW_TIME: '3000',
			QUEUE_WORKER_STALLED_INTERVAL: '5000',
			N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
			// Workers log "Worker started execution <id>" at info.
			N8N_LOG_LEVEL: 'info',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		});
		const keys = { publicKey: TEST_PUBLIC_KEY, privateKey: TEST_PRIVATE_KEY };
		await importIntoN8n(
			instance,
			[simulatorCredential(CREDENTIAL, simulator.url, keys)],
			[
				{ id: DEPLOY_ID, workflow: deployWorkflow },
				{ id: TRIGGER_ID, workflow: triggerWorkflow },
			],
		);
		for (const id of [DEPLOY_ID, TRIGGER_ID]) {
			const result = await n8nCommand(instance, ['publish:workflow', `--id=${id}`]);
			if (result.code !== 0)
				throw new Error(`n8n publish:workflow failed:\n${result.stdout}\n${result.stderr}`);
		}
		const n8nRequire = createRequire(path.join(install.dir, 'node_modules', 'n8n', 'package.json'));
		const { parse } = n8nRequire('flatted') as { parse(text: string): unknown };
		cluster = { instance, postgres, redis, simulator, workers: [], started: [], parse };
		const running = cluster;
		stops.push(async () => {
			await Promise.all(running.started.map((n) => n.stop()));
		});

		section('Starting n8n in queue mode: one main, two workers');
		// Each one is in cluster.started once ready (and stopped by startN8n if it never is).
		const starts = await Promise.allSettled([
			startMain(cluster),
			startWorker(cluster, 1),
			startWorker(cluster, 2),
		]);
		const [main, ...workers] = starts.map((start) => {
			if (start.status === 'rejected') throw start.reason;
			return start.value;
		});
		assert.ok(main, 'the main instance started');
		cluster.main = main;
		cluster.workers = workers;
		ok(`main on ${main.url}, workers ready (concurrency ${WORKER_CONCURRENCY} each)`);
		await waitFor("the trigger's first poll", () => polls(simulator) >= 1, {
			timeoutMs: 90_000,
		});
		const firstPoll = Date.now();

		const workersUsed = await deployLoad(cluster);
		const killed = await killWorkerWhileWaiting(cluster);
		const lostWithRedis = await restartRedis(cluster);
		await stopPostgres(cluster);
		await restartMain(cluster);

		section('Trigger: every finished task emitted exactly once');
		await waitFor('every task to finish', () =>
			simulator.tasks.every((task) => ['success', 'failure'].includes(task.info.Status)),
		);
		const finished = simulator.tasks.map((task) => task.info.TaskId);
		// Then two more polls (a task emitted twice would show there), each poll's execution
		// read only once it has ended: a worker stores its items a moment after it ran.
		const pollsNow = polls(simulator);
		await waitFor(
			'two more polls, every finished task emitted and every trigger execution ended',
			() => {
				const emitted = new Set(triggerEvents(running));
				return (
					polls(simulator) >= pollsNow + 2 &&
					finished.every((id) => emitted.has(id)) &&
					executions(running, false).every(
						(e) => e.workflowId !== TRIGGER_ID || !['new', 'running'].includes(e.status),
					)
				);
			},
			{ timeoutMs: 90_000, everyMs: 1000 },
		).catch(() => undefined); // the assertions below say what is missing
		const events = triggerEvents(cluster);
		const twice = events.filter((id, n) => events.indexOf(id) !== n);
		const missing = finished.filter((id) => !events.includes(id));
		assert.deepEqual(twice, [], 'tasks emitted more than once');
		assert.deepEqual(missing, [], 'finished tasks never emitted');
		assert.ok(polls(simulator) >= 5, 'at least 5 polls');
		ok(
			`${events.length} events for ${finished.length} finished tasks over ${polls(simulator)} polls since ${Math.round((Date.now() - firstPoll) / 1000)} s, across the faults and the restart`,
		);

		const all = executions(cluster, false);
		const ran = workersByExecution(cluster);
		const onWorkers = all.filter((execution) => ran.has(execution.id)).length;
		const neverRan = all.filter((execution) => !ran.has(execution.id));
		assert.deepEqual(
			neverRan.map((execution) => execution.id),
			lostWithRedis,
			'every execution ran on a worker, but those whose queued job Redis lost',
		);
		const seconds = Math.round((Date.now() - started) / 1000);
		section('Summary');
		console.table({
			executions: {
				value: all.length,
				note: `${onWorkers} ran on a worker; ${lostWithRedis.length} queued ones lost with Redis`,
			},
			'workers used': { value: workersUsed, note: 'by the deploy load' },
			submits: {
				value: simulator.requestsFor('RefreshNewUcdnDomainCache').length,
				note: 'one per URL batch',
			},
			'duplicate purges': { value: duplicatePurges(simulator).length, note: 'must be 0' },
			polls: { value: polls(simulator), note: `every ${POLL_SECONDS[1] - POLL_SECONDS[0]} s` },
			'trigger events': { value: events.length, note: `for ${finished.length} tasks finished` },
			'trigger static data': {
				value: `${cluster.postgres.query(`SELECT coalesce(length("staticData"::text), 0) FROM workflow_entity WHERE id = '${TRIGGER_ID}'`).trim()} bytes`,
				note: 'written to Postgres when a poll emits',
			},
			'killed worker': { value: killed.status, note: killed.error.slice(0, 60) },
			time: { value: `${seconds} s`, note: 'including n8n start-ups' },
		});
		console.log('All queue-mode checks passed.');
	} catch (error) {
		if (cluster) {
			for (const { service } of cluster.started)
				console.error(`[${service.name}]\n${service.output().slice(-4000)}\n`);
		}
		throw error;
	} finally {
		await cleanUp();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exitCode = 1;
});
