/**
 * UCDN Trigger through n8n-core's polling execution (PollContext + TriggersAndPollers), with the
 * workflow's static data saved and reloaded between polls as n8n does.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { StoredTask } from '../simulator/data';
import { generateTasks } from '../simulator/data';
import type { UcdnSimulator } from '../simulator/server';
import { startSimulator } from '../simulator/server';
import type { WorkflowJson } from './harness';
import { pollTrigger } from './harness';
import { CREDENTIAL_REF, simulatorCredentials } from './workflows';

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

function triggerWorkflow(parameters: INodeParameters): WorkflowJson {
	return {
		nodes: [
			{
				id: '1',
				name: 'UCDN Trigger',
				type: 'n8n-nodes-ucdn.ucdnTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters,
				credentials: CREDENTIAL_REF,
			},
		],
		connections: {},
	};
}

/** A poller that keeps the static data between polls, as an active workflow does. */
function poller(parameters: INodeParameters) {
	let staticData: IDataObject = {};
	const workflow = triggerWorkflow(parameters);
	return {
		async poll(mode: 'trigger' | 'manual' = 'trigger') {
			const result = await pollTrigger(workflow, {
				credentials: simulatorCredentials(sim),
				mode,
				staticData,
			});
			if (result.error) throw result.error;
			staticData = result.staticData;
			return (result.items?.[0] ?? []).map((item) => item.json);
		},
		get seen() {
			return Object.keys(
				(staticData['node:UCDN Trigger'] as { seen?: object } | undefined)?.seen ?? {},
			);
		},
	};
}

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
	const trigger = poller({ resource: 'refresh', event: 'finished' });

	expect(await trigger.poll()).toEqual([]);
	expect(trigger.seen).toHaveLength(3);

	sim.endTask('new_000001', 'success');
	const emitted = await trigger.poll();
	expect(emitted.map((task) => [task.TaskId, task.Status, task.Resource])).toEqual([
		['new_000001', 'success', 'refresh'],
	]);
	expect(emitted[0].UrlLists).toHaveLength(2);

	// Not again: on later polls, with the static data saved and reloaded in between.
	expect(await trigger.poll()).toEqual([]);
	expect(await trigger.poll()).toEqual([]);
});

test('Task Failed and Task Succeeded each emit only their own tasks; Task Finished emits both', async () => {
	sim.addTasks(running('refresh', 't', 4));
	const failed = poller({ resource: 'refresh', event: 'failed' });
	const succeeded = poller({ resource: 'refresh', event: 'succeeded' });
	const finished = poller({ resource: 'refresh', event: 'finished' });
	for (const trigger of [failed, succeeded, finished]) expect(await trigger.poll()).toEqual([]);

	sim.endTask('t_000000', 'failure');
	sim.endTask('t_000002', 'success');
	expect((await failed.poll()).map((task) => task.TaskId)).toEqual(['t_000000']);
	expect((await succeeded.poll()).map((task) => task.TaskId)).toEqual(['t_000002']);
	expect((await finished.poll()).map((task) => task.TaskId).sort()).toEqual([
		't_000000',
		't_000002',
	]);
	// The single-status events ask the API for that status only.
	expect(sim.requests.map((request) => request.params.Status ?? 'all').slice(-3)).toEqual([
		'failure',
		'success',
		'all',
	]);
});

test('Both resources: one Describe per resource per poll, every task with its Resource', async () => {
	sim.addTasks([...running('refresh', 'r', 2), ...running('prefetch', 'p', 2)]);
	const trigger = poller({ resource: 'both', event: 'finished' });
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
	const trigger = poller({
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
	const trigger = poller({ resource: 'refresh', event: 'succeeded' });
	expect((await trigger.poll('manual')).map((task) => task.TaskId)).toEqual(['m_000000']);
	expect(trigger.seen).toEqual([]);
});

test('a task created 10 hours before it finishes is caught with the default Look Back', async () => {
	sim.addTasks(running('refresh', 'long', 1, 10 * 3600));
	const trigger = poller({ resource: 'refresh', event: 'finished' });
	expect(await trigger.poll()).toEqual([]);
	sim.endTask('long_000000', 'success');
	expect((await trigger.poll()).map((task) => task.TaskId)).toEqual(['long_000000']);
	// With a Look Back of 6 hours it is out of the window.
	const short = poller({ resource: 'refresh', event: 'finished', options: { lookBack: 6 } });
	expect(await short.poll()).toEqual([]);
	expect(short.seen).toEqual([]);
});

test('static data stays bounded: after 10,000 tasks it holds only the tasks inside Look Back', async () => {
	// 10,000 finished tasks, one every 17 s: the newest 5,082 fall inside 24 hours.
	sim.addTasks(
		generateTasks({
			kind: 'refresh',
			count: 10_000,
			newest: now() - 60,
			spacing: 17,
			prefix: 'many',
			status: 'success',
		}),
	);
	const trigger = poller({ resource: 'refresh', event: 'finished' });
	expect(await trigger.poll()).toEqual([]);
	const inWindow = sim.tasks.filter((task) => task.info.CreateTime >= now() - 86_400).length;
	expect(trigger.seen.length).toBeGreaterThan(5000);
	expect(trigger.seen.length).toBeLessThanOrEqual(inWindow);
	expect(await trigger.poll()).toEqual([]);
	expect(trigger.seen.length).toBeLessThanOrEqual(inWindow);
}, 60_000);

test('bad options are NodeOperationErrors naming the field, before any request', async () => {
	const result = await pollTrigger(
		triggerWorkflow({ resource: 'refresh', event: 'finished', options: { lookBack: 0 } }),
		{
			credentials: simulatorCredentials(sim),
		},
	);
	expect(result.error?.name).toBe('NodeOperationError');
	expect(result.error?.message).toMatch(/^Look Back \(Hours\): must be a number from 1 to 720/);
	expect(sim.requests).toHaveLength(0);
});
