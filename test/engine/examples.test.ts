import { generateTasks } from '../../dev/simulator/data';
import { startSimulator } from '../../dev/simulator/server';
import type { UcdnSimulator } from '../../dev/simulator/server';
import { readWorkflow } from '../../dev/engine/package';
import { runWorkflow } from '../../dev/engine/run';
import { simulatorCredentials } from '../../dev/engine/workflows';

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
