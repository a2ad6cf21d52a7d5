/**
 * The Statistics benchmark's correctness guard: on a small dataset (3 domains and a deleted
 * one, 6 days of 5-minute points across a change of daylight saving time: two chunks per
 * domain), the node (Statistics → Get, Per Domain, One Item per Point, version 1.2, in n8n's
 * engine) and the benchmark's floor (bare signed HTTP) make the same calls (the domain list
 * first, then each domain's chunks in order, SERIES_AT_ONCE domains at a time, so compared as a
 * set and per domain) and produce the same items, field by field in the same order, with
 * readable times as without, so the benchmark compares equal work.
 */
import {
	STATISTICS_STEP,
	STATISTICS_VERSION,
	benchDomains,
	statisticsPerPoint,
} from '../../scripts/bench/dataset';
import { floorStatistics } from '../../scripts/bench/statisticsFloor';
import { runWorkflow } from '../../dev/engine/run';
import { simulatorCredentials, ucdnWorkflow } from '../../dev/engine/workflows';
import type { UcdnSimulator } from '../../dev/simulator/server';
import { TEST_PRIVATE_KEY, TEST_PUBLIC_KEY, startSimulator } from '../../dev/simulator/server';
import { SERIES_AT_ONCE } from '../../nodes/shared/statistics/read';

/** 2026-10-29 to 2026-11-04 UTC: 1,728 points, asked in chunks of 1,440 and 288. */
const RANGE = { begin: Date.UTC(2026, 9, 29) / 1000, end: Date.UTC(2026, 10, 4) / 1000 };
const POINTS = 1728;
const BANDWIDTH = 'GetUcdnDomainBandwidthV2';

let sim: UcdnSimulator;
beforeAll(async () => {
	sim = await startSimulator({
		seed: false,
		domains: [
			...benchDomains(2),
			{ Domain: 'gone.example.net', DomainId: 'ucdn-gone', Status: 'delete' },
			...benchDomains(3).slice(2),
		],
	});
});
afterAll(async () => {
	await sim.close();
});

/** The calls made since `from`, as the simulator received them (Signature apart). */
const callsSince = (from: number) =>
	sim.requests.slice(from).map(({ action, params }) => ({ action, params }));

/** The node's items and the floor's, with the calls each made. */
async function both(zone?: string) {
	let before = sim.requests.length;
	const result = await runWorkflow(
		ucdnWorkflow(
			{ ...statisticsPerPoint(RANGE), ...(zone === undefined ? { readableTimes: false } : {}) },
			{ typeVersion: STATISTICS_VERSION, timezone: zone ?? 'UTC' },
		),
		{ credentials: simulatorCredentials(sim) },
	);
	expect(result.error).toBeUndefined();
	const nodeCalls = callsSince(before);

	before = sim.requests.length;
	const floor = await floorStatistics(
		{ endpoint: sim.url, publicKey: TEST_PUBLIC_KEY, privateKey: TEST_PRIVATE_KEY },
		{ range: RANGE, step: STATISTICS_STEP, zone },
	);
	return { node: result.json('UCDN'), nodeCalls, floor, floorCalls: callsSince(before) };
}

const entries = (items: Array<Record<string, unknown>>) =>
	items.map((item) => Object.entries(item));

type Call = ReturnType<typeof callsSince>[number];

/** The calls as text, sorted: the same calls, each as often, whatever their order. */
const sorted = (calls: Call[]) => calls.map((call) => JSON.stringify(call)).sort();

/** Each domain's statistics calls in the order they came, by DomainId (in sorted order). */
function perDomain(calls: Call[]): Record<string, Call[]> {
	const byDomain: Record<string, Call[]> = {};
	for (const call of calls) {
		const id = call.params['DomainId.0'];
		if (id !== undefined) (byDomain[id] ??= []).push(call);
	}
	return Object.fromEntries(Object.entries(byDomain).sort(([a], [b]) => (a < b ? -1 : 1)));
}

test.each([
	['off', undefined],
	['in America/New_York', 'America/New_York'],
	['in Asia/Kolkata', 'Asia/Kolkata'],
	['in UTC', 'UTC'],
])(
	'readable times %s: the same calls, each domain’s in the same order, identical items field by field',
	async (_label, zone) => {
		const { node, nodeCalls, floor, floorCalls } = await both(zone);
		expect(floor.items).toHaveLength(3 * POINTS);
		expect(entries(node)).toEqual(entries(floor.items));
		// The domain list, then each domain's two chunks, one after the other, SERIES_AT_ONCE
		// domains at a time: the domains' calls arrive in an order neither chooses, so they are
		// compared as a set (each exactly once) and, per domain, in order.
		expect(floor.calls).toBe(1 + 3 * 2);
		for (const calls of [nodeCalls, floorCalls]) {
			expect(calls[0]).toMatchObject({ action: 'GetUcdnDomainConfig' });
			expect(perDomain(calls)).toEqual(perDomain(nodeCalls));
		}
		expect(sorted(floorCalls)).toEqual(sorted(nodeCalls));
		expect(Object.keys(perDomain(floorCalls))).toEqual([
			'ucdn-bench-00000',
			'ucdn-bench-00001',
			'ucdn-bench-00002',
		]);
		expect(Object.values(perDomain(floorCalls)).map((chunks) => chunks.length)).toEqual([2, 2, 2]);
		expect(Object.keys(floor.items[0] ?? {})).toEqual([
			'Time',
			...(zone === undefined ? [] : ['TimeIso']),
			'Domain',
			'DomainId',
			'CdnBandwidth',
			'Traffic',
		]);
	},
);

test('both read SERIES_AT_ONCE domains at a time', async () => {
	const wide = await startSimulator({ seed: false, domains: benchDomains(SERIES_AT_ONCE + 2) });
	try {
		// Each call held a little, so that the calls of the domains read at once overlap.
		wide.failNext({ kind: 'delay', ms: 50 }, { times: Infinity, action: BANDWIDTH });
		const result = await runWorkflow(
			ucdnWorkflow(
				{ ...statisticsPerPoint(RANGE), readableTimes: false },
				{ typeVersion: STATISTICS_VERSION },
			),
			{ credentials: simulatorCredentials(wide) },
		);
		expect(result.error).toBeUndefined();
		const node = wide.mostAtOnce;
		wide.mostAtOnce = 0;
		await floorStatistics(
			{ endpoint: wide.url, publicKey: TEST_PUBLIC_KEY, privateKey: TEST_PRIVATE_KEY },
			{ range: RANGE, step: STATISTICS_STEP },
		);
		expect({ node, floor: wide.mostAtOnce }).toEqual({
			node: SERIES_AT_ONCE,
			floor: SERIES_AT_ONCE,
		});
	} finally {
		await wide.close();
	}
});
