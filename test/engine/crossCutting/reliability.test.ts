import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { generateTasks } from '../../../dev/simulator/data';
import type { SimulatorOptions, UcdnSimulator } from '../../../dev/simulator/server';
import { startSimulator } from '../../../dev/simulator/server';
import { runWorkflow } from '../../../dev/engine/run';
import type { UcdnWorkflowOptions } from '../../../dev/engine/workflows';
import { simulatorCredentials, ucdnWorkflow } from '../../../dev/engine/workflows';
import { at } from '../../at';

const DESCRIBE = 'DescribeNewUcdnRefreshCacheTask';
const REFRESH = 'RefreshNewUcdnDomainCache';
const now = Math.floor(Date.now() / 1000);

let sim: UcdnSimulator;
async function simulator(options: SimulatorOptions = {}) {
	sim = await startSimulator({ seed: false, ...options });
	sim.addTasks(generateTasks({ kind: 'refresh', count: 5, newest: now - 60, prefix: 't' }));
	return sim;
}
afterEach(async () => {
	await sim?.close();
});

async function run(parameters: INodeParameters, options: UcdnWorkflowOptions = {}) {
	return await runWorkflow(ucdnWorkflow({ resource: 'refresh', ...parameters }, options), {
		credentials: simulatorCredentials(sim),
	});
}
const describe5 = (options: INodeParameters = {}) =>
	run({ operation: 'describeTasks', limit: 5, options });
const submit = (options: INodeParameters = {}) =>
	run({
		operation: 'submit',
		urls: 'https://cdn.example.com/a.js\nhttps://cdn.example.com/b.js',
		options,
	});

const RETRY_NOW = { 'Retry-After': '0' };

describe('reads retry transient faults', () => {
	test.each<[string, Parameters<UcdnSimulator['failNext']>[0]]>([
		['HTTP 500', { kind: 'http', status: 500, headers: RETRY_NOW }],
		['HTTP 502', { kind: 'http', status: 502, headers: RETRY_NOW }],
		['HTTP 503', { kind: 'http', status: 503, headers: RETRY_NOW }],
		['HTTP 429', { kind: 'http', status: 429, headers: RETRY_NOW }],
		['a reset connection', { kind: 'reset' }],
		['RetCode 2001', { kind: 'retCode', retCode: 2001 }],
	])('%s twice, then an answer: the tasks arrive', async (_case, fault) => {
		await simulator();
		sim.failNext(fault, { times: 2 });
		const { json, error } = await describe5();
		expect(error).toBeUndefined();
		expect(json('UCDN')).toHaveLength(5);
		expect(sim.requestsFor(DESCRIBE)).toHaveLength(3);
	});

	test('Retry-After is honoured', async () => {
		await simulator();
		sim.failNext({ kind: 'http', status: 429, headers: { 'Retry-After': '1' } });
		const { error } = await describe5();
		expect(error).toBeUndefined();
		const requests = sim.requestsFor(DESCRIBE);
		expect(at(requests, 1).at - at(requests, 0).at).toBeGreaterThanOrEqual(950);
	});

	test('a Retry-After beyond two minutes is reported, not waited for', async () => {
		await simulator();
		sim.failNext({ kind: 'http', status: 429, headers: { 'Retry-After': '600' } });
		const { error } = await describe5();
		expect(sim.requestsFor(DESCRIBE)).toHaveLength(1);
		expect(error?.message).toBe(`UCloud API ${DESCRIBE} failed with HTTP 429`);
		expect(error?.description).toMatch(/The API asked to retry after 600 s\./);
	});

	test('a refused connection is retried until the API listens again', async () => {
		await simulator();
		await sim.stopListening(200);
		const { json, error } = await describe5();
		expect(error).toBeUndefined();
		expect(json('UCDN')).toHaveLength(5);
	});

	test('attempts are bounded by Retries', async () => {
		await simulator();
		sim.failNext(
			{ kind: 'http', status: 500, body: 'still down', headers: RETRY_NOW },
			{ times: 100 },
		);
		const { error } = await describe5({ retries: 2 });
		expect(sim.requestsFor(DESCRIBE)).toHaveLength(3);
		expect(error?.message).toBe(`UCloud API ${DESCRIBE} failed with HTTP 500`);
		expect(error?.description).toBe('Response: still down Failed 3 times in a row.');
	});

	test('Retries 0 makes one attempt', async () => {
		await simulator();
		sim.failNext({ kind: 'http', status: 500, headers: RETRY_NOW });
		await describe5({ retries: 0 });
		expect(sim.requestsFor(DESCRIBE)).toHaveLength(1);
	});

	test('an answer slower than the Request Timeout is retried, then reported', async () => {
		await simulator();
		sim.failNext({ kind: 'delay', ms: 1500 });
		const retried = await describe5({ requestTimeout: 1 });
		expect(retried.error).toBeUndefined();
		expect(retried.json('UCDN')).toHaveLength(5);

		sim.failNext({ kind: 'delay', ms: 1500 });
		const { error } = await describe5({ requestTimeout: 1, retries: 0 });
		expect(error?.message).toMatch(
			/^Could not get an answer from the UCloud API at .* for DescribeNewUcdnRefreshCacheTask$/,
		);
		expect(error?.description).toMatch(/^No answer within 1 s\. Raise the Request Timeout option/);
	});
});

describe('Wait for Completion', () => {
	test('its Timeout bounds a check that gets no answer, retries included', async () => {
		await simulator();
		// The first check finds the task still waiting; every later one hangs for a minute.
		sim.failNext({ kind: 'delay', ms: 60_000 }, { action: DESCRIBE, skip: 1, times: 10 });
		const { error } = await run({
			operation: 'describeTasks',
			taskIds: 't_000001',
			waitForCompletion: true,
			pollInterval: 2,
			timeout: 3,
			options: { requestTimeout: 30, retries: 3 },
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(
			/^Timed out after 3 s waiting for 1 task\(s\); the last check failed: Could not get an answer from the UCloud API/,
		);
		expect(error?.description).toMatch(/^The tasks go on at the CDN/);
		// No retry was started past the deadline.
		expect(sim.requests.map((request) => request.action)).toEqual([DESCRIBE, DESCRIBE]);
	});
});

describe('reads do not retry what will not change', () => {
	test.each<[string, Parameters<UcdnSimulator['failNext']>[0] | undefined, IDataObject, RegExp]>([
		['RetCode 171', undefined, { privateKey: 'TEST-WRONG-PRIVATE-KEY' }, /RetCode 171/],
		['RetCode 172', undefined, { publicKey: 'TEST-NOBODY' }, /RetCode 172/],
		[
			'RetCode 230',
			{ kind: 'retCode', retCode: 230, message: 'Params error' },
			{},
			/RetCode 230: Params error/,
		],
		['HTTP 400', { kind: 'http', status: 400, headers: RETRY_NOW }, {}, /HTTP 400/],
		['HTTP 404', { kind: 'http', status: 404, headers: RETRY_NOW }, {}, /HTTP 404/],
		['a body that is not a UCloud answer', { kind: 'garbage' }, {}, /not a UCloud answer/],
	])('%s: one attempt', async (_case, fault, credentials, message) => {
		await simulator();
		if (fault) sim.failNext(fault, { times: 5 });
		const result = await runWorkflow(
			ucdnWorkflow({ resource: 'refresh', operation: 'describeTasks', limit: 5 }),
			{
				credentials: simulatorCredentials(sim, credentials),
			},
		);
		expect(sim.requestsFor(DESCRIBE)).toHaveLength(1);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(message);
	});
});

describe('submits are retried only when no task can have been created', () => {
	test.each<[string, Parameters<UcdnSimulator['failNext']>[0]]>([
		['HTTP 429', { kind: 'http', status: 429, headers: RETRY_NOW }],
		[
			'HTTP 503 with a UCloud answer RetCode 2001',
			{
				kind: 'http',
				status: 503,
				body: JSON.stringify({ RetCode: 2001, Message: 'Service busy' }),
				headers: RETRY_NOW,
			},
		],
		['RetCode 2001', { kind: 'retCode', retCode: 2001 }],
	])('%s is retried: exactly one task is created', async (_case, fault) => {
		await simulator();
		sim.failNext(fault, { action: REFRESH });
		const { json, error } = await submit();
		expect(error).toBeUndefined();
		expect(sim.requestsFor(REFRESH)).toHaveLength(2);
		expect(sim.tasks.filter((task) => task.polls !== undefined)).toHaveLength(1);
		expect(json('UCDN')).toHaveLength(1);
	});

	test('a refused connection is retried: exactly one task is created', async () => {
		await simulator();
		await sim.stopListening(200);
		const { error } = await submit();
		expect(error).toBeUndefined();
		expect(sim.tasks.filter((task) => task.polls !== undefined)).toHaveLength(1);
	});

	test.each<[string, Parameters<UcdnSimulator['failNext']>[0], INodeParameters, RegExp]>([
		['HTTP 500', { kind: 'http', status: 500, headers: RETRY_NOW }, {}, /HTTP 500/],
		['HTTP 502', { kind: 'http', status: 502, headers: RETRY_NOW }, {}, /HTTP 502/],
		[
			'HTTP 503 from a gateway (the API may have got the request)',
			{ kind: 'http', status: 503, body: 'Service Unavailable', headers: RETRY_NOW },
			{},
			/HTTP 503/,
		],
		['a reset connection', { kind: 'reset' }, {}, /Could not get an answer/],
		[
			'an answer after the Request Timeout',
			{ kind: 'delay', ms: 1500 },
			{ requestTimeout: 1 },
			/Could not get an answer/,
		],
		['a body that is not a UCloud answer', { kind: 'garbage' }, {}, /not a UCloud answer/],
	])(
		'%s is reported, not retried, with advice to check first',
		async (_case, fault, options, message) => {
			await simulator();
			sim.failNext(fault, { action: REFRESH, times: 5 });
			const { error } = await submit(options);
			expect(sim.requestsFor(REFRESH)).toHaveLength(1);
			expect(error?.name).toBe('NodeApiError');
			expect(error?.message).toMatch(message);
			expect(error?.description).toMatch(
				/The task may have been created anyway, so it was not submitted again: check with Describe Tasks before submitting these URLs again\.$/,
			);
		},
	);

	test('RetCode 230 (bad request) is reported without retry and without the advice', async () => {
		await simulator();
		sim.failNext({ kind: 'retCode', retCode: 230, message: 'Params error' }, { action: REFRESH });
		const { error } = await submit();
		expect(sim.requestsFor(REFRESH)).toHaveLength(1);
		expect(error?.description).not.toMatch(/may have been created/);
	});
});

describe('malformed answers end in correct items or a NodeApiError that says what is wrong', () => {
	const rewrite = (transform: (answer: Record<string, unknown>) => unknown) =>
		sim.failNext({ kind: 'transform', transform }, { times: 10 });
	const taskList = (answer: Record<string, unknown>) => answer.TaskList as IDataObject[];

	test('a missing RetCode', async () => {
		await simulator();
		rewrite(({ RetCode: _dropped, ...rest }) => rest);
		const { error } = await describe5();
		expect(error?.message).toBe(
			`UCloud API ${DESCRIBE} returned a response that is not a UCloud answer`,
		);
		expect(error?.description).toMatch(
			/^HTTP 200, body: \{"Action":"DescribeNewUcdnRefreshCacheTaskResponse","TotalCount":5,/,
		);
	});

	test('a TaskList that is not a list', async () => {
		await simulator();
		rewrite((answer) => ({ ...answer, TaskList: { oops: true } }));
		const { error } = await describe5();
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`UCloud API ${DESCRIBE} returned a task list that cannot be read`);
		expect(error?.description).toMatch(
			/^TaskList is object, not a list\. HTTP 200, body: \{"Action"/,
		);
	});

	test('a TaskList with entries that are not tasks', async () => {
		await simulator();
		rewrite((answer) => ({ ...answer, TaskList: [...taskList(answer), 'junk'] }));
		const { error } = await describe5();
		expect(error?.description).toMatch(/^TaskList entry 6 is not a task object/);
	});

	test('numbers as text are accepted, values passed on as returned', async () => {
		await simulator();
		rewrite((answer) => ({
			...answer,
			RetCode: '0',
			TotalCount: '5',
			TaskList: taskList(answer).map((task) => ({ ...task, CreateTime: String(task.CreateTime) })),
		}));
		const { json, error } = await describe5();
		expect(error).toBeUndefined();
		expect(json('UCDN').map((task) => typeof task.CreateTime)).toEqual(Array(5).fill('string'));
	});

	test('tasks without UrlLists: kept per task, no URL items', async () => {
		await simulator();
		rewrite((answer) => ({
			...answer,
			TaskList: taskList(answer).map(({ UrlLists: _dropped, ...task }) => task),
		}));
		const perTask = await describe5();
		expect(perTask.json('UCDN')).toHaveLength(5);
		rewrite((answer) => ({
			...answer,
			TaskList: taskList(answer).map(({ UrlLists: _dropped, ...task }) => task),
		}));
		const perUrl = await run({ operation: 'describeTasks', limit: 5, output: 'url' });
		expect(perUrl.error).toBeUndefined();
		expect(perUrl.json('UCDN')).toEqual([]);
	});

	test('a TotalCount inconsistent with the pages: every task once, or a clear error, never a shorter list', async () => {
		await simulator();
		sim.addTasks(generateTasks({ kind: 'refresh', count: 20, newest: now - 600, prefix: 'more' }));
		rewrite((answer) => ({ ...answer, TotalCount: 2 }));
		const small = await run({
			operation: 'describeTasks',
			returnAll: true,
			options: { pageSize: 10 },
		});
		expect(small.json('UCDN')).toHaveLength(25);
		sim.clearFaults();
		rewrite((answer) => ({ ...answer, TotalCount: 100_000 }));
		const large = await run({
			operation: 'describeTasks',
			returnAll: true,
			options: { pageSize: 10 },
		});
		expect(large.error?.name).toBe('NodeApiError');
		expect(large.error?.message).toMatch(
			/listed 25 tasks, then an empty page before its TotalCount of 100000/,
		);
	});

	test('a submit answer without a TaskId', async () => {
		await simulator();
		sim.failNext(
			{ kind: 'transform', transform: ({ TaskId: _dropped, ...rest }) => rest },
			{ action: REFRESH },
		);
		const { error } = await submit();
		expect(error?.message).toBe(`UCloud API ${REFRESH} answered RetCode 0 without a TaskId`);
		expect(error?.description).toMatch(/Check with Describe Tasks before submitting them again/);
	});

	test('while waiting, a task whose URL list is garbage still ends the wait', async () => {
		await simulator({ submit: { pollsToFinish: 1 } });
		sim.failNext(
			{
				kind: 'transform',
				transform: (answer) => ({
					...answer,
					TaskList: taskList(answer).map((task) => ({ ...task, UrlLists: 'n/a' })),
				}),
			},
			{ action: DESCRIBE },
		);
		const { json, error } = await run({
			operation: 'submit',
			urls: 'https://cdn.example.com/a.js',
			waitForCompletion: true,
			pollInterval: 2,
		});
		expect(error).toBeUndefined();
		expect(json('UCDN')[0]).toMatchObject({ Status: 'success', UrlLists: 'n/a' });
	});
});

describe('deadlines are wall-clock, whatever the server does', () => {
	const elapsed = async <T>(work: () => Promise<T>) => {
		const started = Date.now();
		const result = await work();
		return { result, seconds: (Date.now() - started) / 1000 };
	};
	const noAnswerWithin = (seconds: number) =>
		new RegExp(`^No answer within ${seconds} s\\. Raise the Request Timeout option`);

	test('Request Timeout bounds a read whose body trickles in', async () => {
		await simulator();
		sim.failNext({ kind: 'trickle' }, { action: DESCRIBE });
		const { result, seconds } = await elapsed(() => describe5({ requestTimeout: 2, retries: 0 }));
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.description).toMatch(noAnswerWithin(2));
		expect(seconds).toBeLessThan(15);
	});

	test('a body that never comes is a timeout, retried for reads', async () => {
		await simulator();
		sim.failNext({ kind: 'stall' }, { action: DESCRIBE });
		const retried = await describe5({ requestTimeout: 1 });
		expect(retried.error).toBeUndefined();
		expect(retried.json('UCDN')).toHaveLength(5);

		sim.failNext({ kind: 'stall' }, { action: DESCRIBE });
		const { error } = await describe5({ requestTimeout: 1, retries: 0 });
		expect(error?.description).toMatch(noAnswerWithin(1));
		expect(error?.description).not.toMatch(/ERR_BAD_RESPONSE/);
	});

	test('a submit whose body never comes is reported as a timeout, not retried', async () => {
		await simulator();
		sim.failNext({ kind: 'stall' }, { action: REFRESH, times: 5 });
		const { error } = await submit({ requestTimeout: 1 });
		expect(sim.requestsFor(REFRESH)).toHaveLength(1);
		expect(error?.description).toMatch(noAnswerWithin(1));
		expect(error?.description).toMatch(/The task may have been created anyway/);
	});

	test('Wait for Completion Timeout bounds the whole wait when every check trickles', async () => {
		await simulator();
		sim.failNext({ kind: 'trickle' }, { action: DESCRIBE, times: 100 });
		const { result, seconds } = await elapsed(() =>
			run({
				operation: 'submit',
				urls: 'https://cdn.example.com/a.js',
				waitForCompletion: true,
				pollInterval: 2,
				timeout: 5,
			}),
		);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/^Timed out after [5-9] s waiting for 1 task\(s\)/);
		expect(seconds).toBeLessThan(20);
	});
});
