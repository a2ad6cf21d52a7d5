/**
 * The benchmark's correctness guard: on a small dataset, the node (Describe, Return All, One
 * Item per URL, in n8n's engine) and the benchmark's floor (bare signed HTTP) produce the same
 * URL objects, so the benchmark compares equal work.
 */
import { DESCRIBE_ALL_URLS } from '../scripts/bench/dataset';
import { floorDescribeUrls } from '../scripts/bench/floor';
import { runWorkflow } from '../dev/engine/run';
import { simulatorCredentials, ucdnWorkflow } from '../dev/engine/workflows';
import { generateTasks } from '../dev/simulator/data';
import type { UcdnSimulator } from '../dev/simulator/server';
import { TEST_PRIVATE_KEY, TEST_PUBLIC_KEY, startSimulator } from '../dev/simulator/server';

let sim: UcdnSimulator;
beforeAll(async () => {
	sim = await startSimulator({ seed: false });
	sim.addTasks(
		generateTasks({
			kind: 'refresh',
			count: 53,
			urlsPerTask: 3,
			newest: Math.floor(Date.now() / 1000) - 60,
			prefix: 'g',
		}),
	);
});
afterAll(async () => {
	await sim.close();
});

test('the node and the floor produce identical URL objects, with the same number of calls', async () => {
	const pageSize = 7;
	let before = sim.requests.length;
	const result = await runWorkflow(
		ucdnWorkflow({
			...DESCRIBE_ALL_URLS,
			options: { pageSize },
		}),
		{ credentials: simulatorCredentials(sim) },
	);
	expect(result.error).toBeUndefined();
	const nodeCalls = sim.requests.length - before;

	before = sim.requests.length;
	const floor = await floorDescribeUrls(
		{ endpoint: sim.url, publicKey: TEST_PUBLIC_KEY, privateKey: TEST_PRIVATE_KEY },
		'DescribeNewUcdnRefreshCacheTask',
		pageSize,
	);
	expect(floor.calls).toBe(sim.requests.length - before);

	const key = (url: Record<string, unknown>) => `${String(url.TaskId)} ${String(url.Url)}`;
	const sorted = (urls: Array<Record<string, unknown>>) =>
		[...urls].sort((a, b) => key(a).localeCompare(key(b)));
	expect(floor.urls).toHaveLength(53 * 3);
	expect(sorted(result.json('UCDN'))).toEqual(sorted(floor.urls));
	expect(floor.calls).toBe(nodeCalls);
});
