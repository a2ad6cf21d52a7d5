import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED_RESPONSES, generateTasks } from '../../dev/simulator/data';
import type { UcdnSimulator } from '../../dev/simulator/server';
import { SECOND_PROJECT, startSimulator } from '../../dev/simulator/server';
import { runWorkflow } from '../../dev/engine/run';
import type { UcdnWorkflowOptions } from '../../dev/engine/workflows';
import { simulatorCredentials, ucdnWorkflow } from '../../dev/engine/workflows';
import { at } from '../at';

let sim: UcdnSimulator;
const now = Math.floor(Date.now() / 1000);

beforeAll(async () => {
	sim = await startSimulator();
	sim.addTasks([
		...generateTasks({ kind: 'refresh', count: 250, newest: now - 60, prefix: 'r' }),
		...generateTasks({
			kind: 'refresh',
			count: 5,
			newest: now - 3 * 86400,
			spacing: 3600,
			prefix: 'old',
			status: 'success',
		}),
		...generateTasks({
			kind: 'refresh',
			count: 3,
			newest: now - 120,
			prefix: 'dcdn',
			isDcdn: true,
		}),
		...generateTasks({
			kind: 'refresh',
			count: 4,
			newest: now - 120,
			prefix: 'second',
			projectId: SECOND_PROJECT,
		}),
		...generateTasks({
			kind: 'prefetch',
			count: 30,
			newest: now - 30,
			prefix: 'p',
			urlsPerTask: 3,
		}),
	]);
});
afterAll(async () => {
	await sim.close();
});

/** Runs Describe Tasks with these parameters; returns the run and the requests it made. */
async function describeTasks(
	parameters: INodeParameters,
	options: UcdnWorkflowOptions & { credentials?: IDataObject } = {},
) {
	const before = sim.requests.length;
	const result = await runWorkflow(
		ucdnWorkflow({ resource: 'refresh', operation: 'describeTasks', ...parameters }, options),
		{ credentials: simulatorCredentials(sim, options.credentials) },
	);
	const requests = sim.requests.slice(before);
	return { ...result, requests, params: requests.map((request) => request.params) };
}

const SEED_RANGE = {
	timeRange: 'custom',
	beginTime: '1970-01-01T00:00:00Z',
	endTime: '2019-12-31T00:00:00Z',
};

describe('output modes', () => {
	test('One Item per Task: each TaskInfo as returned, newest first, paired with its input', async () => {
		const { json, items, error } = await describeTasks({ limit: 3 });
		expect(error).toBeUndefined();
		expect(json('UCDN').map((task) => task.TaskId)).toEqual(['r_000000', 'r_000001', 'r_000002']);
		expect(json('UCDN')[0]).toEqual(
			sim.tasks.find((task) => task.info.TaskId === 'r_000000')?.info,
		);
		for (const item of items('UCDN')) expect(item.pairedItem).toEqual({ item: 0 });
	});

	test('One Item per URL: every URL with its task under clear names', async () => {
		const { json } = await describeTasks({ limit: 2, output: 'url', resource: 'prefetch' });
		expect(json('UCDN')).toHaveLength(6);
		expect(json('UCDN')[0]).toEqual({
			Url: 'https://static.example.com/p/0/asset-0.js',
			CreateTime: now - 30,
			FinishTime: now - 25,
			Status: 'success',
			Progress: 100,
			TaskId: 'p_000000',
			TaskStatus: 'success',
			TaskCreateTime: now - 30,
		});
		expect(json('UCDN').map((url) => url.TaskId)).toEqual([
			'p_000000',
			'p_000000',
			'p_000000',
			'p_000001',
			'p_000001',
			'p_000001',
		]);
	});

	test('Raw Response: one item per call with TotalCount and TaskList', async () => {
		const { json, requests } = await describeTasks({
			returnAll: true,
			output: 'raw',
			options: { pageSize: 100 },
		});
		expect(requests).toHaveLength(3);
		expect(json('UCDN')).toHaveLength(3);
		expect(json('UCDN').map((page) => (page.TaskList as IDataObject[]).length)).toEqual([
			100, 100, 50,
		]);
		for (const page of json('UCDN')) {
			expect(page).toMatchObject({
				RetCode: 0,
				TotalCount: 250,
				Action: 'DescribeNewUcdnRefreshCacheTaskResponse',
			});
		}
	});
});

describe('the seed documents’ examples', () => {
	// The simulator lists newest first, ties by TaskId.
	const prefetchSeed = [...SEED_RESPONSES.prefetch.TaskList].sort(
		(a, b) => b.CreateTime - a.CreateTime || (a.TaskId < b.TaskId ? -1 : 1),
	);

	test('refresh, per task: the documented task, its extra Type field kept', async () => {
		const { json } = await describeTasks({ ...SEED_RANGE });
		expect(json('UCDN')).toEqual(SEED_RESPONSES.refresh.TaskList);
		expect(json('UCDN')[0]?.Type).toBe('file');
	});

	test('refresh, per URL', async () => {
		const { json } = await describeTasks({ ...SEED_RANGE, output: 'url' });
		expect(json('UCDN')).toEqual(
			at(SEED_RESPONSES.refresh.TaskList, 0).UrlLists.map((url) => ({
				...url,
				TaskId: '20190121141137_4d8031d5',
				TaskStatus: 'success',
				TaskCreateTime: 1548051097,
			})),
		);
	});

	test('prefetch, per task: all seven tasks with their (undocumented) status values', async () => {
		const { json } = await describeTasks({ ...SEED_RANGE, resource: 'prefetch' });
		expect(json('UCDN')).toEqual(prefetchSeed);
	});

	test('prefetch, per URL: 31 URLs', async () => {
		const { json } = await describeTasks({ ...SEED_RANGE, resource: 'prefetch', output: 'url' });
		expect(json('UCDN')).toHaveLength(31);
		const newest = at(prefetchSeed, 0);
		expect(json('UCDN')[0]).toEqual({
			...at(newest.UrlLists, 0),
			TaskId: newest.TaskId,
			TaskStatus: newest.Status,
			TaskCreateTime: newest.CreateTime,
		});
	});

	test('prefetch, raw: the extra top-level Test field is kept', async () => {
		const { json } = await describeTasks({ ...SEED_RANGE, resource: 'prefetch', output: 'raw' });
		expect(json('UCDN')).toEqual([
			{
				Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
				RetCode: 0,
				TotalCount: 7,
				TaskList: prefetchSeed,
				Test: 'ryEuYMgQ',
			},
		]);
	});
});

describe('Task IDs', () => {
	test('as text: split on commas, spaces and newlines, trimmed, deduplicated, sent from TaskId.0', async () => {
		const { params, json } = await describeTasks({
			taskIds: ' r_000003, r_000001\n\nr_000003  r_000002,',
		});
		expect(params[0]).toMatchObject({
			'TaskId.0': 'r_000003',
			'TaskId.1': 'r_000001',
			'TaskId.2': 'r_000002',
		});
		expect(at(params, 0)['TaskId.3']).toBeUndefined();
		expect(json('UCDN').map((task) => task.TaskId)).toEqual(['r_000001', 'r_000002', 'r_000003']);
	});

	test('as an array from an expression over an earlier node’s items', async () => {
		const { params, json, items } = await describeTasks(
			{ taskIds: "={{ $('Input').all().map(item => item.json.TaskId) }}" },
			{ input: [{ TaskId: 'r_000010' }, { TaskId: 'r_000011' }] },
		);
		expect(params).toHaveLength(2);
		for (const sent of params)
			expect(sent).toMatchObject({ 'TaskId.0': 'r_000010', 'TaskId.1': 'r_000011' });
		expect(items('UCDN').map((item) => [item.json.TaskId, item.pairedItem])).toEqual([
			['r_000010', { item: 0 }],
			['r_000011', { item: 0 }],
			['r_000010', { item: 1 }],
			['r_000011', { item: 1 }],
		]);
		expect(json('UCDN')).toHaveLength(4);
	});

	test('per item from $json: each item describes its own tasks', async () => {
		const { params, items } = await describeTasks(
			{ taskIds: '={{ $json.ids }}' },
			{ input: [{ ids: ['r_000020', 'r_000021'] }, { ids: 'r_000022' }] },
		);
		expect(params.map((sent) => [sent['TaskId.0'], sent['TaskId.1']])).toEqual([
			['r_000020', 'r_000021'],
			['r_000022', undefined],
		]);
		expect(
			items('UCDN').map((item) => [item.json.TaskId, (item.pairedItem as { item: number }).item]),
		).toEqual([
			['r_000020', 0],
			['r_000021', 0],
			['r_000022', 1],
		]);
	});

	test('empty means no TaskId filter', async () => {
		const { params } = await describeTasks({ taskIds: '' });
		expect(Object.keys(at(params, 0)).some((name) => name.startsWith('TaskId'))).toBe(false);
	});
});

describe('time range', () => {
	test('Default sends the 24 hours up to the last whole second, the same window on every page', async () => {
		const before = Math.floor(Date.now() / 1000);
		const { params, json } = await describeTasks({ timeRange: 'default', returnAll: true });
		const after = Math.floor(Date.now() / 1000);
		expect(params).toHaveLength(3);
		const end = Number(at(params, 0).EndTime);
		expect(end).toBeGreaterThanOrEqual(before - 1);
		expect(end).toBeLessThan(after);
		for (const sent of params)
			expect(sent).toMatchObject({ BeginTime: String(end - 86400), EndTime: String(end) });
		expect(json('UCDN').some((task) => String(task.TaskId).startsWith('old'))).toBe(false);
	});

	test('Last N Hours', async () => {
		const before = Math.floor(Date.now() / 1000);
		const { params, json } = await describeTasks({
			timeRange: 'lastHours',
			hours: 1,
			returnAll: true,
		});
		const after = Math.floor(Date.now() / 1000);
		const end = Number(at(params, 0).EndTime);
		// From N hours before now to the last whole second before now.
		expect(end).toBeGreaterThanOrEqual(before - 1);
		expect(end).toBeLessThan(after);
		expect(Number(at(params, 0).BeginTime)).toBe(end + 1 - 3600);
		const inRange = sim.tasks.filter(
			(task) =>
				task.kind === 'refresh' &&
				!task.isDcdn &&
				task.projectId === 'org-default' &&
				task.info.CreateTime >= end + 1 - 3600 &&
				task.info.CreateTime <= end,
		);
		expect(inRange.length).toBeGreaterThan(50);
		expect(json('UCDN').map((task) => task.TaskId)).toEqual(
			inRange.map((task) => task.info.TaskId),
		);
	});

	test('Last N Days reaches older tasks', async () => {
		const { params, json } = await describeTasks({
			timeRange: 'lastDays',
			days: 4,
			returnAll: true,
		});
		const sent = at(params, 0);
		expect(Number(sent.EndTime) + 1 - Number(sent.BeginTime)).toBe(4 * 86400);
		expect(json('UCDN').filter((task) => String(task.TaskId).startsWith('old'))).toHaveLength(5);
	});

	test('Custom dates from the date picker are read in the workflow’s timezone', async () => {
		const { params, json } = await describeTasks(
			{ timeRange: 'custom', beginTime: '2019-01-21T14:11:00', endTime: '2019-01-21T14:12:00' },
			{ timezone: 'Asia/Shanghai' },
		);
		expect(params[0]).toMatchObject({ BeginTime: '1548051060', EndTime: '1548051120' });
		expect(json('UCDN').map((task) => task.TaskId)).toEqual(['20190121141137_4d8031d5']);
	});

	test('Custom from expressions: ISO text, Luxon DateTime and Unix seconds', async () => {
		const { params } = await describeTasks({
			timeRange: 'custom',
			beginTime: "={{ DateTime.fromISO('2019-01-21T06:11:00Z') }}",
			endTime: '={{ 1548051120 }}',
		});
		expect(params[0]).toMatchObject({ BeginTime: '1548051060', EndTime: '1548051120' });
		const iso = await describeTasks({
			timeRange: 'custom',
			beginTime: '={{ "2019-01-21T06:11:00+00:00" }}',
			endTime: '',
		});
		expect(iso.params[0]?.BeginTime).toBe('1548051060');
		// An empty End Time is now, pinned for the walk: the last whole second.
		const isoEnd = Number(at(iso.params, 0).EndTime);
		expect(isoEnd).toBeLessThan(Date.now() / 1000);
		expect(isoEnd).toBeGreaterThan(Date.now() / 1000 - 60);
	});
});

describe('filters and paging', () => {
	test.each([
		['success', 'success'],
		['wait', 'wait'],
		['process', 'process'],
		['failure', 'failure'],
		['unknow', 'unknow'],
	])('Status %s is sent and filters', async (status, sent) => {
		const { params, json } = await describeTasks({ status, returnAll: true });
		expect(params[0]?.Status).toBe(sent);
		expect(json('UCDN')).toHaveLength(50);
		for (const task of json('UCDN')) expect(task.Status).toBe(status);
	});

	test('Status All sends no Status', async () => {
		const { params } = await describeTasks({ status: 'all' });
		expect(at(params, 0).Status).toBeUndefined();
	});

	test('Return All walks 3 pages and emits each task once', async () => {
		const { params, json } = await describeTasks({ returnAll: true });
		expect(params.map((sent) => [sent.Offset, sent.Limit])).toEqual([
			['0', '100'],
			['100', '100'],
			['200', '100'],
		]);
		const ids = json('UCDN').map((task) => task.TaskId);
		expect(ids).toHaveLength(250);
		expect(new Set(ids).size).toBe(250);
	});

	test('Limit with Offset', async () => {
		const { params, json } = await describeTasks({ limit: 7, options: { offset: 5 } });
		expect(params).toHaveLength(1);
		expect(params[0]).toMatchObject({ Offset: '5', Limit: '7' });
		expect(json('UCDN').map((task) => task.TaskId)).toEqual(
			Array.from({ length: 7 }, (_, n) => `r_${String(n + 5).padStart(6, '0')}`),
		);
	});

	test('Limit above the page size is fetched in pages', async () => {
		const { params, json } = await describeTasks({ limit: 120, options: { pageSize: 50 } });
		expect(params.map((sent) => sent.Limit)).toEqual(['50', '50', '20']);
		expect(json('UCDN')).toHaveLength(120);
	});

	test('Whole-Site Acceleration sends IsDcdn=true and gets DCDN tasks', async () => {
		const { params, json } = await describeTasks({ returnAll: true, options: { isDcdn: true } });
		expect(params[0]?.IsDcdn).toBe('true');
		expect(json('UCDN').map((task) => task.TaskId)).toEqual([
			'dcdn_000000',
			'dcdn_000001',
			'dcdn_000002',
		]);
	});

	test('the credential’s Project ID is the default, the option overrides it', async () => {
		const fromCredential = await describeTasks(
			{ returnAll: true },
			{ credentials: { projectId: SECOND_PROJECT } },
		);
		expect(fromCredential.params[0]?.ProjectId).toBe(SECOND_PROJECT);
		expect(fromCredential.json('UCDN').map((task) => task.TaskId)).toHaveLength(4);

		const overridden = await describeTasks(
			{ returnAll: true, options: { projectId: 'org-default' } },
			{ credentials: { projectId: SECOND_PROJECT } },
		);
		expect(overridden.params[0]?.ProjectId).toBe('org-default');
		expect(overridden.json('UCDN')).toHaveLength(250);

		const none = await describeTasks({ limit: 1 });
		expect(at(none.params, 0).ProjectId).toBeUndefined();
	});
});

describe('errors', () => {
	test('a wrong private key: RetCode 171 with its Message, and what to check', async () => {
		const { error, requests } = await describeTasks(
			{},
			{ credentials: { privateKey: 'TEST-WRONG-PRIVATE-KEY' } },
		);
		expect(requests).toHaveLength(1);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(
			'UCloud API DescribeNewUcdnRefreshCacheTask failed with RetCode 171: Signature VerifyAC Error',
		);
		expect(error?.description).toMatch(/Public Key and Private Key belong together/);
	});

	test('an unknown public key: RetCode 172', async () => {
		const { error } = await describeTasks(
			{},
			{ credentials: { publicKey: 'TEST-UNKNOWN-PUBLIC-KEY' } },
		);
		expect(error?.message).toMatch(/RetCode 172: User Not Exists/);
		expect(error?.description).toMatch(/does not know this Public Key/);
	});

	test('HTTP 500 is a NodeApiError naming the status and the body', async () => {
		sim.failNext({ kind: 'http', status: 500, body: 'upstream exploded' });
		const { error } = await describeTasks({ options: { retries: 0 } });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('UCloud API DescribeNewUcdnRefreshCacheTask failed with HTTP 500');
		expect(error?.description).toBe('Response: upstream exploded');
	});

	test('a body that is not a UCloud answer', async () => {
		sim.failNext({ kind: 'garbage' });
		const { error } = await describeTasks({});
		expect(error?.message).toMatch(/returned a response that is not a UCloud answer/);
		expect(error?.description).toMatch(/<html><body>Bad Gateway/);
	});

	test('a server-side RetCode', async () => {
		sim.failNext({ kind: 'retCode', retCode: 2001, message: 'Service busy' });
		const { error } = await describeTasks({ options: { retries: 0 } });
		expect(error?.message).toBe(
			'UCloud API DescribeNewUcdnRefreshCacheTask failed with RetCode 2001: Service busy',
		);
		expect(error?.description).toMatch(/server-side error/);
	});

	test('an unreachable endpoint', async () => {
		const closed = await startSimulator();
		await closed.close();
		const { error } = await describeTasks(
			{ options: { retries: 0 } },
			{ credentials: { customEndpoint: closed.url } },
		);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(
			`Could not get an answer from the UCloud API at ${closed.url} for DescribeNewUcdnRefreshCacheTask`,
		);
		expect(error?.description).toBe(
			"ECONNREFUSED. Check the credential's API Endpoint and that n8n can reach it.",
		);
	});

	test('an empty custom endpoint', async () => {
		const { error, requests } = await describeTasks({}, { credentials: { customEndpoint: '' } });
		expect(requests).toHaveLength(0);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/set a Custom Endpoint URL/);
	});

	test.each<[string, INodeParameters, RegExp]>([
		[
			'Begin after End',
			{ timeRange: 'custom', beginTime: '2024-02-01T00:00:00Z', endTime: '2024-01-01T00:00:00Z' },
			/^Begin Time: .* is after End Time/,
		],
		[
			'an unparseable Begin Time',
			{ timeRange: 'custom', beginTime: '={{ "next tuesday" }}' },
			/^Begin Time: "next tuesday" is not a date/,
		],
		[
			'an unparseable End Time',
			{ timeRange: 'custom', beginTime: '2024-01-01T00:00:00Z', endTime: '={{ "31/31/2024" }}' },
			/^End Time: "31\/31\/2024" is not a date/,
		],
		[
			'End without Begin',
			{ timeRange: 'custom', beginTime: '', endTime: '2024-01-01T00:00:00Z' },
			/^Begin Time: is required when End Time is set/,
		],
		['zero hours', { timeRange: 'lastHours', hours: 0 }, /^Hours: must be a number greater than 0/],
		[
			'negative days',
			{ timeRange: 'lastDays', days: -2 },
			/^Days: must be a number greater than 0/,
		],
		['a zero limit', { limit: 0 }, /^Limit: must be a whole number from 1/],
		['a fractional limit', { limit: 2.5 }, /^Limit: must be a whole number from 1/],
		['a negative offset', { options: { offset: -1 } }, /^Offset: must be a whole number from 0/],
		[
			'a huge page size',
			{ options: { pageSize: 5000 } },
			/^Page Size: must be a whole number from 1 to 1000/,
		],
		[
			'Task IDs as objects',
			{ taskIds: '={{ [{ id: 1 }] }}' },
			/^Task IDs: expected text or a list of text values, got an object/,
		],
	])(
		'%s is a NodeOperationError naming the field, before any request',
		async (_case, parameters, message) => {
			const { error, requests } = await describeTasks(parameters);
			expect(requests).toHaveLength(0);
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(message);
		},
	);

	test('Continue On Fail: a bad item becomes an error item paired with it, the others go on', async () => {
		const { items, error, requests } = await describeTasks(
			{ taskIds: '={{ $json.id }}', timeRange: 'custom', beginTime: '={{ $json.begin }}' },
			{
				continueOnFail: true,
				input: [
					{ id: 'r_000001', begin: now - 86400 },
					{ id: 'r_000002', begin: 'not a date' },
					{ id: 'r_000003', begin: now - 86400 },
				],
			},
		);
		expect(error).toBeUndefined();
		expect(requests).toHaveLength(2);
		expect(
			items('UCDN').map((item) => [item.json.TaskId ?? item.json.error, item.pairedItem]),
		).toEqual([
			['r_000001', { item: 0 }],
			[
				'Begin Time: "not a date" is not a date. Use the date picker, an ISO date such as 2024-05-01T12:00:00, a Luxon DateTime or Unix seconds.',
				{ item: 1 },
			],
			['r_000003', { item: 2 }],
		]);
	});

	test('Begin Time after End Time is shown in the workflow timezone, as typed', async () => {
		const { error, requests } = await describeTasks(
			{ timeRange: 'custom', beginTime: '2026-11-02T00:00:00', endTime: '2026-11-01T12:30:00' },
			{ timezone: 'America/New_York' },
		);
		expect(requests).toHaveLength(0);
		expect(error?.message).toBe(
			'Begin Time: 2026-11-02T00:00:00 is after End Time 2026-11-01T12:30:00 (America/New_York time)',
		);
	});

	test('Continue On Fail: bad input and API errors give error items of one shape', async () => {
		sim.failNext({ kind: 'retCode', retCode: 295, message: 'Permission denied' });
		const { items, requests } = await describeTasks(
			{ taskIds: '={{ $json.id }}', timeRange: 'custom', beginTime: '={{ $json.begin }}' },
			{
				continueOnFail: true,
				input: [
					{ id: 'r_000001', begin: now - 86400 },
					{ id: 'r_000002', begin: 'not a date' },
				],
			},
		);
		expect(requests).toHaveLength(1);
		const errors = items('UCDN').map((item) => item.json);
		const [apiError, badInput] = [at(errors, 0), at(errors, 1)];
		expect(Object.keys(apiError).sort()).toEqual(['description', 'error']);
		expect(Object.keys(badInput).sort()).toEqual(['description', 'error', 'field']);
		expect(badInput).toEqual({
			error: expect.stringMatching(/^Begin Time: "not a date" is not a date/),
			description:
				'Check Begin Time: the parameter, or the expression or input field that sets it. Nothing was sent to UCloud for this item.',
			field: 'Begin Time',
		});
	});

	test('Continue On Fail also covers API errors', async () => {
		sim.failNext({ kind: 'retCode', retCode: 295, message: 'Permission denied' });
		const { items } = await describeTasks(
			{ taskIds: '={{ $json.id }}' },
			{ continueOnFail: true, input: [{ id: 'r_000001' }, { id: 'r_000002' }] },
		);
		expect(
			items('UCDN').map((item) => [item.json.TaskId ?? item.json.error, item.pairedItem]),
		).toEqual([
			[
				'UCloud API DescribeNewUcdnRefreshCacheTask failed with RetCode 295: Permission denied',
				{ item: 0 },
			],
			['r_000002', { item: 1 }],
		]);
		expect(items('UCDN')[0]?.json.description).toMatch(
			/^UCloud refused the request\. Check the parameters/,
		);
	});
});

describe("Task IDs from earlier items (docs/parameters.md's examples)", () => {
	const input = [{ TaskId: 'r_000001' }, { TaskId: 'r_000002' }, { TaskId: 'r_000003' }];
	const ids = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.TaskId);

	test('{{ $json.TaskId }}: one call per input item, each answer paired with its item', async () => {
		const { items, requests } = await describeTasks({ taskIds: '={{ $json.TaskId }}' }, { input });
		expect(requests).toHaveLength(3);
		expect(items('UCDN').map((item) => [item.json.TaskId, item.pairedItem])).toEqual([
			['r_000001', { item: 0 }],
			['r_000002', { item: 1 }],
			['r_000003', { item: 2 }],
		]);
	});

	const all = "={{ $('Input').all().map(i => i.json.TaskId) }}";
	test('.all() with Execute Once: one call for the whole list, each task once', async () => {
		const { items, requests } = await describeTasks({ taskIds: all }, { input, executeOnce: true });
		expect(requests).toHaveLength(1);
		expect(ids(items('UCDN')).sort()).toEqual(['r_000001', 'r_000002', 'r_000003']);
	});

	test('.all() without Execute Once runs the same list once per input item', async () => {
		const { items, requests } = await describeTasks({ taskIds: all }, { input });
		expect(requests).toHaveLength(3);
		expect(items('UCDN')).toHaveLength(9);
	});
});

describe('paging while the list changes', () => {
	const REFRESH = 'DescribeNewUcdnRefreshCacheTask';
	let live: UcdnSimulator;
	beforeEach(async () => {
		live = await startSimulator({ seed: false });
		live.addTasks(generateTasks({ kind: 'refresh', count: 300, newest: now - 60, prefix: 'w' }));
	});
	afterEach(async () => {
		await live.close();
	});

	async function readPages(parameters: INodeParameters) {
		const result = await runWorkflow(
			ucdnWorkflow({ resource: 'refresh', operation: 'describeTasks', ...parameters }),
			{ credentials: simulatorCredentials(live) },
		);
		return { ...result, calls: live.requestsFor(REFRESH).length };
	}
	const ids = (from: number, count: number) =>
		Array.from({ length: count }, (_, n) => `w_${String(from + n).padStart(6, '0')}`);

	test('tasks created between page calls: Return All returns exactly the 300 that matched at the start', async () => {
		// A page's worth of new tasks before every page call but the first: each shifts the older
		// ones a whole page on, so an unpinned walk sees the first page again and again.
		live.failNext({ kind: 'newTasks', count: 100 }, { action: REFRESH, times: Infinity, skip: 1 });
		const { json, error, calls } = await readPages({ returnAll: true });
		expect(error).toBeUndefined();
		expect(json('UCDN').map((task) => task.TaskId)).toEqual(ids(0, 300));
		expect(live.tasks).toHaveLength(300 + 100 * (calls - 1));
		expect(calls).toBe(3);
	});

	test('tasks created between page calls: Limit and Offset give the tasks at those places at the start', async () => {
		live.failNext({ kind: 'newTasks', count: 50 }, { action: REFRESH, times: Infinity, skip: 1 });
		const { json, error } = await readPages({ limit: 150, options: { offset: 20, pageSize: 50 } });
		expect(error).toBeUndefined();
		expect(json('UCDN').map((task) => task.TaskId)).toEqual(ids(20, 150));
	});

	test('an order that changes between page calls (tasks sharing a CreateTime): a clear error, never a task short', async () => {
		// The database sorts ties differently for the second query: the last task of page 1 comes
		// again at the head of page 2, and the task that was there is on no page. TotalCount stays 300.
		let lastOfFirst: unknown;
		live.failNext(
			{
				kind: 'transform',
				transform: (answer, request) => {
					const list = answer.TaskList as unknown[];
					if (request.params.Offset === '0') lastOfFirst = list[list.length - 1];
					if (request.params.Offset === '100') list[0] = lastOfFirst;
					return answer;
				},
			},
			{ action: REFRESH, times: Infinity },
		);
		const { error } = await readPages({ returnAll: true });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(
			/299 different tasks in 3 pages, although its TotalCount of 300 did not change/,
		);
	});

	test('a server that ignores Offset: a clear error on the second call, not 10,000 calls of duplicates', async () => {
		live.failNext({ kind: 'ignoreOffset' }, { action: REFRESH, times: Infinity });
		const { error, calls } = await readPages({ returnAll: true });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(/ignores Offset/);
		expect(error?.description).toMatch(/Offset 100 .* same 100 tasks as Offset 0/);
		expect(calls).toBe(2);
	});
});

describe('Add Readable Times', () => {
	/** 2026-11-02T00:00:00Z: tasks at fixed times, so that the times in the output are known. */
	const T = 1_793_577_600;
	const RANGE = {
		timeRange: 'custom',
		beginTime: '2026-11-01T00:00:00Z',
		endTime: '2026-11-03T00:00:00Z',
	};
	let isoSim: UcdnSimulator;
	beforeAll(async () => {
		isoSim = await startSimulator({ seed: false });
		// Statuses in turn: success (T), wait, process, failure (T - 180); one URL of the failed task ends later.
		isoSim.addTasks(generateTasks({ kind: 'refresh', count: 4, newest: T, prefix: 'iso' }));
		at(at(isoSim.tasks, 3).info.UrlLists, 1).FinishTime = T - 180 + 40;
	});
	afterAll(async () => {
		await isoSim.close();
	});
	const stored = (id: string) =>
		structuredClone(isoSim.tasks.find((task) => task.info.TaskId === id)?.info) as IDataObject;

	async function describeIso(
		parameters: INodeParameters,
		options: UcdnWorkflowOptions = {},
	): Promise<IDataObject[]> {
		const { json, error } = await runWorkflow(
			ucdnWorkflow(
				{ resource: 'refresh', operation: 'describeTasks', ...RANGE, ...parameters },
				options,
			),
			{ credentials: simulatorCredentials(isoSim) },
		);
		expect(error).toBeUndefined();
		return json('UCDN');
	}

	const shanghai = (seconds: number) =>
		new Date((seconds + 8 * 3600) * 1000).toISOString().replace('Z', '+08:00');

	test('version 1 without the option: the tasks exactly as before, per task and per URL', async () => {
		const tasks = await describeIso({}, { timezone: 'Asia/Shanghai' });
		expect(tasks).toEqual(['iso_000000', 'iso_000001', 'iso_000002', 'iso_000003'].map(stored));
		const urls = await describeIso(
			{ output: 'url', taskIds: 'iso_000000' },
			{ timezone: 'Asia/Shanghai' },
		);
		expect(urls).toEqual(
			(stored('iso_000000').UrlLists as IDataObject[]).map((url) => ({
				...url,
				TaskId: 'iso_000000',
				TaskStatus: 'success',
				TaskCreateTime: T,
			})),
		);
	});

	test('version 1.1 adds them by default, in the workflow’s timezone, next to the Unix times', async () => {
		const tasks = await describeIso({}, { timezone: 'Asia/Shanghai', typeVersion: 1.1 });
		const success = stored('iso_000000');
		expect(tasks[0]).toEqual({
			...success,
			CreateTimeIso: '2026-11-02T08:00:00.000+08:00',
			DurationSeconds: 5,
			UrlLists: (success.UrlLists as IDataObject[]).map((url) => ({
				...url,
				CreateTimeIso: '2026-11-02T08:00:00.000+08:00',
				FinishTimeIso: '2026-11-02T08:00:05.000+08:00',
			})),
		});
		expect(Object.keys(at(tasks, 0)).slice(0, 4)).toEqual([
			'TaskId',
			'CreateTime',
			'CreateTimeIso',
			'DurationSeconds',
		]);
		// Not finished: no duration, and a URL's FinishTime of 0 gets no FinishTimeIso.
		const waiting = stored('iso_000001');
		expect(tasks[1]).toEqual({
			...waiting,
			CreateTimeIso: shanghai(T - 60),
			UrlLists: (waiting.UrlLists as IDataObject[]).map((url) => ({
				...url,
				CreateTimeIso: shanghai(T - 60),
			})),
		});
		// A failed task finished too: up to its last URL's FinishTime.
		expect(tasks[3]).toMatchObject({ Status: 'failure', DurationSeconds: 40 });
	});

	test('One Item per URL: the URL’s times, TaskCreateTimeIso and the task’s TaskDurationSeconds', async () => {
		const urls = await describeIso(
			{ output: 'url', taskIds: 'iso_000003' },
			{ timezone: 'Asia/Shanghai', typeVersion: 1.1 },
		);
		const created = T - 180;
		expect(urls).toEqual(
			(stored('iso_000003').UrlLists as IDataObject[]).map((url) => ({
				...url,
				CreateTimeIso: shanghai(created),
				FinishTimeIso: shanghai(url.FinishTime as number),
				TaskId: 'iso_000003',
				TaskStatus: 'failure',
				TaskCreateTime: created,
				TaskCreateTimeIso: shanghai(created),
				TaskDurationSeconds: 40,
			})),
		);
	});

	test('the workflow’s timezone decides the offset', async () => {
		const described = await describeIso(
			{ taskIds: 'iso_000000' },
			{ timezone: 'America/New_York', typeVersion: 1.1 },
		);
		const task = at(described, 0);
		expect(task.CreateTimeIso).toBe('2026-11-01T19:00:00.000-05:00');
		expect((task.UrlLists as IDataObject[])[0]?.FinishTimeIso).toBe(
			'2026-11-01T19:00:05.000-05:00',
		);
	});

	test('turned off on version 1.1, or on on version 1', async () => {
		const off = await describeIso(
			{ taskIds: 'iso_000000', readableTimes: false },
			{ typeVersion: 1.1 },
		);
		expect(off).toEqual([stored('iso_000000')]);
		const on = await describeIso(
			{ taskIds: 'iso_000000', readableTimes: true },
			{ timezone: 'Asia/Shanghai' },
		);
		expect(on[0]).toMatchObject({
			CreateTimeIso: '2026-11-02T08:00:00.000+08:00',
			DurationSeconds: 5,
		});
	});

	test('from an expression, per input item: true, "false", and a clear error naming the field', async () => {
		const before = isoSim.requests.length;
		const { items } = await runWorkflow(
			ucdnWorkflow(
				{
					resource: 'refresh',
					operation: 'describeTasks',
					...RANGE,
					taskIds: 'iso_000000',
					readableTimes: '={{ $json.readable }}',
				},
				{
					typeVersion: 1.1,
					continueOnFail: true,
					input: [{ readable: true }, { readable: 'false' }, { readable: 'yes' }],
				},
			),
			{ credentials: simulatorCredentials(isoSim) },
		);
		expect(isoSim.requests.length - before).toBe(2);
		expect(items('UCDN').map((item) => [item.pairedItem, 'CreateTimeIso' in item.json])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, false],
			[{ item: 2 }, false],
		]);
		expect(items('UCDN')[2]?.json).toEqual({
			error: 'Add Readable Times: must be true or false, got "yes"',
			description: expect.stringMatching(/^Check Add Readable Times: /),
			field: 'Add Readable Times',
		});
	});

	test('Raw Response stays as the API returned it', async () => {
		const [page] = await describeIso(
			{ output: 'raw', taskIds: 'iso_000000' },
			{ timezone: 'Asia/Shanghai', typeVersion: 1.1 },
		);
		expect(page?.TaskList).toEqual([stored('iso_000000')]);
	});
});
