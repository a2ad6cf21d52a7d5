/**
 * The benchmark's correctness guard: on a small dataset, the node (Describe, Return All, One
 * Item per URL, in n8n's engine) and the benchmark's floor (bare signed HTTP) produce the same
 * URL objects, with readable times as well as without, so the benchmark compares equal work.
 */
import { DESCRIBE_ALL_URLS } from '../../scripts/bench/dataset';
import { floorDescribeUrls } from '../../scripts/bench/floor';
import { runWorkflow } from '../../dev/engine/run';
import { simulatorCredentials, ucdnWorkflow } from '../../dev/engine/workflows';
import { generateTasks } from '../../dev/simulator/data';
import type { UcdnSimulator } from '../../dev/simulator/server';
import { TEST_PRIVATE_KEY, TEST_PUBLIC_KEY, startSimulator } from '../../dev/simulator/server';

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

/** The node's URL items and the floor's, with the calls each made. */
async function both(zone?: string) {
	const pageSize = 7;
	let before = sim.requests.length;
	const result = await runWorkflow(
		ucdnWorkflow(
			{ ...DESCRIBE_ALL_URLS, options: { pageSize } },
			// Version 1.1 adds readable times by default, in the workflow's timezone.
			zone === undefined ? {} : { typeVersion: 1.1, timezone: zone },
		),
		{ credentials: simulatorCredentials(sim) },
	);
	expect(result.error).toBeUndefined();
	const nodeCalls = sim.requests.length - before;

	before = sim.requests.length;
	const floor = await floorDescribeUrls(
		{ endpoint: sim.url, publicKey: TEST_PUBLIC_KEY, privateKey: TEST_PRIVATE_KEY },
		'DescribeNewUcdnRefreshCacheTask',
		pageSize,
		zone,
	);
	return { node: result.json('UCDN'), nodeCalls, floor, floorCalls: sim.requests.length - before };
}

const key = (url: Record<string, unknown>) => `${String(url.TaskId)} ${String(url.Url)}`;
const sorted = (urls: Array<Record<string, unknown>>) =>
	[...urls].sort((a, b) => key(a).localeCompare(key(b)));

test('the node and the floor produce identical URL objects, with the same number of calls', async () => {
	const { node, nodeCalls, floor, floorCalls } = await both();
	expect(floor.urls).toHaveLength(53 * 3);
	expect(sorted(node)).toEqual(sorted(floor.urls));
	expect(floor.calls).toBe(floorCalls);
	expect(floor.calls).toBe(nodeCalls);
});

test.each(['America/New_York', 'Asia/Kolkata', 'UTC'])(
	'with readable times in %s: identical URL objects, field by field in the same order',
	async (zone) => {
		const { node, nodeCalls, floor } = await both(zone);
		expect(floor.urls).toHaveLength(53 * 3);
		const entries = (urls: Array<Record<string, unknown>>) =>
			sorted(urls).map((url) => Object.entries(url));
		expect(entries(node)).toEqual(entries(floor.urls));
		expect(node.some((url) => 'TaskDurationSeconds' in url && 'FinishTimeIso' in url)).toBe(true);
		expect(floor.calls).toBe(nodeCalls);
	},
);
