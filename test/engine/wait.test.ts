/**
 * Wait for Completion against an API that answers at most 100 tasks per Describe call whatever
 * Limit says (the simulator's describeCap), TotalCount telling the real number: every check reads
 * every task it asked for, naming only those, and an answer that ends short of TotalCount is
 * reported as such, never as a timeout or as tasks "not found yet".
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { StoredTask } from '../../dev/simulator/data';
import { generateTasks } from '../../dev/simulator/data';
import type { RecordedRequest, UcdnSimulator } from '../../dev/simulator/server';
import { startSimulator } from '../../dev/simulator/server';
import { runWorkflow } from '../../dev/engine/run';
import { simulatorCredentials, ucdnWorkflow } from '../../dev/engine/workflows';
import { at } from '../at';

const DESCRIBE = 'DescribeNewUcdnRefreshCacheTask';
const CAP = 100;
const now = Math.floor(Date.now() / 1000);

let sim: UcdnSimulator;
afterEach(async () => {
	await sim?.close();
});

/** A capped simulator holding `count` tasks: finished, or ending once listed `polls` times. */
async function cappedWith(count: number, polls?: number, describeCap = CAP): Promise<string[]> {
	sim = await startSimulator({ seed: false, describeCap });
	const tasks: StoredTask[] = generateTasks({
		kind: 'refresh',
		count,
		newest: now - 60,
		spacing: 10,
		status: polls === undefined ? 'success' : 'wait',
		prefix: 'w',
	}).map((task) => (polls === undefined ? task : { ...task, polls, pollsLeft: polls }));
	sim.addTasks(tasks);
	return tasks.map((task) => task.info.TaskId);
}

const wait = (extra: INodeParameters = {}): INodeParameters => ({
	waitForCompletion: true,
	pollInterval: 2,
	timeout: 8,
	...extra,
});

async function describeAndWait(taskIds: string[], extra: INodeParameters = {}) {
	return await runWorkflow(
		ucdnWorkflow({
			resource: 'refresh',
			operation: 'describeTasks',
			taskIds: taskIds.join('\n'),
			...wait(extra),
		}),
		{ credentials: simulatorCredentials(sim) },
	);
}

const namedTaskIds = (call: RecordedRequest) =>
	Object.keys(call.params)
		.filter((name) => /^TaskId\.\d+$/.test(name))
		.sort((a, b) => Number(a.slice(7)) - Number(b.slice(7)))
		.map((name) => call.params[name]);

/** After the first `skip` Describe calls, every page past Offset 0 is empty: short of TotalCount. */
function emptyPagesPastTheFirst(skip = 0) {
	sim.failNext(
		{
			kind: 'transform',
			transform: (answer, request) =>
				Number(request.params.Offset ?? 0) > 0 ? { ...answer, TaskList: [] } : answer,
		},
		{ action: DESCRIBE, skip, times: Infinity },
	);
}

test('Describe Tasks waits on 1,000 finished tasks: 10 calls of 100, each naming only those', async () => {
	const taskIds = await cappedWith(1000);
	sim.addTasks(generateTasks({ kind: 'refresh', count: 5, newest: now - 30, prefix: 'other' }));
	const { json, error } = await describeAndWait(taskIds);
	expect(error).toBeUndefined();
	expect(json('UCDN').map((task) => [task.TaskId, task.Status])).toEqual(
		taskIds.map((id) => [id, 'success']),
	);
	const calls = sim.requestsFor(DESCRIBE);
	expect(calls.map((call) => call.params.Offset)).toEqual(
		Array.from({ length: 10 }, (_, page) => String(page * CAP)),
	);
	for (const call of calls) expect(namedTaskIds(call)).toEqual(taskIds);
});

test('an API that answers every task asked: one call per check for 1,000 tasks', async () => {
	const taskIds = await cappedWith(1000, undefined, Infinity);
	const { json, error } = await describeAndWait(taskIds);
	expect(error).toBeUndefined();
	expect(json('UCDN')).toHaveLength(1000);
	const calls = sim.requestsFor(DESCRIBE);
	expect(calls.map((call) => [call.params.Offset, call.params.Limit])).toEqual([['0', '1000']]);
	expect(namedTaskIds(at(calls, 0))).toEqual(taskIds);
});

test('Submit of 150 URLs in 150 tasks, then wait: all 150 tasks, 2 calls per check', async () => {
	sim = await startSimulator({ seed: false, describeCap: CAP, submit: { pollsToFinish: 1 } });
	const urls = Array.from({ length: 150 }, (_, n) => `https://cdn.example.com/app/${n}.js`);
	const { json, error } = await runWorkflow(
		ucdnWorkflow({
			resource: 'refresh',
			operation: 'submit',
			urls: urls.join('\n'),
			options: { batchSize: 1 },
			...wait(),
		}),
		{ credentials: simulatorCredentials(sim) },
	);
	expect(error).toBeUndefined();
	const submitted = sim.tasks.map((task) => task.info.TaskId);
	expect(submitted).toHaveLength(150);
	expect(json('UCDN').map((task) => [task.TaskId, task.Status])).toEqual(
		submitted.map((id) => [id, 'success']),
	);
	expect(
		json('UCDN').flatMap((task) => (task.UrlLists as IDataObject[]).map((u) => u.Url)),
	).toEqual(urls);
	expect(sim.requestsFor(DESCRIBE).map((call) => call.params.Offset)).toEqual(['0', '100']);
});

test('every check reads every task: it goes on until the last page shows them all done', async () => {
	const taskIds = await cappedWith(150, 2);
	const { json, error } = await describeAndWait(taskIds, { output: 'raw' });
	expect(error).toBeUndefined();
	// Two checks of two pages: every task is listed in each check, so each moves on twice.
	expect(sim.requestsFor(DESCRIBE).map((call) => call.params.Offset)).toEqual([
		'0',
		'100',
		'0',
		'100',
	]);
	// Raw Response: every response of the last check, as Describe Tasks emits every page.
	expect(
		json('UCDN').map((page) => [page.TotalCount, (page.TaskList as IDataObject[]).length]),
	).toEqual([
		[150, 100],
		[150, 50],
	]);
	const listed = json('UCDN').flatMap((page) => page.TaskList as IDataObject[]);
	expect(listed.map((task) => [task.TaskId, task.Status])).toEqual(
		taskIds.map((id) => [id, 'success']),
	);
});

describe('answers that end short of TotalCount', () => {
	const endedShort = /then an empty page before its TotalCount of 150$/;

	test('stop the wait at once with an error that says so', async () => {
		const taskIds = await cappedWith(150);
		emptyPagesPastTheFirst();
		const { error } = await describeAndWait(taskIds);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(endedShort);
		expect(error?.message).not.toMatch(/not found yet|Timed out/);
		expect(error?.description).toMatch(
			/^The page at Offset 100 is empty although TotalCount is 150: .* The wait stopped; the tasks go on at the CDN\./,
		);
		expect(sim.requestsFor(DESCRIBE)).toHaveLength(2);
	});

	test('are that error, not a timeout, in the check that runs at the Timeout', async () => {
		// The first check finds the tasks running; the second starts at the Timeout and ends short.
		const taskIds = await cappedWith(150, 2);
		emptyPagesPastTheFirst(2);
		const { error } = await describeAndWait(taskIds, { timeout: 2 });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(endedShort);
		expect(error?.message).not.toMatch(/Timed out/);
		expect(sim.requestsFor(DESCRIBE)).toHaveLength(4);
	});
});

test('cancelling during a check of several pages stops it at once', async () => {
	const taskIds = await cappedWith(150, Infinity);
	sim.failNext({ kind: 'delay', ms: 60_000 }, { action: DESCRIBE, skip: 1 });
	let cancelledAt = 0;
	const result = await runWorkflow(
		ucdnWorkflow({
			resource: 'refresh',
			operation: 'describeTasks',
			taskIds: taskIds.join('\n'),
			...wait({ timeout: 600 }),
		}),
		{
			credentials: simulatorCredentials(sim),
			onStarted: (execution) => {
				const check = setInterval(() => {
					if (sim.requestsFor(DESCRIBE).length >= 2) {
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
	await new Promise((resolve) => setTimeout(resolve, 300));
	expect(sim.requestsFor(DESCRIBE)).toHaveLength(2);
});
