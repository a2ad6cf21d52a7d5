import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { generateTasks } from '../../dev/simulator/data';
import { SEED_DOMAINS, startSimulator } from '../../dev/simulator/server';
import type { UcdnSimulator } from '../../dev/simulator/server';
import { readWorkflow } from '../../dev/engine/package';
import { runWorkflow } from '../../dev/engine/run';
import { simulatorCredentials } from '../../dev/engine/workflows';

/** Where the incident-logs example writes: n8n 2.x's folder for files in the official image. */
const EXAMPLE_FOLDER = '/home/node/.n8n-files';
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

let sim: UcdnSimulator;
beforeAll(async () => {
	sim = await startSimulator();
	sim.addTasks(
		generateTasks({
			kind: 'refresh',
			count: 12,
			newest: Math.floor(Date.now() / 1000) - 90,
			spacing: 600,
			prefix: 'demo',
		}),
	);
});
afterAll(async () => {
	await sim.close();
});

test('examples/describe-tasks.workflow.json: the three newest refresh tasks, one item per URL', async () => {
	const result = await runWorkflow(readWorkflow('examples/describe-tasks.workflow.json'), {
		credentials: simulatorCredentials(sim),
	});
	expect(result.error).toBeUndefined();
	const items = result.items('Describe refresh tasks');
	expect(items.map((item) => [item.json.TaskId, item.json.Url, item.pairedItem])).toEqual(
		[0, 1, 2].flatMap((n) =>
			[0, 1].map((u) => [
				`demo_00000${n}`,
				`https://static.example.com/demo/${n}/asset-${u}.js`,
				{ item: 0 },
			]),
		),
	);
	// Readable times, in n8n's default timezone as the example sets none.
	for (const { json } of items) {
		expect(Date.parse(json.TaskCreateTimeIso as string)).toBe(
			(json.TaskCreateTime as number) * 1000,
		);
		expect(json.TaskCreateTimeIso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000[+-]\d\d:\d\d$/);
	}
	expect(sim.requests).toHaveLength(1);
	expect(sim.requests[0]?.params).toMatchObject({
		Action: 'DescribeNewUcdnRefreshCacheTask',
		Limit: '3',
	});
});

test('examples/notify-when-tasks-finish.workflow.json: a manual run reports the task that finished last', async () => {
	sim.endTask('demo_000004', 'failure');
	const result = await runWorkflow(
		readWorkflow('examples/notify-when-tasks-finish.workflow.json'),
		{
			credentials: simulatorCredentials(sim),
		},
	);
	expect(result.error).toBeUndefined();
	expect(result.json('Report')).toEqual([
		{
			message: 'CDN refresh task demo_000004 finished: failure (2 URLs)',
			taskId: 'demo_000004',
			status: 'failure',
		},
	]);
	// One Describe per resource.
	expect(sim.requests.slice(-2).map((request) => request.action)).toEqual([
		'DescribeNewUcdnRefreshCacheTask',
		'DescribeNewUcdnPrefetchCacheTask',
	]);
});

describe('examples/deploy-check-purge-wait-notify.workflow.json', () => {
	const FILE = 'examples/deploy-check-purge-wait-notify.workflow.json';
	const URLS = [
		'https://static.example.com/index.html',
		'https://static.example.com/assets/app.js',
		'https://static.example.com/assets/app.css',
	];
	let own: UcdnSimulator;
	afterEach(async () => {
		await own.close();
	});

	test('reads the quota, checks and purges, waits, and notifies with what is left', async () => {
		own = await startSimulator({ submit: { pollsToFinish: 1 } });
		own.useQuota(SEED_DOMAINS.static.DomainId, { file: 100 });
		const result = await runWorkflow(readWorkflow(FILE), {
			credentials: simulatorCredentials(own),
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Quota left')).toEqual([
			expect.objectContaining({
				Domain: 'static.example.com',
				DomainId: SEED_DOMAINS.static.DomainId,
				RefreshFileLeft: 600,
			}),
		]);
		// The one task submitted (the seed tasks have no polls).
		const taskId = own.tasks.find((task) => task.polls !== undefined)?.info.TaskId;
		expect(taskId).toBeDefined();
		expect(result.json('Notify')).toEqual([
			{
				message: `CDN purge ${taskId} finished: success (3 URLs). static.example.com has 597 file refreshes left today.`,
				taskId,
				status: 'success',
				fileRefreshesLeft: 597,
			},
		]);
		expect(own.requestsFor('RefreshNewUcdnDomainCache').map((r) => r.params)).toEqual([
			expect.objectContaining({
				Type: 'file',
				...Object.fromEntries(URLS.map((url, n) => [`UrlList.${n}`, url])),
			}),
		]);
		expect(own.quotaOf(SEED_DOMAINS.static.DomainId).used.file).toBe(103);
	});

	test('refuses the purge before sending it when the quota left is too small', async () => {
		own = await startSimulator({ submit: { pollsToFinish: 1 } });
		own.setQuota(SEED_DOMAINS.static.DomainId, { file: 2 });
		const result = await runWorkflow(readWorkflow(FILE), {
			credentials: simulatorCredentials(own),
		});
		expect(result.error?.message).toBe(
			'Daily quota: static.example.com has 2 file refreshes left today; this execution would submit 3. Nothing was submitted.',
		);
		expect(result.json('Quota left')).toEqual([
			expect.objectContaining({ Domain: 'static.example.com', RefreshFileLeft: 2 }),
		]);
		expect(result.json('Notify')).toEqual([]);
		expect(own.requestsFor('RefreshNewUcdnDomainCache')).toHaveLength(0);
	});
});

describe('examples/deploy-purge-check-health.workflow.json', () => {
	const FILE = 'examples/deploy-purge-check-health.workflow.json';
	let own: UcdnSimulator;
	afterEach(async () => {
		await own.close();
	});

	test('purges, waits, checks the last 15 minutes and reports a healthy site', async () => {
		own = await startSimulator({ submit: { pollsToFinish: 1 } });
		const result = await runWorkflow(readWorkflow(FILE), {
			credentials: simulatorCredentials(own),
		});
		expect(result.error).toBeUndefined();
		expect(result.json('Report')).toEqual([
			{
				message: expect.stringMatching(
					/^Deploy done: static\.example\.com is healthy\. Within every limit: /,
				),
			},
		]);
		expect(result.json('Alert')).toEqual([]);
		const [call] = own.requestsFor('GetUcdnDomainRequestNumV3');
		expect(Number(call?.params.EndTime) - Number(call?.params.BeginTime)).toBe(1800);
	});

	test('a 5xx spike since the purge: the alert, with the reason', async () => {
		own = await startSimulator({ submit: { pollsToFinish: 1 } });
		own.traffic.scenarios.push({ from: Math.floor(Date.now() / 1000) - 900, errorShare: 6 });
		const result = await runWorkflow(readWorkflow(FILE), {
			credentials: simulatorCredentials(own),
		});
		expect(result.json('Report')).toEqual([]);
		expect(result.json('Alert')).toEqual([
			{
				message: expect.stringMatching(
					/^Check the site now: static\.example\.com\. 5xx share rose from \d+(\.\d+)? % to [56](\.\d+)? % \(limit 1 %\)\.$/,
				),
			},
		]);
	});
});

test('examples/certificate-expiry-alert.workflow.json: Fetch Test Event alerts on the certificate whose end is nearest', async () => {
	const result = await runWorkflow(
		readWorkflow('examples/certificate-expiry-alert.workflow.json'),
		{
			credentials: simulatorCredentials(sim),
		},
	);
	expect(result.error).toBeUndefined();
	const [alert] = result.json('Alert');
	expect(alert).toEqual({
		message: expect.stringMatching(
			/^EXPIRED: the HTTPS certificate old-example-org-2025 of old\.example\.org ends \d{4}-\d\d-\d\dT/,
		),
		certificate: 'old-example-org-2025',
		daysLeft: -3,
	});
	expect(result.json('Alert')).toHaveLength(1);
});

test('examples/incident-logs.workflow.json: the last hour of log files written to disk, each as served', async () => {
	const folder = mkdtempSync(path.join(tmpdir(), 'ucdn-logs-'));
	const workflow = readWorkflow('examples/incident-logs.workflow.json');
	const writer = workflow.nodes.find((node) => node.name === 'Write the files');
	const fileName = String(writer?.parameters.fileName);
	expect(fileName.startsWith(`=${EXAMPLE_FOLDER}/`)).toBe(true);
	if (writer) writer.parameters.fileName = fileName.replace(EXAMPLE_FOLDER, folder);
	try {
		const result = await runWorkflow(workflow, { credentials: simulatorCredentials(sim) });
		expect(result.error).toBeUndefined();
		const written = result.json('Write the files');
		// Twelve five-minute files start in an hour, the one on the hour in two parts.
		expect(written).toHaveLength(13);
		for (const { fileName: file, Url } of written) {
			const served = sim.logs.served.get(new URL(String(Url)).pathname);
			expect(served).toBeDefined();
			expect(sha256(readFileSync(String(file)))).toBe(sha256(served as Buffer));
		}
		expect(readdirSync(folder)).toHaveLength(written.length);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
});

// A new example needs its test here (and its case in scripts/n8n/e2e/, for test:n8n); then add it to this list.
test('every file of examples/ is run by a test', () => {
	// deploy-purge-and-wait runs in submit.test.ts, with the other Submit tests.
	expect(readdirSync('examples').sort()).toEqual([
		'certificate-expiry-alert.workflow.json',
		'deploy-check-purge-wait-notify.workflow.json',
		'deploy-purge-and-wait.workflow.json',
		'deploy-purge-check-health.workflow.json',
		'describe-tasks.workflow.json',
		'incident-logs.workflow.json',
		'notify-when-tasks-finish.workflow.json',
	]);
});
