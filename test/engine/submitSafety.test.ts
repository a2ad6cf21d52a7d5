/**
 * Submit never hides a purge: every input item is checked before anything is sent, and any
 * failure after a task was created names every task this execution created, so a workflow
 * can check them with Describe Tasks instead of submitting the URLs again.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Fault, FaultOptions, UcdnSimulator } from '../../dev/simulator/server';
import { startSimulator } from '../../dev/simulator/server';
import type { RunResult } from '../../dev/engine/run';
import { runWorkflow } from '../../dev/engine/run';
import type { UcdnWorkflowOptions } from '../../dev/engine/workflows';
import { simulatorCredentials, ucdnWorkflow } from '../../dev/engine/workflows';
import { at } from '../at';

const REFRESH = 'RefreshNewUcdnDomainCache';
const DESCRIBE = 'DescribeNewUcdnRefreshCacheTask';

const urls = (count: number, prefix: string) =>
	Array.from({ length: count }, (_, n) => `https://cdn.example.com/${prefix}/file-${n}.js`);

let sim: UcdnSimulator;
beforeEach(async () => {
	sim = await startSimulator({ seed: false, submit: { pollsToFinish: 1 } });
});
afterEach(async () => {
	await sim.close();
});

/** Each input item submits its own `urls` (a list), with the node's other parameters as given. */
async function submit(
	input: IDataObject[],
	parameters: INodeParameters = {},
	options: Omit<UcdnWorkflowOptions, 'input'> & { retryOnFail?: boolean } = {},
): Promise<RunResult> {
	const workflow = ucdnWorkflow(
		{ resource: 'refresh', operation: 'submit', urls: '={{ $json.urls }}', ...parameters },
		{ ...options, input },
	);
	if (options.retryOnFail) {
		// n8n's node setting: run the node again from the start when it fails.
		Object.assign(at(workflow.nodes, 2), { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 });
	}
	return await runWorkflow(workflow, { credentials: simulatorCredentials(sim) });
}

const created = () => sim.tasks.map((task) => task.info.TaskId);
const submittedUrls = () =>
	sim
		.requestsFor(REFRESH)
		.map((call) => Object.keys(call.params).filter((key) => key.startsWith('UrlList.')).length);

/** What an error says about created tasks, where a user and a workflow can read it. */
function namesTasks(
	error: { description?: string | null; context?: IDataObject } | undefined,
	taskIds: string[],
) {
	expect(error?.description).toContain(
		`Already submitted in this execution: ${taskIds.join(', ')}. These tasks exist at the CDN whatever failed here: check them with Describe Tasks instead of submitting their URLs again.`,
	);
	expect(error?.context?.createdTaskIds).toEqual(taskIds);
}

describe('every input item is checked before anything is sent', () => {
	test('an invalid second item: nothing is sent, and the error is that item’s', async () => {
		const { error } = await submit([
			{ urls: ['https://a.example.com/1.js'] },
			{ urls: ['www.example.com/2.js'] },
		]);
		expect(sim.requests).toHaveLength(0);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(
			'URLs: URL 1 "www.example.com/2.js" must start with http:// or https://',
		);
		expect(error?.context?.itemIndex).toBe(1);
	});

	test.each<[string, IDataObject[], INodeParameters, RegExp]>([
		[
			'a batch size of the third item',
			[{ batch: 30 }, { batch: 30 }, { batch: 0 }],
			{ options: { batchSize: '={{ $json.batch }}' } },
			/^Batch Size: must be a whole number from 1 to 1000, got 0/,
		],
		[
			'a poll interval of the second item',
			[{ poll: 2 }, { poll: 1 }],
			{ waitForCompletion: true, pollInterval: '={{ $json.poll }}' },
			/^Poll Interval \(Seconds\): must be a number from 2/,
		],
		[
			'a type of the second item',
			[{ type: 'file' }, { type: 'folder' }],
			{ type: '={{ $json.type }}' },
			/^Type: must be one of file, dir, m3u8, got "folder"/,
		],
	])('%s: nothing is sent', async (_case, input, parameters, message) => {
		const { error } = await submit(
			input.map((json, n) => ({ ...json, urls: urls(1, `item-${n}`) })),
			parameters,
		);
		expect(sim.requests).toHaveLength(0);
		expect(error?.message).toMatch(message);
	});

	test('Continue On Fail: only the invalid items become error items; the valid ones are submitted', async () => {
		const { items, error } = await submit(
			[{ urls: urls(1, 'first') }, { urls: ['www.example.com/2.js'] }, { urls: urls(1, 'third') }],
			{},
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(sim.requestsFor(REFRESH).map((call) => call.params['UrlList.0'])).toEqual([
			urls(1, 'first')[0],
			urls(1, 'third')[0],
		]);
		expect(
			items('UCDN').map((item) => [item.json.TaskId ?? item.json.error, item.pairedItem]),
		).toEqual([
			[created()[0], { item: 0 }],
			['URLs: URL 1 "www.example.com/2.js" must start with http:// or https://', { item: 1 }],
			[created()[1], { item: 2 }],
		]);
		expect(at(items('UCDN'), 1).json.createdTaskIds).toBeUndefined();
	});

	test('n8n’s Retry On Fail with an invalid item sends nothing on any try', async () => {
		const { error } = await submit(
			[{ urls: urls(1, 'first') }, { urls: ['www.example.com/2.js'] }],
			{},
			{ retryOnFail: true },
		);
		expect(error?.message).toMatch(/^URLs: URL 1 "www.example.com\/2.js"/);
		expect(sim.requests).toHaveLength(0);
	});

	test('Describe Tasks checks every item first too', async () => {
		const result = await runWorkflow(
			ucdnWorkflow(
				{ resource: 'refresh', operation: 'describeTasks', limit: '={{ $json.limit }}' },
				{ input: [{ limit: 10 }, { limit: 0 }] },
			),
			{ credentials: simulatorCredentials(sim) },
		);
		expect(result.error?.message).toMatch(/^Limit: must be a whole number from 1/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('a failure after tasks were created names every one of them', () => {
	const quota: Fault = { kind: 'retCode', retCode: 294, message: 'Quota exceeded' };

	test('the second item fails: the error names the first item’s task', async () => {
		sim.failNext(quota, { action: REFRESH, skip: 1 });
		const { error, items } = await submit([
			{ urls: urls(1, 'first') },
			{ urls: urls(1, 'second') },
		]);
		expect(items('UCDN')).toHaveLength(0);
		expect(created()).toHaveLength(1);
		expect(error?.message).toBe(
			'UCloud API RefreshNewUcdnDomainCache failed with RetCode 294: Quota exceeded',
		);
		expect(error?.context?.itemIndex).toBe(1);
		namesTasks(error, created());
	});

	test('an ambiguous failure of a later item keeps its own advice and names the earlier tasks', async () => {
		sim.failNext({ kind: 'http', status: 500 }, { action: REFRESH, skip: 1 });
		const { error } = await submit([{ urls: urls(1, 'first') }, { urls: urls(1, 'second') }]);
		expect(error?.message).toBe('UCloud API RefreshNewUcdnDomainCache failed with HTTP 500');
		expect(error?.description).toContain('The task may have been created anyway');
		namesTasks(error, created());
	});

	test('batches across items: the error names the tasks of every item and batch before it', async () => {
		sim.failNext(quota, { action: REFRESH, skip: 3 });
		const { error } = await submit([{ urls: urls(45, 'first') }, { urls: urls(45, 'second') }]);
		expect(submittedUrls()).toEqual([30, 15, 30, 15]);
		expect(created()).toHaveLength(3);
		expect(error?.message).toBe(
			'UCloud API RefreshNewUcdnDomainCache failed with RetCode 294: Quota exceeded (batch 2 of 2)',
		);
		namesTasks(error, created());
	});

	test('a later batch answering RetCode 0 without a TaskId still names the earlier batches’ tasks', async () => {
		sim.failNext(
			{ kind: 'transform', transform: ({ TaskId: _taskId, ...answer }) => answer },
			{ action: REFRESH, skip: 1 },
		);
		const { error } = await submit([{ urls: urls(45, 'first') }]);
		expect(error?.message).toBe(
			'UCloud API RefreshNewUcdnDomainCache answered RetCode 0 without a TaskId (batch 2 of 2)',
		);
		namesTasks(error, [at(created(), 0)]);
	});

	test('Continue On Fail: each error item carries every task created before it', async () => {
		const options: FaultOptions = { action: REFRESH, skip: 1 };
		sim.failNext(quota, options);
		sim.failNext(quota, options);
		const { items, error } = await submit(
			[1, 2, 3, 4].map((n) => ({ urls: urls(1, `item-${n}`) })),
			{},
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		const [first, third] = created();
		expect(
			items('UCDN').map((item) => [
				item.json.TaskId ?? item.json.error,
				item.json.createdTaskIds,
				item.pairedItem,
			]),
		).toEqual([
			[first, undefined, { item: 0 }],
			[expect.stringMatching(/RetCode 294/), [first], { item: 1 }],
			[third, undefined, { item: 2 }],
			[expect.stringMatching(/RetCode 294/), [first, third], { item: 3 }],
		]);
		expect(items('UCDN')[3]?.json.description).toContain(
			`Already submitted in this execution: ${first}, ${third}.`,
		);
	});
});

describe('Submit + Wait: a failure after the submit says it was submitted', () => {
	const wait = (extra: INodeParameters = {}): INodeParameters => ({
		waitForCompletion: true,
		pollInterval: 2,
		timeout: 60,
		options: { retries: 0 },
		...extra,
	});

	test.each<[string, Fault, RegExp]>([
		['HTTP 400', { kind: 'http', status: 400 }, /failed with HTTP 400$/],
		['HTTP 500', { kind: 'http', status: 500 }, /failed with HTTP 500$/],
		['HTTP 502', { kind: 'http', status: 502 }, /failed with HTTP 502$/],
		[
			'RetCode 230',
			{ kind: 'retCode', retCode: 230, message: 'Params [TaskId] not valid' },
			/failed with RetCode 230/,
		],
		[
			'a malformed TaskList',
			{ kind: 'transform', transform: (answer) => ({ ...answer, TaskList: 'none' }) },
			/returned a task list that cannot be read$/,
		],
	])('a check answering %s', async (_case, fault, message) => {
		sim.failNext(fault, { action: DESCRIBE });
		const { error } = await submit([{ urls: urls(45, 'site') }], wait());
		expect(created()).toHaveLength(2);
		expect(sim.requestsFor(DESCRIBE)).toHaveLength(1);
		expect(error?.message).toMatch(message);
		namesTasks(error, created());
	});

	test('a timeout', async () => {
		await sim.close();
		sim = await startSimulator({ seed: false, submit: { pollsToFinish: Infinity } });
		const { error } = await submit([{ urls: urls(1, 'site') }], wait({ timeout: 2 }));
		expect(error?.message).toMatch(/^Timed out after [23] s waiting for 1 of 1 task\(s\)/);
		namesTasks(error, created());
	});

	// Cancelled between checks, and while a (slow) check is on its way: either way the error is
	// the cancellation, naming the tasks.
	test.each([
		['between two checks', false],
		['while a check is on its way', true],
	])('cancelled %s: the error n8n records names the tasks', async (_when, slowCheck) => {
		await sim.close();
		sim = await startSimulator({ seed: false, submit: { pollsToFinish: Infinity } });
		if (slowCheck) sim.failNext({ kind: 'delay', ms: 3000 }, { action: DESCRIBE });
		const workflow = ucdnWorkflow(
			{ resource: 'refresh', operation: 'submit', urls: urls(1, 'site')[0], ...wait() },
			{},
		);
		const { run, error } = await runWorkflow(workflow, {
			credentials: simulatorCredentials(sim),
			onStarted: (execution) => {
				const check = setInterval(() => {
					if (sim.requestsFor(DESCRIBE).length > 0) {
						clearInterval(check);
						execution.cancel();
					}
				}, 20);
			},
		});
		expect(run.status).toBe('canceled');
		expect(error?.message).toBe('The execution was cancelled while waiting for the tasks');
		namesTasks(error, created());
	});

	test('failed tasks with Error on Failed Tasks', async () => {
		sim.failUrls('file-0.js');
		const { error } = await submit([{ urls: urls(2, 'site') }], wait());
		expect(error?.message).toMatch(/^1 URL\(s\) failed: /);
		namesTasks(error, created());
	});

	test('Continue On Fail: the error item carries the TaskIds, the next item goes on', async () => {
		sim.failNext({ kind: 'http', status: 400 }, { action: DESCRIBE });
		const { items, error } = await submit(
			[{ urls: urls(1, 'first') }, { urls: urls(1, 'second') }],
			wait(),
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		const [first, second] = created();
		expect(
			items('UCDN').map((item) => [
				item.json.error ?? item.json.TaskId,
				item.json.createdTaskIds,
				item.pairedItem,
			]),
		).toEqual([
			[expect.stringMatching(/HTTP 400$/), [first], { item: 0 }],
			[second, undefined, { item: 1 }],
		]);
	});
});

describe('n8n’s Retry On Fail', () => {
	test('runs the node again from the start: tasks created before a failure are created again', async () => {
		// Each try: the first item is submitted, the second one fails.
		for (let tries = 0; tries < 3; tries++) {
			sim.failNext(
				{ kind: 'retCode', retCode: 294, message: 'Quota exceeded' },
				{ action: REFRESH, skip: 1 },
			);
		}
		const { error } = await submit(
			[{ urls: urls(1, 'first') }, { urls: urls(1, 'second') }],
			{},
			{ retryOnFail: true },
		);
		// What docs/retries-and-errors.md warns about: each of n8n's tries submits the first item
		// again.
		expect(error?.message).toMatch(/RetCode 294/);
		expect(created()).toHaveLength(3);
		namesTasks(error, [at(created(), 2)]);
		expect(error?.description).toContain(
			"n8n's Retry On Fail is on for this node: each try submits every item again, so other tries may have created tasks not named here",
		);
	});
});
