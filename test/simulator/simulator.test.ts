/**
 * The simulator against the API documents, driven by plain HTTP and signed here with crypto-js,
 * independently of the node's signing code.
 */
import type { UcdnSimulator } from '../../dev/simulator/server';
import { RET, TEST_PUBLIC_KEY, startSimulator } from '../../dev/simulator/server';
import { sign } from './signed';

let sim: UcdnSimulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
});

const seedRange = { BeginTime: '0', EndTime: '1600000000' };

async function post(body: unknown, contentType = 'application/json', server = sim) {
	const response = await fetch(`${server.url}/`, {
		method: 'POST',
		headers: { 'Content-Type': contentType },
		body:
			contentType === 'application/json'
				? JSON.stringify(body)
				: new URLSearchParams(body as Record<string, string>).toString(),
	});
	return { status: response.status, text: await response.text() };
}

const json = async (body: unknown, contentType?: string, server?: UcdnSimulator) =>
	JSON.parse((await post(body, contentType, server)).text);

test('POST with a JSON body', async () => {
	const answer = await json(sign({ Action: 'DescribeNewUcdnRefreshCacheTask', ...seedRange }));
	expect(answer).toMatchObject({
		Action: 'DescribeNewUcdnRefreshCacheTaskResponse',
		RetCode: 0,
		TotalCount: 1,
	});
	expect(answer.TaskList[0].TaskId).toBe('20190121141137_4d8031d5');
});

test('POST with a form body', async () => {
	const answer = await json(
		sign({ Action: 'DescribeNewUcdnPrefetchCacheTask', ...seedRange }),
		'application/x-www-form-urlencoded',
	);
	expect(answer).toMatchObject({ RetCode: 0, TotalCount: 7, Test: 'ryEuYMgQ' });
});

test('GET with a query string', async () => {
	const query = new URLSearchParams(
		sign({
			Action: 'DescribeNewUcdnRefreshCacheTask',
			...seedRange,
			'TaskId.0': '20190121141137_4d8031d5',
		}),
	);
	const answer = await (await fetch(`${sim.url}/?${query}`)).json();
	expect(answer).toMatchObject({ RetCode: 0, TotalCount: 1 });
});

test('JSON numbers and booleans are signed as their text', async () => {
	const signed = sign({
		Action: 'DescribeNewUcdnRefreshCacheTask',
		BeginTime: '0',
		EndTime: '1600000000',
		Limit: '1',
		IsDcdn: 'false',
	});
	const typed = { ...signed, BeginTime: 0, EndTime: 1600000000, Limit: 1, IsDcdn: false };
	expect(await json(typed)).toMatchObject({ RetCode: 0 });
});

test('a wrong private key, or signing `true` but sending `True`, is RetCode 171', async () => {
	expect(
		await json(sign({ Action: 'DescribeNewUcdnRefreshCacheTask' }, 'TEST-WRONG')),
	).toMatchObject({
		RetCode: RET.SIGNATURE,
		Message: 'Signature VerifyAC Error',
	});
	const signed = sign({ Action: 'DescribeNewUcdnRefreshCacheTask', IsDcdn: 'true' });
	expect(await json({ ...signed, IsDcdn: 'True' })).toMatchObject({ RetCode: RET.SIGNATURE });
});

test('an unknown public key is RetCode 172', async () => {
	expect(
		await json(sign({ Action: 'DescribeNewUcdnRefreshCacheTask', PublicKey: 'TEST-NOBODY' })),
	).toMatchObject({
		RetCode: RET.NO_USER,
		Message: 'User Not Exists',
	});
});

test('documented defaults: the last 24 h, BeginTime required with EndTime, Limit default all', async () => {
	const recent = await json(sign({ Action: 'DescribeNewUcdnRefreshCacheTask' }));
	expect(recent).toMatchObject({ RetCode: 0, TotalCount: 0, TaskList: [] });
	expect(
		await json(sign({ Action: 'DescribeNewUcdnRefreshCacheTask', EndTime: '1600000000' })),
	).toMatchObject({ RetCode: RET.PARAMS });
	const all = await json(sign({ Action: 'DescribeNewUcdnPrefetchCacheTask', ...seedRange }));
	expect(all.TaskList).toHaveLength(7);
	const paged = await json(
		sign({ Action: 'DescribeNewUcdnPrefetchCacheTask', ...seedRange, Offset: '2', Limit: '3' }),
	);
	expect(paged.TaskList.map((task: { TaskId: string }) => task.TaskId)).toEqual(
		all.TaskList.slice(2, 5).map((task: { TaskId: string }) => task.TaskId),
	);
	expect(paged.TotalCount).toBe(7);
});

test('describeCap: at most N tasks per Describe whatever Limit says, TotalCount the real number', async () => {
	const capped = await startSimulator({ describeCap: 3 });
	const describe = async (params: Record<string, string>, server = capped) => {
		const request = sign({ Action: 'DescribeNewUcdnPrefetchCacheTask', ...seedRange, ...params });
		const answer = await json(request, undefined, server);
		return {
			TotalCount: answer.TotalCount,
			ids: answer.TaskList.map((task: { TaskId: string }) => task.TaskId),
		};
	};
	try {
		const { ids: all } = await describe({}, sim);
		expect(await describe({})).toEqual({ TotalCount: 7, ids: all.slice(0, 3) });
		expect(await describe({ Offset: '3', Limit: '1000' })).toEqual({
			TotalCount: 7,
			ids: all.slice(3, 6),
		});
		expect(await describe({ Offset: '6', Limit: '1000' })).toEqual({
			TotalCount: 7,
			ids: all.slice(6),
		});
		expect(await describe({ Limit: '2' })).toEqual({ TotalCount: 7, ids: all.slice(0, 2) });
	} finally {
		await capped.close();
	}
});

test('invalid parameters are refused with a RetCode below 2000', async () => {
	const invalid: Record<string, string>[] = [
		{ Status: 'done' },
		{ Offset: '-1' },
		{ Limit: 'x' },
		{ IsDcdn: 'yes' },
		{ ProjectId: 'org-unknown' },
	];
	for (const bad of invalid) {
		const answer = await json(sign({ Action: 'DescribeNewUcdnRefreshCacheTask', ...bad }));
		expect(answer.RetCode).toBeGreaterThan(0);
		expect(answer.RetCode).toBeLessThan(2000);
	}
	expect(await json(sign({ Action: 'NoSuchAction' }))).toMatchObject({
		RetCode: RET.UNKNOWN_ACTION,
	});
});

test('GetProjectList: every project in the documented shape, not scoped by ProjectId', async () => {
	const expected = {
		Action: 'GetProjectListResponse',
		RetCode: 0,
		ProjectCount: 3,
		ProjectSet: [
			{ ProjectId: 'org-default', ProjectName: 'Default', IsDefault: true },
			{ ProjectId: 'org-second', ProjectName: 'Second Site', IsDefault: false },
			{ ProjectId: 'org-static', ProjectName: 'Static Assets', IsDefault: false },
		],
	};
	const answer = await json(sign({ Action: 'GetProjectList' }));
	expect(answer).toMatchObject(expected);
	for (const project of answer.ProjectSet) {
		expect(typeof project.CreateTime).toBe('number');
		expect(typeof project.MemberCount).toBe('number');
		expect(typeof project.ResourceCount).toBe('number');
	}
	expect(
		await json(sign({ Action: 'GetProjectList', ProjectId: 'org-second', IsFinance: 'No' })),
	).toMatchObject(expected);
	expect(await json(sign({ Action: 'GetProjectList', IsFinance: 'maybe' }))).toMatchObject({
		RetCode: RET.PARAMS,
	});
});

test('a denied action: RetCode 299 once the signature is verified, other actions still work', async () => {
	sim.denied.add('GetProjectList');
	try {
		expect(await json(sign({ Action: 'GetProjectList' }))).toMatchObject({
			Action: 'GetProjectListResponse',
			RetCode: RET.NO_PERMISSION,
		});
		expect(await json(sign({ Action: 'GetProjectList' }, 'TEST-WRONG-KEY'))).toMatchObject({
			RetCode: RET.SIGNATURE,
		});
		expect(
			await json(sign({ Action: 'DescribeNewUcdnRefreshCacheTask', ...seedRange })),
		).toMatchObject({ RetCode: 0 });
	} finally {
		sim.denied.clear();
	}
});

test('faults: HTTP 429 and 500, RetCode ≥ 2000, garbage, delay, reset', async () => {
	const request = sign({ Action: 'DescribeNewUcdnRefreshCacheTask' });
	sim.failNext({ kind: 'http', status: 429, headers: { 'Retry-After': '1' } });
	expect((await post(request)).status).toBe(429);
	sim.failNext({ kind: 'http', status: 500 });
	expect((await post(request)).status).toBe(500);
	sim.failNext({ kind: 'retCode', retCode: 2001 });
	expect(await json(request)).toMatchObject({ RetCode: 2001 });
	sim.failNext({ kind: 'garbage' });
	expect((await post(request)).text).toMatch(/^<html>/);
	sim.failNext({ kind: 'delay', ms: 150 });
	const started = Date.now();
	expect(await json(request)).toMatchObject({ RetCode: 0 });
	expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	sim.failNext({ kind: 'reset' });
	await expect(post(request)).rejects.toThrow();
	expect(await json(request)).toMatchObject({ RetCode: 0 });
});

test('faults can target one action and several calls', async () => {
	sim.failNext(
		{ kind: 'http', status: 503 },
		{ times: 2, action: 'DescribeNewUcdnPrefetchCacheTask' },
	);
	expect((await post(sign({ Action: 'DescribeNewUcdnRefreshCacheTask' }))).status).toBe(200);
	expect((await post(sign({ Action: 'DescribeNewUcdnPrefetchCacheTask' }))).status).toBe(503);
	expect((await post(sign({ Action: 'DescribeNewUcdnPrefetchCacheTask' }))).status).toBe(503);
	expect((await post(sign({ Action: 'DescribeNewUcdnPrefetchCacheTask' }))).status).toBe(200);
});

test('faults can target calls by their parameters', async () => {
	const action = 'DescribeNewUcdnRefreshCacheTask';
	sim.failNext({ kind: 'retCode', retCode: 2001 }, { action, where: { Limit: '2' } });
	expect(await json(sign({ Action: action, Limit: '1' }))).toMatchObject({ RetCode: 0 });
	expect(await json(sign({ Action: action }))).toMatchObject({ RetCode: 0 });
	expect(await json(sign({ Action: action, Limit: '2' }))).toMatchObject({ RetCode: 2001 });
	expect(await json(sign({ Action: action, Limit: '2' }))).toMatchObject({ RetCode: 0 });
});

test('mostAtOnce: the most calls served at once, held ones included', async () => {
	const server = await startSimulator();
	try {
		const request = sign({ Action: 'DescribeNewUcdnRefreshCacheTask' });
		await post(request, undefined, server);
		expect(server.mostAtOnce).toBe(1);
		server.failNext({ kind: 'delay', ms: 100 }, { times: 3 });
		await Promise.all([1, 2, 3].map(() => post(request, undefined, server)));
		expect(server.mostAtOnce).toBe(3);
	} finally {
		await server.close();
	}
});

test('faults: new tasks at the head of the list before a Describe, and an ignored Offset', async () => {
	const action = 'DescribeNewUcdnRefreshCacheTask';
	const first = await json(sign({ Action: action, Limit: '1' }));
	sim.failNext({ kind: 'newTasks', count: 2 }, { action });
	const second = await json(sign({ Action: action, Limit: '1' }));
	expect(second.TotalCount).toBe(first.TotalCount + 2);
	// Created like submitted tasks, so listing them moves them on (wait → process).
	expect(second.TaskList[0]).toMatchObject({
		Status: 'process',
		UrlLists: [{ Url: expect.stringContaining('/new/') }],
	});
	expect(second.TaskList[0].TaskId).not.toBe(first.TaskList[0]?.TaskId);

	sim.failNext({ kind: 'ignoreOffset' }, { action });
	const ignored = await json(sign({ Action: action, Offset: '1', Limit: '1' }));
	const honest = await json(sign({ Action: action, Offset: '1', Limit: '1' }));
	expect(ignored.TaskList[0].TaskId).toBe(second.TaskList[0].TaskId);
	expect(honest.TaskList[0].TaskId).not.toBe(second.TaskList[0].TaskId);
});

test('faults: a lagging replica lists the tasks named as not ended yet, Status filter included', async () => {
	const action = 'DescribeNewUcdnRefreshCacheTask';
	const request = sign({ Action: action, ...seedRange });
	const honest = await json(request);
	const [task] = honest.TaskList;
	expect(task.Status).toBe('success');
	sim.failNext({ kind: 'stale', taskIds: [task.TaskId] }, { action });
	const stale = await json(request);
	expect(stale.TaskList[0]).toEqual({
		...task,
		Status: 'process',
		UrlLists: task.UrlLists.map((url: object) => ({
			...url,
			Status: 'process',
			Progress: 50,
			FinishTime: 0,
		})),
	});
	sim.failNext({ kind: 'stale', taskIds: [task.TaskId] }, { action });
	expect(await json(sign({ Action: action, ...seedRange, Status: 'success' }))).toMatchObject({
		TotalCount: 0,
		TaskList: [],
	});
	// The next answer is honest again.
	expect(await json(request)).toEqual(honest);
});

test('every request is logged with its action and signed parameters', async () => {
	const before = sim.requests.length;
	await post(sign({ Action: 'DescribeNewUcdnRefreshCacheTask', Limit: '2' }));
	expect(sim.requests.slice(before)).toEqual([
		expect.objectContaining({
			method: 'POST',
			contentType: 'application/json',
			action: 'DescribeNewUcdnRefreshCacheTask',
			params: { Action: 'DescribeNewUcdnRefreshCacheTask', Limit: '2', PublicKey: TEST_PUBLIC_KEY },
			retCode: 0,
		}),
	]);
});
