import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { SimulatorOptions, UcdnSimulator } from '../../dev/simulator/server';
import { startSimulator } from '../../dev/simulator/server';
import type { WorkflowJson } from '../../dev/engine/package';
import { runWorkflow } from '../../dev/engine/run';
import type { UcdnWorkflowOptions } from '../../dev/engine/workflows';
import { CREDENTIAL_REF, simulatorCredentials, ucdnWorkflow } from '../../dev/engine/workflows';
import { at } from '../at';

const REFRESH = 'RefreshNewUcdnDomainCache';
const PREFETCH = 'PrefetchNewUcdnDomainCache';
const DESCRIBE = 'DescribeNewUcdnRefreshCacheTask';

const urls = (count: number, prefix = 'https://cdn.example.com/build') =>
	Array.from({ length: count }, (_, n) => `${prefix}/file-${n}.js`);

/** A fresh simulator per test: tasks and request logs do not leak between tests. */
let sim: UcdnSimulator;
async function simulator(options: SimulatorOptions = {}) {
	sim = await startSimulator({ seed: false, ...options });
	return sim;
}
afterEach(async () => {
	await sim?.close();
});

async function run(
	parameters: INodeParameters,
	options: UcdnWorkflowOptions & { onStarted?: (e: { cancel(): void }) => void } = {},
) {
	const result = await runWorkflow(
		ucdnWorkflow({ resource: 'refresh', operation: 'submit', ...parameters }, options),
		{ credentials: simulatorCredentials(sim), onStarted: options.onStarted },
	);
	return { ...result, calls: (action: string) => sim.requestsFor(action) };
}

const wait = (extra: INodeParameters = {}): INodeParameters => ({
	waitForCompletion: true,
	pollInterval: 2,
	timeout: 60,
	...extra,
});

describe('submit', () => {
	test('75 URLs at batch size 30: 3 calls, 3 TaskIds, one item per call', async () => {
		await simulator();
		const list = urls(75);
		const { json, items, calls, error } = await run({
			urls: list.join('\n'),
			options: { batchSize: 30 },
		});
		expect(error).toBeUndefined();
		expect(calls(REFRESH)).toHaveLength(3);
		expect(
			calls(REFRESH).map(
				(call) => Object.keys(call.params).filter((k) => k.startsWith('UrlList.')).length,
			),
		).toEqual([30, 30, 15]);
		expect(json('UCDN')).toEqual([
			{ TaskId: expect.any(String), Urls: list.slice(0, 30), Type: 'file', Action: REFRESH },
			{ TaskId: expect.any(String), Urls: list.slice(30, 60), Type: 'file', Action: REFRESH },
			{ TaskId: expect.any(String), Urls: list.slice(60), Type: 'file', Action: REFRESH },
		]);
		expect(new Set(json('UCDN').map((item) => item.TaskId)).size).toBe(3);
		for (const item of items('UCDN')) expect(item.pairedItem).toEqual({ item: 0 });
	});

	test('the default batch size is 30, the smallest documented cap', async () => {
		await simulator();
		const { calls } = await run({ urls: urls(31).join(' ') });
		expect(calls(REFRESH)).toHaveLength(2);
	});

	test('URLs as text with commas, and as a list from an expression; duplicates sent once', async () => {
		await simulator();
		const text = await run({
			urls: 'https://a.example.com/x.js,https://a.example.com/img/w_100,h_100.png, https://a.example.com/x.js',
		});
		expect(text.json('UCDN')[0]?.Urls).toEqual([
			'https://a.example.com/x.js',
			'https://a.example.com/img/w_100,h_100.png',
		]);
		const expression = await run(
			{ urls: '={{ $json.changed }}' },
			{
				input: [
					{
						changed: [
							'https://a.example.com/1.css',
							'https://a.example.com/1.css',
							'https://a.example.com/2.css',
						],
					},
				],
			},
		);
		expect(expression.json('UCDN')[0]?.Urls).toEqual([
			'https://a.example.com/1.css',
			'https://a.example.com/2.css',
		]);
	});

	test.each([
		['file', ['https://a.example.com/index.html']],
		['dir', ['https://a.example.com/assets/']],
		['m3u8', ['https://a.example.com/live/stream.m3u8']],
	])('Type %s is sent as Type', async (type, list) => {
		await simulator();
		const { calls, json } = await run({ urls: list.join('\n'), type });
		expect(calls(REFRESH)[0]?.params).toMatchObject({ Type: type, 'UrlList.0': list[0] });
		expect(json('UCDN')[0]?.Type).toBe(type);
		expect(sim.tasks[0]?.info).toMatchObject({ Type: type, Status: 'wait' });
	});

	test('Prefetch submits with its own action and no Type', async () => {
		await simulator();
		const { calls, json } = await run({
			resource: 'prefetch',
			urls: 'https://a.example.com/big.bin',
		});
		expect(calls(PREFETCH)).toHaveLength(1);
		expect(at(calls(PREFETCH), 0).params.Type).toBeUndefined();
		expect(json('UCDN')).toEqual([
			{ TaskId: expect.any(String), Urls: ['https://a.example.com/big.bin'], Action: PREFETCH },
		]);
	});

	test('Project ID and Whole-Site Acceleration are sent', async () => {
		await simulator();
		const { calls, error } = await run({
			urls: 'https://shop.example.net/x',
			options: { projectId: 'org-second', isDcdn: true },
		});
		expect(error).toBeUndefined();
		expect(calls(REFRESH)[0]?.params).toMatchObject({ ProjectId: 'org-second', IsDcdn: 'true' });
	});

	test.each<[string, INodeParameters, RegExp]>([
		['no URL', { urls: ' \n ' }, /^URLs: no URL given/],
		[
			'a relative URL',
			{ urls: 'https://a.example.com/ok.js\n/index.html' },
			/^URLs: URL 2 "\/index.html" must start with http:\/\/ or https:\/\//,
		],
		[
			'another scheme',
			{ urls: 'ftp://a.example.com/x' },
			/^URLs: URL 1 "ftp:\/\/a.example.com\/x" must start with http/,
		],
		['no host', { urls: 'https:///path' }, /^URLs: URL 1 "https:\/\/\/path" has no valid host/],
		[
			'a control character',
			{ urls: '={{ ["https://a.example.com/ok", "https://a.example.com/a\\u0007b"] }}' },
			/^URLs: URL 2 "https:\/\/a.example.com\/a\\u0007b" contains whitespace or control characters/,
		],
		[
			'a directory without a slash',
			{ urls: 'https://a.example.com/assets/\nhttps://a.example.com/img', type: 'dir' },
			/^URLs: URL 2 "https:\/\/a.example.com\/img" must end with \/ to refresh a directory/,
		],
		[
			'a prefetch of a directory',
			{ resource: 'prefetch', urls: 'https://a.example.com/f.js https://a.example.com/dir/' },
			/^URLs: URL 2 "https:\/\/a.example.com\/dir\/" is a directory; prefetch takes files only/,
		],
		[
			'URLs as objects',
			{ urls: '={{ [{ url: "https://a.example.com/" }] }}' },
			/^URLs: expected text or a list of text values/,
		],
		[
			'a batch size of 0',
			{ urls: 'https://a.example.com/x', options: { batchSize: 0 } },
			/^Batch Size: must be a whole number from 1 to 1000/,
		],
		[
			'a batch size over 1000',
			{ urls: 'https://a.example.com/x', options: { batchSize: 1001 } },
			/^Batch Size: must be a whole number from 1 to 1000/,
		],
		[
			'a poll interval under 2 s',
			{ urls: 'https://a.example.com/x', ...wait({ pollInterval: 1 }) },
			/^Poll Interval \(Seconds\): must be a number from 2/,
		],
		[
			'a timeout of 0',
			{ urls: 'https://a.example.com/x', ...wait({ timeout: 0 }) },
			/^Timeout \(Seconds\): must be a number from 1/,
		],
	])(
		'%s: a NodeOperationError naming the field and URL, before any request',
		async (_case, parameters, message) => {
			await simulator();
			const { error } = await run(parameters);
			expect(sim.requests).toHaveLength(0);
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(message);
		},
	);

	test('a batch above the server’s cap is refused by the server with its RetCode', async () => {
		await simulator({ submit: { cap: 30 } });
		const { error, calls } = await run({ urls: urls(40).join('\n'), options: { batchSize: 40 } });
		expect(calls(REFRESH)).toHaveLength(1);
		expect(error?.message).toMatch(
			/RefreshNewUcdnDomainCache failed with RetCode 230: Params \[UrlList\] too many: 40 > 30/,
		);
	});

	test('a failing later batch names the tasks the earlier batches created', async () => {
		await simulator();
		sim.failNext(
			{ kind: 'retCode', retCode: 294, message: 'Quota exceeded' },
			{ action: REFRESH, skip: 1 },
		);
		const { error } = await run({ urls: urls(45).join('\n') });
		const created = sim.tasks.map((task) => task.info.TaskId);
		expect(created).toHaveLength(1);
		expect(error?.message).toBe(
			'UCloud API RefreshNewUcdnDomainCache failed with RetCode 294: Quota exceeded (batch 2 of 2)',
		);
		expect(error?.description).toContain(`Already submitted in this execution: ${created[0]}.`);
		expect(error?.context?.createdTaskIds).toEqual(created);
	});
});

describe('wait for completion', () => {
	test("a wait that outlasts the API's default 24-hour window still finds its tasks", async () => {
		// The API's clock jumps 25 hours once the task is created, as if the wait had lasted that
		// long: a check that leaves BeginTime to the API's default no longer lists the task.
		let hoursLater = 0;
		await simulator({
			now: () => Math.floor(Date.now() / 1000) + hoursLater * 3600,
			submit: { pollsToFinish: 1 },
		});
		sim.failNext(
			{
				kind: 'transform',
				transform: (answer) => {
					hoursLater = 25;
					return answer;
				},
			},
			{ action: REFRESH },
		);
		const { json, error, calls } = await run({ urls: urls(1).join('\n'), ...wait({ timeout: 8 }) });
		expect(error).toBeUndefined();
		expect(json('UCDN')).toEqual([expect.objectContaining({ Status: 'success' })]);
		expect(Number(calls(DESCRIBE)[0]?.params.BeginTime)).toBeLessThanOrEqual(
			Number(sim.tasks[0]?.info.CreateTime),
		);
	});

	test('submit and wait until success: the final state of each task', async () => {
		await simulator({ submit: { pollsToFinish: 2 } });
		const { json, error, calls } = await run({ urls: urls(3).join('\n'), ...wait() });
		expect(error).toBeUndefined();
		expect(calls(DESCRIBE)).toHaveLength(2);
		expect(json('UCDN')).toHaveLength(1);
		expect(json('UCDN')[0]).toMatchObject({ Status: 'success', Type: 'file' });
		expect(
			(at(json('UCDN'), 0).UrlLists as IDataObject[]).map((url) => [
				url.Url,
				url.Status,
				url.Progress,
			]),
		).toEqual(urls(3).map((url) => [url, 'success', 100]));
	});

	test('one item per URL after waiting', async () => {
		await simulator({ submit: { pollsToFinish: 1 } });
		const { json } = await run({ urls: urls(2).join('\n'), ...wait({ output: 'url' }) });
		expect(json('UCDN').map((url) => [url.Url, url.Status, url.TaskStatus])).toEqual(
			urls(2).map((url) => [url, 'success', 'success']),
		);
	});

	test('waiting on N tasks costs exactly one Describe per poll, naming all of them', async () => {
		await simulator({ submit: { pollsToFinish: 3 } });
		const { json, calls } = await run({ urls: urls(75).join('\n'), ...wait() });
		const taskIds = sim.tasks.map((task) => task.info.TaskId);
		expect(taskIds).toHaveLength(3);
		expect(calls(DESCRIBE)).toHaveLength(3);
		for (const poll of calls(DESCRIBE)) {
			expect([poll.params['TaskId.0'], poll.params['TaskId.1'], poll.params['TaskId.2']]).toEqual(
				taskIds,
			);
		}
		expect(json('UCDN').map((task) => task.TaskId)).toEqual(taskIds);
	});

	test('a failed URL stops the node with the failed URLs listed (Error on Failed Tasks)', async () => {
		await simulator({ submit: { pollsToFinish: 1 } });
		sim.failUrls('file-1.js');
		const { error } = await run({ urls: urls(3).join('\n'), ...wait() });
		const taskId = at(sim.tasks, 0).info.TaskId;
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(
			`1 URL(s) failed: https://cdn.example.com/build/file-1.js (task ${taskId})`,
		);
	});

	test('with Error on Failed Tasks off, failed tasks are output with their status', async () => {
		await simulator({ submit: { pollsToFinish: 1 } });
		sim.failUrls('file-1.js');
		const { json, error } = await run({
			urls: urls(3).join('\n'),
			...wait({ errorOnFailedTasks: false, output: 'url' }),
		});
		expect(error).toBeUndefined();
		expect(json('UCDN').map((url) => [url.Url, url.Status, url.TaskStatus])).toEqual([
			[urls(3)[0], 'success', 'failure'],
			[urls(3)[1], 'failure', 'failure'],
			[urls(3)[2], 'success', 'failure'],
		]);
	});

	test('a timeout names the tasks still pending and their progress', async () => {
		await simulator({ submit: { pollsToFinish: Infinity } });
		const { error, calls } = await run({ urls: urls(2).join('\n'), ...wait({ timeout: 3 }) });
		const taskId = at(sim.tasks, 0).info.TaskId;
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(
			new RegExp(
				`^Timed out after [34] s waiting for 1 of 1 task\\(s\\): ${taskId} \\(process, 50%\\)$`,
			),
		);
		expect(calls(DESCRIBE)).toHaveLength(3);
	});

	test('cancelling the execution stops polling at once, even mid-interval', async () => {
		await simulator({ submit: { pollsToFinish: Infinity } });
		let cancelledAt = 0;
		const result = await run(
			{ urls: urls(2).join('\n'), ...wait({ pollInterval: 10, timeout: 600 }) },
			{
				onStarted: (execution) => {
					const check = setInterval(() => {
						if (sim.requestsFor(DESCRIBE).length >= 1) {
							clearInterval(check);
							cancelledAt = Date.now();
							execution.cancel();
						}
					}, 20);
				},
			},
		);
		expect(result.run.status).toBe('canceled');
		expect(result.stoppedAt - cancelledAt).toBeLessThan(1000);
		const polls = sim.requestsFor(DESCRIBE).length;
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(sim.requestsFor(DESCRIBE)).toHaveLength(polls);
		expect(polls).toBe(1);
	});

	test('Describe Tasks waits on TaskIds from an earlier node, in one request per poll', async () => {
		await simulator({ submit: { pollsToFinish: 2 } });
		const workflow: WorkflowJson = {
			nodes: [
				{
					id: '1',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: '2',
					name: 'Submit',
					type: 'n8n-nodes-ucdn.ucdn',
					typeVersion: 1,
					position: [200, 0],
					parameters: { resource: 'refresh', operation: 'submit', urls: urls(45).join('\n') },
					credentials: CREDENTIAL_REF,
				},
				{
					id: '3',
					name: 'Wait for purge',
					type: 'n8n-nodes-ucdn.ucdn',
					typeVersion: 1,
					position: [400, 0],
					executeOnce: true,
					parameters: {
						resource: 'refresh',
						operation: 'describeTasks',
						taskIds: "={{ $('Submit').all().map(item => item.json.TaskId) }}",
						waitForCompletion: true,
						pollInterval: 2,
						output: 'task',
					},
					credentials: CREDENTIAL_REF,
				},
			],
			connections: {
				Start: { main: [[{ node: 'Submit', type: 'main', index: 0 }]] },
				Submit: { main: [[{ node: 'Wait for purge', type: 'main', index: 0 }]] },
			},
		};
		const result = await runWorkflow(workflow, { credentials: simulatorCredentials(sim) });
		expect(result.error).toBeUndefined();
		const taskIds = result.json('Submit').map((item) => item.TaskId);
		expect(taskIds).toHaveLength(2);
		expect(sim.requestsFor(DESCRIBE)).toHaveLength(2);
		expect(result.json('Wait for purge').map((task) => [task.TaskId, task.Status])).toEqual(
			taskIds.map((id) => [id, 'success']),
		);
	});

	test('Describe Tasks with Wait for Completion needs Task IDs', async () => {
		await simulator();
		const result = await runWorkflow(
			ucdnWorkflow({
				resource: 'refresh',
				operation: 'describeTasks',
				taskIds: '',
				waitForCompletion: true,
			}),
			{
				credentials: simulatorCredentials(sim),
			},
		);
		expect(result.error?.message).toBe('Task IDs: are required to wait for completion');
		expect(sim.requests).toHaveLength(0);
	});
});

describe('examples/deploy-purge-and-wait.workflow.json', () => {
	test('purges, waits, and reports each finished task', async () => {
		await simulator({ submit: { pollsToFinish: 1 } });
		const { readWorkflow } = await import('../../dev/engine/package');
		const result = await runWorkflow(readWorkflow('examples/deploy-purge-and-wait.workflow.json'), {
			credentials: simulatorCredentials(sim),
		});
		expect(result.error).toBeUndefined();
		const taskId = at(sim.tasks, 0).info.TaskId;
		expect(result.json('Report')).toEqual([
			{ message: `CDN purge ${taskId} finished: success (3 URLs)`, taskId, status: 'success' },
		]);
		expect(sim.requestsFor(REFRESH)[0]?.params).toMatchObject({
			Type: 'file',
			'UrlList.0': 'https://www.example.com/index.html',
			'UrlList.2': 'https://www.example.com/assets/app.css',
		});
	});
});

describe('Add Readable Times after waiting', () => {
	/** The API's clock: it moves 42 s on once the task is created, so the task takes 42 s. */
	let clock: number;
	async function submitAndWait(parameters: INodeParameters, options: UcdnWorkflowOptions) {
		clock = Math.floor(Date.now() / 1000);
		await simulator({ now: () => clock, submit: { pollsToFinish: 1 } });
		sim.failNext(
			{
				kind: 'transform',
				transform: (answer) => {
					clock += 42;
					return answer;
				},
			},
			{ action: REFRESH },
		);
		const { json, error } = await run({ urls: urls(2).join('\n'), ...parameters }, options);
		expect(error).toBeUndefined();
		return json('UCDN');
	}
	/** The ISO time of these Unix seconds in Asia/Kolkata (UTC+05:30 all year). */
	const kolkata = (seconds: number) =>
		new Date((seconds + 5.5 * 3600) * 1000).toISOString().replace('Z', '+05:30');

	test('version 1.1, one item per task: ISO times in the workflow’s timezone and DurationSeconds', async () => {
		const [task] = await submitAndWait(wait(), { typeVersion: 1.1, timezone: 'Asia/Kolkata' });
		const created = clock - 42;
		const info = at(sim.tasks, 0).info;
		expect(task).toEqual({
			...info,
			CreateTimeIso: kolkata(created),
			DurationSeconds: 42,
			UrlLists: info.UrlLists.map((url) => ({
				...url,
				CreateTimeIso: kolkata(created),
				FinishTimeIso: kolkata(clock),
			})),
		});
		expect(info.UrlLists.map((url) => url.FinishTime)).toEqual([clock, clock]);
	});

	test('version 1.1, one item per URL: TaskCreateTimeIso and TaskDurationSeconds on each URL', async () => {
		const items = await submitAndWait(wait({ output: 'url' }), {
			typeVersion: 1.1,
			timezone: 'Asia/Kolkata',
		});
		const created = clock - 42;
		expect(items).toHaveLength(2);
		for (const item of items) {
			expect(item).toMatchObject({
				CreateTime: created,
				CreateTimeIso: kolkata(created),
				FinishTime: clock,
				FinishTimeIso: kolkata(clock),
				TaskCreateTime: created,
				TaskCreateTimeIso: kolkata(created),
				TaskDurationSeconds: 42,
			});
		}
	});

	test('Wait for Completion from an expression: version 1.1 still adds them by default', async () => {
		const [task] = await submitAndWait(wait({ waitForCompletion: '={{ true }}' }), {
			typeVersion: 1.1,
			timezone: 'Asia/Kolkata',
		});
		expect(task).toMatchObject({ CreateTimeIso: kolkata(clock - 42), DurationSeconds: 42 });
	});

	test('version 1: the finished task exactly as before', async () => {
		const [task] = await submitAndWait(wait(), { timezone: 'Asia/Kolkata' });
		expect(task).toEqual(at(sim.tasks, 0).info);
	});

	test('without waiting there are no times to add: one item per call, as before', async () => {
		await simulator();
		const { json } = await run({ urls: urls(1).join('\n') }, { typeVersion: 1.1 });
		expect(json('UCDN')).toEqual([
			{ TaskId: at(sim.tasks, 0).info.TaskId, Urls: urls(1), Type: 'file', Action: REFRESH },
		]);
	});
});
