/**
 * UCDN Trigger through n8n-core's polling execution (PollContext + TriggersAndPollers), with the
 * workflow's static data saved and reloaded between polls as n8n does.
 */
import type { IDataObject } from 'n8n-workflow';

import type { StoredTask } from '../../dev/simulator/data';
import { generateTasks } from '../../dev/simulator/data';
import type { UcdnSimulator } from '../../dev/simulator/server';
import { startSimulator } from '../../dev/simulator/server';
import { pollTrigger } from '../../dev/engine/poll';
import { simulatorCredentials } from '../../dev/engine/workflows';
import { at } from '../at';
import { poller, triggerWorkflow } from './poller';

const REFRESH = 'DescribeNewUcdnRefreshCacheTask';
const PREFETCH = 'DescribeNewUcdnPrefetchCacheTask';
const now = () => Math.floor(Date.now() / 1000);

let sim: UcdnSimulator;
beforeEach(async () => {
	sim = await startSimulator({ seed: false });
});
afterEach(async () => {
	await sim.close();
});

/** Tasks still running: created `ago` seconds ago, in process. */
function running(
	kind: 'refresh' | 'prefetch',
	prefix: string,
	count: number,
	ago = 300,
): StoredTask[] {
	return generateTasks({
		kind,
		count,
		newest: now() - ago,
		prefix,
		status: 'process',
		domain: 'www.example.com',
	});
}

/** One refresh task created 5 minutes ago, already ended in `status`. */
function ended(prefix: string, status: 'success' | 'failure'): StoredTask[] {
	return generateTasks({ kind: 'refresh', count: 1, newest: now() - 300, prefix, status });
}

test('the first poll after activation emits nothing old; a task that finishes later is emitted once, on the next poll', async () => {
	sim.addTasks([
		...generateTasks({
			kind: 'refresh',
			count: 3,
			newest: now() - 600,
			prefix: 'old',
			status: 'success',
		}),
		...running('refresh', 'new', 2),
	]);
	const trigger = poller(sim, { resource: 'refresh', event: 'finished' });

	expect(await trigger.poll()).toEqual([]);
	expect(Object.keys(trigger.memory()?.pending ?? {}).sort()).toEqual(['new_000000', 'new_000001']);

	sim.endTask('new_000001', 'success');
	const emitted = await trigger.poll();
	expect(emitted.map((task) => [task.TaskId, task.Status, task.Resource])).toEqual([
		['new_000001', 'success', 'refresh'],
	]);
	expect(emitted[0]?.UrlLists).toHaveLength(2);

	// Not again: on later polls, with the static data saved and reloaded in between.
	expect(await trigger.poll()).toEqual([]);
	expect(await trigger.poll()).toEqual([]);
});

test('overlapping polls (a slow one outlasting the interval) emit each finished task once', async () => {
	sim.addTasks(running('refresh', 'o', 4));
	const workflow = triggerWorkflow({ resource: 'refresh', event: 'finished' });
	const live: IDataObject = {};
	const poll = async () => {
		const result = await pollTrigger(workflow, {
			credentials: simulatorCredentials(sim),
			liveStaticData: live,
		});
		if (result.error) throw result.error;
		return (result.items?.[0] ?? []).map((item) => String(item.json.TaskId));
	};
	expect(await poll()).toEqual([]);

	for (const id of ['o_000000', 'o_000001', 'o_000002']) sim.endTask(id, 'success');
	// The first poll's answer is slow, so a second poll starts and ends while it waits.
	sim.failNext({ kind: 'delay', ms: 1500 }, { action: 'DescribeNewUcdnRefreshCacheTask' });
	const asked = sim.requests.length;
	const slow = poll();
	// The quick poll starts once the slow one's request is at the API, held there.
	await sim.nextRequest(asked);
	const quick = await poll();
	const emitted = [...quick, ...(await slow)];
	expect(emitted.sort()).toEqual(['o_000000', 'o_000001', 'o_000002']);

	sim.endTask('o_000003', 'failure');
	expect(await poll()).toEqual(['o_000003']);
});

test('Task Failed and Task Succeeded each emit only their own tasks; Task Finished emits both', async () => {
	sim.addTasks(running('refresh', 't', 4));
	const failed = poller(sim, { resource: 'refresh', event: 'failed' });
	const succeeded = poller(sim, { resource: 'refresh', event: 'succeeded' });
	const finished = poller(sim, { resource: 'refresh', event: 'finished' });
	for (const trigger of [failed, succeeded, finished]) expect(await trigger.poll()).toEqual([]);

	sim.endTask('t_000000', 'failure');
	sim.endTask('t_000002', 'success');
	expect((await failed.poll()).map((task) => task.TaskId)).toEqual(['t_000000']);
	expect((await succeeded.poll()).map((task) => task.TaskId)).toEqual(['t_000002']);
	expect((await finished.poll()).map((task) => task.TaskId).sort()).toEqual([
		't_000000',
		't_000002',
	]);
	// Every event reads all statuses: the pending tasks are what tells a newly finished one.
	expect(sim.requests.every((request) => request.params.Status === undefined)).toBe(true);
});

test('Both resources: one Describe per resource per poll, every task with its Resource', async () => {
	sim.addTasks([...running('refresh', 'r', 2), ...running('prefetch', 'p', 2)]);
	const trigger = poller(sim, { resource: 'both', event: 'finished' });
	expect(await trigger.poll()).toEqual([]);
	sim.endTask('r_000000', 'success');
	sim.endTask('p_000001', 'failure');
	const before = sim.requests.length;
	const emitted = await trigger.poll();
	expect(emitted.map((task) => [task.TaskId, task.Resource]).sort()).toEqual([
		['p_000001', 'prefetch'],
		['r_000000', 'refresh'],
	]);
	expect(sim.requests.slice(before).map((request) => request.action)).toEqual([REFRESH, PREFETCH]);
});

test('URL Contains keeps only tasks with a matching URL; One Item per URL emits their URLs', async () => {
	sim.addTasks([
		...running('refresh', 'a', 1),
		...generateTasks({
			kind: 'refresh',
			count: 1,
			newest: now() - 200,
			prefix: 'b',
			status: 'process',
			domain: 'img.example.org',
		}),
	]);
	const trigger = poller(sim, {
		resource: 'refresh',
		event: 'finished',
		options: { urlFilter: 'img.example.org', output: 'url' },
	});
	expect(await trigger.poll()).toEqual([]);
	sim.endTask('a_000000', 'success');
	sim.endTask('b_000000', 'success');
	const emitted = await trigger.poll();
	expect(emitted.map((url) => [url.TaskId, url.Url, url.TaskStatus, url.Resource])).toEqual([
		['b_000000', 'https://img.example.org/b/0/asset-0.js', 'success', 'refresh'],
		['b_000000', 'https://img.example.org/b/0/asset-1.js', 'success', 'refresh'],
	]);
});

test('Fetch Test Event (manual) returns the latest matching task and remembers nothing', async () => {
	sim.addTasks(running('refresh', 'm', 3));
	sim.endTask('m_000002', 'success');
	await new Promise((resolve) => setTimeout(resolve, 1100));
	sim.endTask('m_000000', 'success');
	const trigger = poller(sim, { resource: 'refresh', event: 'succeeded' });
	expect((await trigger.poll('manual')).map((task) => task.TaskId)).toEqual(['m_000000']);
	expect(trigger.saved).toEqual({});
	// It asks for the event's status only.
	expect(sim.requests.map((request) => request.params.Status)).toEqual(['success']);
});

test('a task created 10 hours before it finishes is caught with the default Look Back', async () => {
	sim.addTasks(running('refresh', 'long', 1, 10 * 3600));
	const trigger = poller(sim, { resource: 'refresh', event: 'finished' });
	expect(await trigger.poll()).toEqual([]);
	sim.endTask('long_000000', 'success');
	const before = sim.requests.length;
	expect((await trigger.poll()).map((task) => task.TaskId)).toEqual(['long_000000']);
	// Older than the window of recent tasks: asked for by its TaskId, in a second call.
	expect(sim.requests.slice(before).map((request) => request.params['TaskId.0'])).toEqual([
		undefined,
		'long_000000',
	]);
	expect(await trigger.poll()).toEqual([]);
	// With a Look Back of 6 hours it is out of the window.
	const short = poller(sim, { resource: 'refresh', event: 'finished', options: { lookBack: 6 } });
	expect(await short.poll()).toEqual([]);
	expect(short.memory()?.pending).toEqual({});
});

/** The size of the static data as n8n saves it, in bytes. */
const sizeOf = (data: IDataObject) => Buffer.byteLength(JSON.stringify(data));

test('100,000 finished tasks in Look Back: each newly finished task emitted once over several polls, static data small', async () => {
	// 100,000 finished tasks, one a second over the last 28 hours, and a few still running:
	// some created 20 hours ago, some 2 minutes ago.
	sim.addTasks([
		...generateTasks({
			kind: 'refresh',
			count: 100_000,
			newest: now() - 60,
			spacing: 1,
			urlsPerTask: 1,
			prefix: 'done',
			status: 'success',
		}),
		...running('refresh', 'slow', 3, 20 * 3600),
		...running('refresh', 'fast', 3, 120),
	]);
	const trigger = poller(sim, {
		resource: 'refresh',
		event: 'finished',
		options: { lookBack: 30 },
	});
	const emitted: string[] = [];
	const poll = async () => {
		const before = sim.requests.length;
		const tasks = await trigger.poll();
		emitted.push(...tasks.map((task) => String(task.TaskId)));
		expect(sizeOf(trigger.saved)).toBeLessThan(100_000);
		return { ids: tasks.map((task) => task.TaskId), calls: sim.requests.length - before };
	};

	// The first poll walks all of Look Back once, and emits nothing that had already finished.
	expect((await poll()).ids).toEqual([]);

	sim.endTask('slow_000001', 'failure');
	sim.endTask('fast_000000', 'success');
	const second = await poll();
	expect(second.ids.sort()).toEqual(['fast_000000', 'slow_000001']);
	// One call for the recent window, one for the old pending tasks by TaskId.
	expect(second.calls).toBe(2);

	expect((await poll()).ids).toEqual([]);

	// Tasks created and finished between polls, and one the API lists only now although it
	// was created 5 minutes ago (committed late).
	sim.addTasks([
		...generateTasks({
			kind: 'refresh',
			count: 2,
			newest: now() - 1,
			prefix: 'newer',
			status: 'success',
		}),
		...ended('late', 'failure'),
	]);
	sim.endTask('slow_000000', 'success');
	sim.endTask('fast_000002', 'failure');
	await new Promise((resolve) => setTimeout(resolve, 1100));
	expect((await poll()).ids.sort()).toEqual([
		'fast_000002',
		'late_000000',
		'newer_000000',
		'newer_000001',
		'slow_000000',
	]);
	for (let n = 0; n < 3; n++) expect((await poll()).ids).toEqual([]);

	sim.endTask('slow_000002', 'success');
	sim.endTask('fast_000001', 'success');
	expect((await poll()).ids.sort()).toEqual(['fast_000001', 'slow_000002']);
	expect((await poll()).ids).toEqual([]);

	expect(new Set(emitted).size).toBe(emitted.length);
	expect(emitted).toHaveLength(9);
	// Nothing is pending any more; only tasks created in the last 10 minutes are remembered:
	// about 540, 33 bytes each (docs/trigger.md's figure, about 18 KB).
	expect(trigger.memory()?.pending).toEqual({});
	expect(sizeOf(trigger.saved)).toBeLessThan(20_000);
}, 120_000);

test('a finished task without CreateTime is emitted once', async () => {
	sim.addTasks(running('refresh', 'x', 2));
	// The API leaves CreateTime out of x_000001 in every answer.
	sim.failNext(
		{
			kind: 'transform',
			transform: (answer) => ({
				...answer,
				TaskList: (answer.TaskList as IDataObject[]).map(({ CreateTime, ...task }) =>
					task.TaskId === 'x_000001' ? task : { ...task, CreateTime },
				),
			}),
		},
		{ times: Infinity },
	);
	const trigger = poller(sim, { resource: 'refresh', event: 'finished' });
	expect(await trigger.poll()).toEqual([]);
	sim.endTask('x_000001', 'success');
	const emitted = await trigger.poll();
	expect(emitted.map((task) => [task.TaskId, task.CreateTime])).toEqual([['x_000001', undefined]]);
	for (let n = 0; n < 3; n++) expect(await trigger.poll()).toEqual([]);
});

describe('a load-balanced API whose replicas lag', () => {
	/** One poll answered throughout by a replica from before these tasks ended. */
	async function stalePoll(trigger: ReturnType<typeof poller>, taskIds: string[]) {
		sim.failNext({ kind: 'stale', taskIds }, { action: REFRESH, times: Infinity });
		try {
			return await trigger.poll();
		} finally {
			sim.clearFaults();
		}
	}
	const idsOf = (tasks: IDataObject[]) => tasks.map((task) => task.TaskId);

	test('a task listed as ended, then as running (stale), then as ended again is emitted once', async () => {
		sim.addTasks(running('refresh', 's', 2));
		const trigger = poller(sim, { resource: 'refresh', event: 'finished' });
		expect(await trigger.poll()).toEqual([]);

		sim.endTask('s_000000', 'success');
		expect(idsOf(await trigger.poll())).toEqual(['s_000000']);
		expect(await stalePoll(trigger, ['s_000000'])).toEqual([]);
		expect(await trigger.poll()).toEqual([]);

		// s_000001 ends while the stale replica still shows both running.
		sim.endTask('s_000001', 'failure');
		expect(await stalePoll(trigger, ['s_000000', 's_000001'])).toEqual([]);
		expect(idsOf(await trigger.poll())).toEqual(['s_000001']);
		expect(await trigger.poll()).toEqual([]);
		expect(trigger.memory()?.pending).toEqual({});
	});

	test('replicas that alternate, every other poll stale: each task emitted once', async () => {
		sim.addTasks(running('refresh', 'alt', 3));
		const trigger = poller(sim, { resource: 'refresh', event: 'finished' });
		expect(await trigger.poll()).toEqual([]);
		const endings: Record<number, [string, 'success' | 'failure']> = {
			0: ['alt_000000', 'success'],
			3: ['alt_000001', 'failure'],
			6: ['alt_000002', 'success'],
		};
		const ended: string[] = [];
		const emitted: IDataObject[] = [];
		for (let n = 0; n < 12; n++) {
			const ending = endings[n];
			if (ending) {
				sim.endTask(...ending);
				ended.push(ending[0]);
			}
			emitted.push(...(n % 2 === 1 ? await stalePoll(trigger, ended) : await trigger.poll()));
		}
		expect(emitted.map((task) => [task.TaskId, task.Status])).toEqual([
			['alt_000000', 'success'],
			['alt_000001', 'failure'],
			['alt_000002', 'success'],
		]);
	});
});

test('after an upgrade from the earlier static data (seen), nothing already emitted comes again', async () => {
	sim.addTasks([
		...generateTasks({
			kind: 'refresh',
			count: 3,
			newest: now() - 3600,
			prefix: 'done',
			status: 'success',
		}),
		...running('refresh', 'run', 2),
	]);
	sim.endTask('run_000000', 'failure');
	const trigger = poller(sim, { resource: 'refresh', event: 'finished' });
	// What the earlier version saved: every task it had emitted or seen final, but not
	// run_000000, which finished after its last poll.
	const seen = Object.fromEntries(
		['done_000000', 'done_000001', 'done_000002'].map((id) => [
			`refresh:${id}:success`,
			now() - 3600,
		]),
	);
	trigger.saved = { 'node:UCDN Trigger': { seen } };
	expect((await trigger.poll()).map((task) => task.TaskId)).toEqual(['run_000000']);
	expect(trigger.saved['node:UCDN Trigger']).not.toHaveProperty('seen');
	expect(await trigger.poll()).toEqual([]);
	sim.endTask('run_000001', 'success');
	expect((await trigger.poll()).map((task) => task.TaskId)).toEqual(['run_000001']);
});

test('bad options are NodeOperationErrors naming the field, before any request', async () => {
	const result = await pollTrigger(
		triggerWorkflow({ resource: 'refresh', event: 'finished', options: { lookBack: 0 } }),
		{
			credentials: simulatorCredentials(sim),
		},
	);
	expect(result.error?.name).toBe('NodeOperationError');
	expect(result.error?.message).toMatch(/^Look Back \(Hours\): must be a number from 1 to 720/);
	expect(result.error?.description).toBe(
		'Check Look Back (Hours): the parameter, or the expression that sets it. Nothing was sent to UCloud.',
	);
	expect(sim.requests).toHaveLength(0);
});

describe('Add Readable Times', () => {
	/** The ISO time of these Unix seconds in Asia/Shanghai (UTC+08:00 all year). */
	const shanghai = (seconds: number) =>
		new Date((seconds + 8 * 3600) * 1000).toISOString().replace('Z', '+08:00');

	test('version 1.1: a task that finishes is emitted with ISO times in the workflow’s timezone and its duration', async () => {
		sim.addTasks(running('refresh', 'n', 1, 120));
		const trigger = poller(
			sim,
			{ resource: 'refresh', event: 'finished' },
			{ typeVersion: 1.1, timezone: 'Asia/Shanghai' },
		);
		expect(await trigger.poll()).toEqual([]);
		sim.endTask('n_000000', 'success');
		const info = at(sim.tasks, 0).info;
		const finished = at(info.UrlLists, 0).FinishTime;
		expect(await trigger.poll()).toEqual([
			{
				...info,
				CreateTimeIso: shanghai(info.CreateTime),
				DurationSeconds: finished - info.CreateTime,
				UrlLists: info.UrlLists.map((url) => ({
					...url,
					CreateTimeIso: shanghai(info.CreateTime),
					FinishTimeIso: shanghai(finished),
				})),
				Resource: 'refresh',
			},
		]);
	});

	test('version 1.1, One Item per URL, Fetch Test Event: each URL with its task’s times', async () => {
		sim.addTasks(ended('u', 'failure'));
		const trigger = poller(
			sim,
			{ resource: 'refresh', event: 'failed', options: { output: 'url' } },
			{ typeVersion: 1.1, timezone: 'Asia/Shanghai' },
		);
		const info = at(sim.tasks, 0).info;
		expect(await trigger.poll('manual')).toEqual(
			info.UrlLists.map((url) => ({
				...url,
				CreateTimeIso: shanghai(url.CreateTime),
				FinishTimeIso: shanghai(url.FinishTime),
				TaskId: 'u_000000',
				TaskStatus: 'failure',
				TaskCreateTime: info.CreateTime,
				TaskCreateTimeIso: shanghai(info.CreateTime),
				TaskDurationSeconds: 5,
				Resource: 'refresh',
			})),
		);
	});

	test('version 1: the task exactly as before; on when asked', async () => {
		sim.addTasks(ended('v', 'success'));
		const info = at(sim.tasks, 0).info;
		const before = poller(
			sim,
			{ resource: 'refresh', event: 'finished' },
			{ timezone: 'Asia/Shanghai' },
		);
		expect(await before.poll('manual')).toEqual([{ ...info, Resource: 'refresh' }]);
		const asked = poller(
			sim,
			{ resource: 'refresh', event: 'finished', readableTimes: true },
			{ timezone: 'Asia/Shanghai' },
		);
		expect((await asked.poll('manual'))[0]).toMatchObject({
			CreateTimeIso: shanghai(info.CreateTime),
			DurationSeconds: 5,
		});
	});
});
