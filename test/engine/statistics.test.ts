/**
 * Statistics → Get and Check Health in n8n-core's engine against the simulator's traffic model
 * (dev/simulator/statistics.ts): the metrics' flat fields, both outputs, Per Domain (a few
 * domains at a time: order, errors, Continue On Fail), chunking and call counts, the health rules on a spike, a drop, no traffic and late points, Fail When
 * Unhealthy, Continue On Fail, and bad input that sends nothing.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../../dev/engine/run';
import type { UcdnWorkflowOptions } from '../../dev/engine/workflows';
import { simulatorCredentials, ucdnWorkflow } from '../../dev/engine/workflows';
import { generateDomains } from '../../dev/simulator/data';
import type { SimulatorOptions, UcdnSimulator } from '../../dev/simulator/server';
import { SEED_DOMAINS, startSimulator } from '../../dev/simulator/server';
import type { RecordedRequest } from '../../dev/simulator/types';
import { SERIES_AT_ONCE } from '../../nodes/shared/statistics/read';
import { at } from '../at';

const { static: STATIC, cdn: CDN } = SEED_DOMAINS;
const LIST = 'GetUcdnDomainConfig';
const BANDWIDTH = 'GetUcdnDomainBandwidthV2';
const REQUESTS = 'GetUcdnDomainRequestNumV3';
const HIT_RATE = 'GetUcdnDomainHitRate';
const CODES = 'GetUcdnDomainHttpCodeV2';
const ORIGIN = 'GetUcdnDomainOriginHttpCode';
/** A fixed past hour, so that every series is the simulator's deterministic curve. */
const T0 = Date.UTC(2026, 10, 2, 8, 0, 0) / 1000;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', '');

let sim: UcdnSimulator;
async function simulator(options: SimulatorOptions = {}) {
	sim = await startSimulator({ seed: false, ...options });
	return sim;
}
afterEach(async () => {
	await sim?.close();
});

async function run(parameters: INodeParameters, options: UcdnWorkflowOptions = {}) {
	const result = await runWorkflow(
		ucdnWorkflow(
			{ resource: 'statistics', operation: 'get', ...parameters },
			{ typeVersion: 1.2, timezone: 'UTC', ...options },
		),
		{ credentials: simulatorCredentials(sim) },
	);
	return { ...result, calls: (action: string) => sim.requestsFor(action) };
}

const custom = (begin: number, end: number) => ({
	timeRange: 'custom',
	beginTime: iso(begin),
	endTime: iso(end),
});
const byName = (value: string) => ({ __rl: true as const, mode: 'name', value });

/** The simulator's own sum of a domain set's requests over [from, from + seconds). */
function requestsOf(domainIds: string[], from: number, seconds: number): number {
	let sum = 0;
	for (let t = from; t < from + seconds; t += 60)
		for (const id of domainIds) sum += sim.traffic.minute(id, t).requests;
	return sum;
}
const projectIds = () =>
	sim.domains
		.filter((d) => d.projectId === 'org-default' && !d.wholeSite)
		.map((d) => d.info.DomainId);

describe('Statistics → Get', () => {
	test('Requests over 2 hours: Auto gives 1-minute points, in time order, each once, in one call', async () => {
		await simulator();
		const { json, calls, error } = await run({ metric: 'requests', ...custom(T0, T0 + 7200) });
		expect(error).toBeUndefined();
		const points = json('UCDN');
		expect(points).toHaveLength(120);
		expect(points.map((p) => p.Time)).toEqual(Array.from({ length: 120 }, (_, n) => T0 + 60 * n));
		expect(at(points, 0)).toEqual({
			Time: T0,
			TimeIso: '2026-11-02T08:00:00.000Z',
			CdnRequest: requestsOf(projectIds(), T0, 60),
		});
		expect(calls(REQUESTS).map((c) => c.params)).toEqual([
			expect.objectContaining({ BeginTime: String(T0), EndTime: String(T0 + 7200), Type: '3' }),
		]);
		expect(calls(LIST)).toHaveLength(0);
	});

	test('Bandwidth and Traffic, hourly: the API’s fields as numbers, also when it sends text', async () => {
		await simulator();
		sim.traffic.controls.asText = true;
		const { json } = await run({
			metric: 'bandwidth',
			granularity: 'hour',
			...custom(T0, T0 + 3 * 3600),
		});
		const first = at(json('UCDN'), 0);
		expect(Object.keys(first)).toEqual(['Time', 'TimeIso', 'CdnBandwidth', 'Traffic']);
		expect(typeof first.Traffic).toBe('number');
		expect(first.Traffic).toBe(requestsOf(projectIds(), T0, 3600) * 50_000);
	});

	test('Status Codes: each class, the total, each share, each code that occurred, never nested', async () => {
		await simulator();
		const { json } = await run({
			metric: 'statusCodes',
			granularity: 'hour',
			domains: byName(STATIC.Domain),
			...custom(T0, T0 + 3600),
		});
		const point = at(json('UCDN'), 0);
		expect(Object.keys(point)).toEqual([
			'Time',
			'TimeIso',
			...['1', '2', '3', '4', '5', '6'].map((d) => `Http${d}xx`),
			'Total',
			...['1', '2', '3', '4', '5', '6'].map((d) => `Http${d}xxShare`),
			'Http200',
			'Http302',
			'Http404',
			'Http502',
		]);
		expect(point.Total).toBe(requestsOf([STATIC.DomainId], T0, 3600));
		expect(point.Http5xx).toBe(point.Http502);
		expect(Object.values(point).some((v) => typeof v === 'object' && v !== null)).toBe(false);
	});

	test('Origin Status Codes: five classes, the total and the shares', async () => {
		await simulator();
		const { json } = await run({
			metric: 'originStatusCodes',
			granularity: 'hour',
			...custom(T0, T0 + 3600),
		});
		expect(Object.keys(at(json('UCDN'), 0))).toEqual([
			'Time',
			'TimeIso',
			...['1', '2', '3', '4', '5'].map((d) => `Http${d}xx`),
			'Total',
			...['1', '2', '3', '4', '5'].map((d) => `Http${d}xxShare`),
		]);
	});

	test('Per Domain with no domain named: one series per domain of the project, one call each', async () => {
		await simulator();
		const { json, calls } = await run({
			metric: 'requests',
			granularity: 'hour',
			...custom(T0, T0 + 3600),
			options: { perDomain: true },
		});
		expect(json('UCDN').map((p) => p.Domain)).toEqual(
			sim.domains.filter((d) => d.projectId === 'org-default').map((d) => d.info.Domain),
		);
		expect(calls(LIST)).toHaveLength(1);
		// Several domains are read at once (see the test below): their calls may arrive in any order.
		expect(calls(REQUESTS).map((c) => c.params['DomainId.0'] ?? '')).toEqual(
			expect.arrayContaining(projectIds()),
		);
		expect(calls(REQUESTS)).toHaveLength(projectIds().length);
		expect(Object.keys(at(json('UCDN'), 0))).toEqual([
			'Time',
			'TimeIso',
			'Domain',
			'DomainId',
			'CdnRequest',
		]);
	});

	test('Per Domain: a deleted domain of the list is not read; Summary gives one item per domain', async () => {
		const kept = generateDomains({ count: 2 });
		const deleted = generateDomains({ count: 1, prefix: 'gone', status: 'delete' });
		await simulator({ seed: false, domains: [...kept, ...deleted] });
		const { json, calls } = await run({
			metric: 'requests',
			output: 'summary',
			granularity: 'hour',
			...custom(T0, T0 + 3600),
			options: { perDomain: true },
		});
		expect(json('UCDN').map((item) => Object.keys(item).slice(0, 4))).toEqual(
			kept.map(() => ['Domain', 'DomainId', 'From', 'FromIso']),
		);
		expect(json('UCDN').map((item) => item.Domain)).toEqual(kept.map((d) => d.Domain));
		expect(calls(REQUESTS)).toHaveLength(2);
	});

	test('30 days of 5-minute points: asked in chunks of at most 1,440 points, each point once', async () => {
		await simulator();
		const end = T0;
		const begin = end - 30 * 86_400;
		const { json, calls } = await run({
			metric: 'requests',
			granularity: 'fiveMinutes',
			domains: byName(CDN.Domain),
			...custom(begin, end),
		});
		expect(json('UCDN')).toHaveLength(8640);
		const chunks = calls(REQUESTS).map((c) => [
			Number(c.params.BeginTime),
			Number(c.params.EndTime),
		]);
		expect(chunks).toHaveLength(6);
		expect(chunks.map(([b]) => b)).toEqual(
			Array.from({ length: 6 }, (_, n) => begin + n * 432_000),
		);
		expect(new Set(json('UCDN').map((p) => p.Time)).size).toBe(8640);
	});

	describe('Per Domain, a few domains at a time', () => {
		/** 6 domains; 6 days of 5-minute points: 1,728 points, in chunks of 1,440 and 288. */
		type Domain = { Domain: string; DomainId: string };
		const DOMAINS = generateDomains({ count: 6 }) as Domain[];
		const [D0, D1, D2, D3, D4, D5] = DOMAINS as [Domain, Domain, Domain, Domain, Domain, Domain];
		const sixDays = {
			metric: 'bandwidth',
			...custom(T0 - 6 * 86_400, T0),
			granularity: 'fiveMinutes',
		};
		const of = (domain: Domain) => ({ where: { 'DomainId.0': domain.DomainId } });
		const callsOf = (domain: Domain) =>
			sim.requestsFor(BANDWIDTH).filter((c) => c.params['DomainId.0'] === domain.DomainId);

		test('at most SERIES_AT_ONCE calls at once, each domain’s chunks in order, the items in the domains’ order whichever answers first', async () => {
			await simulator({ seed: false, domains: DOMAINS });
			// The first domain answers last: the others are read meanwhile.
			sim.failNext({ kind: 'delay', ms: 400 }, { times: 2, ...of(D0) });
			sim.failNext({ kind: 'delay', ms: 50 }, { times: Infinity, action: BANDWIDTH });
			const { json, error } = await run({ ...sixDays, options: { perDomain: true } });
			expect(error).toBeUndefined();
			const items = json('UCDN');
			expect(items).toHaveLength(6 * 1728);
			expect([...new Set(items.map((item) => item.Domain))]).toEqual(DOMAINS.map((d) => d.Domain));
			for (const n of DOMAINS.keys()) {
				const times = items.slice(n * 1728, (n + 1) * 1728).map((item) => item.Time);
				expect(times).toEqual(Array.from({ length: 1728 }, (_, k) => T0 - 6 * 86_400 + 300 * k));
			}
			expect(sim.mostAtOnce).toBe(SERIES_AT_ONCE);
			for (const domain of DOMAINS)
				expect(callsOf(domain).map((c) => Number(c.params.BeginTime))).toEqual([
					T0 - 6 * 86_400,
					T0 - 6 * 86_400 + 1440 * 300,
				]);
			// The fifth domain was read while the first one waited.
			const order = sim.requestsFor(BANDWIDTH);
			expect(order.indexOf(callsOf(D4)[0] as RecordedRequest)).toBeLessThan(
				order.indexOf(callsOf(D0)[1] as RecordedRequest),
			);
		});

		test('a failure names its domain and call: the first in the domains’ order, though a later one failed first; no further domain is read', async () => {
			await simulator({ seed: false, domains: DOMAINS });
			sim.failNext({ kind: 'delay', ms: 300 }, { times: 2, ...of(D0) });
			sim.failNext({ kind: 'delay', ms: 300 }, { times: 2, ...of(D3) });
			sim.failNext({ kind: 'retCode', retCode: 230, message: 'first' }, { skip: 1, ...of(D1) });
			sim.failNext({ kind: 'retCode', retCode: 230, message: 'at once' }, of(D2));
			const { error } = await run({ ...sixDays, options: { perDomain: true } });
			expect(error?.message).toBe(
				`UCloud API ${BANDWIDTH} failed with RetCode 230: first (of ${D1.Domain}, call 2 of 2)`,
			);
			// Those under way finish their chunks; none is started after the failure.
			expect([D0, D1, D2, D3, D4, D5].map((domain) => callsOf(domain).length)).toEqual([
				2, 2, 1, 2, 0, 0,
			]);
		});

		test('Continue On Fail: the failing item’s error item names its domain, the other item’s points follow', async () => {
			await simulator({ seed: false, domains: DOMAINS });
			sim.failNext({ kind: 'retCode', retCode: 230, message: 'no' }, of(D2));
			const { items } = await run(
				{ ...sixDays, domains: '={{ $json.domains }}', options: { perDomain: true } },
				{
					input: [{ domains: `${D1.Domain}, ${D2.Domain}` }, { domains: D3.Domain }],
					continueOnFail: true,
				},
			);
			const out = items('UCDN');
			expect(out).toHaveLength(1 + 1728);
			expect(out[0]).toMatchObject({
				json: { error: expect.stringContaining(`(of ${D2.Domain}, call 1 of 2)`) },
				pairedItem: { item: 0 },
			});
			expect(out.slice(1).every((item) => item.json.Domain === D3.Domain)).toBe(true);
			expect(out[1]?.pairedItem).toEqual({ item: 1 });
		});
	});

	test('Area, Protocol (only to the actions that take one), Status Codes’ edge layer, Whole-Site Acceleration', async () => {
		await simulator();
		const options = { area: 'cn', protocol: 'https' };
		await run({ metric: 'requests', granularity: 'hour', ...custom(T0, T0 + 3600), options });
		await run({ metric: 'bandwidth', granularity: 'hour', ...custom(T0, T0 + 3600), options });
		await run({ metric: 'hitRate', granularity: 'hour', ...custom(T0, T0 + 3600), options });
		await run({ metric: 'statusCodes', granularity: 'hour', ...custom(T0, T0 + 3600) });
		await run({
			metric: 'requests',
			granularity: 'hour',
			...custom(T0, T0 + 3600),
			options: { area: 'all', protocol: 'all', isDcdn: true },
		});
		const params = (action: string, n = 0) => at(sim.requestsFor(action), n).params;
		expect([params(REQUESTS).Areacode, params(REQUESTS).Protocol]).toEqual(['cn', 'https']);
		expect([params(BANDWIDTH).Areacode, params(BANDWIDTH).Protocol]).toEqual(['cn', 'https']);
		expect([params(HIT_RATE).Areacode, params(HIT_RATE).Protocol]).toEqual(['cn', undefined]);
		expect(params(CODES).Layer).toBe('edge');
		expect(params(REQUESTS, 1)).not.toHaveProperty('Areacode');
		expect(params(REQUESTS, 1)).not.toHaveProperty('Protocol');
		expect(params(REQUESTS, 1).IsDcdn).toBe('true');
	});

	test('the Default Time Range: the last 24 hours, sent explicitly', async () => {
		await simulator();
		const before = Math.floor(Date.now() / 1000);
		const { calls, error } = await run({ metric: 'requests', granularity: 'hour' });
		const after = Math.floor(Date.now() / 1000);
		expect(error).toBeUndefined();
		const [call] = calls(REQUESTS).map((c) => [
			Number(c.params.BeginTime),
			Number(c.params.EndTime),
		]);
		// From 24 hours before now to now, widened to whole hours.
		const hours = (seconds: number, round: (x: number) => number) => round(seconds / 3600) * 3600;
		expect(calls(REQUESTS)).toHaveLength(1);
		expect([before, after].map((now) => hours(now - 86_400, Math.floor))).toContain(call?.[0]);
		expect([before, after].map((now) => hours(now, Math.ceil))).toContain(call?.[1]);
	});

	test('Summary: totals, the peak and when, missing points counted, never as zero traffic', async () => {
		await simulator();
		sim.traffic.controls.gaps = (time) => time === T0 + 600;
		const { json } = await run({
			metric: 'bandwidth',
			output: 'summary',
			granularity: 'fiveMinutes',
			...custom(T0, T0 + 3600),
		});
		const [summary] = json('UCDN');
		expect(summary).toMatchObject({
			From: T0,
			FromIso: '2026-11-02T08:00:00.000Z',
			To: T0 + 3600,
			Granularity: 'fiveMinutes',
			Points: 11,
			MissingPoints: 1,
		});
		expect(summary?.Traffic).toBe(
			(requestsOf(projectIds(), T0, 3600) - requestsOf(projectIds(), T0 + 600, 300)) * 50_000,
		);
		expect(typeof summary?.PeakBandwidthTime).toBe('number');
	});

	test('Hit Rate Summary: weighted by each point’s requests, which it reads too', async () => {
		await simulator();
		const { json, calls } = await run({
			metric: 'hitRate',
			output: 'summary',
			granularity: 'hour',
			...custom(T0, T0 + 7200),
		});
		expect(calls(HIT_RATE)).toHaveLength(1);
		expect(calls(REQUESTS)).toHaveLength(1);
		expect(at(json('UCDN'), 0)).toMatchObject({
			RequestHitRate: 95,
			Requests: requestsOf(projectIds(), T0, 7200),
		});
	});

	test.each<[string, INodeParameters, string]>([
		['Begin after End', { metric: 'requests', ...custom(T0 + 60, T0) }, 'Begin Time: '],
		[
			'a range in the future',
			{ metric: 'requests', ...custom(T0, Math.floor(Date.now() / 1000) + 7200) },
			'End Time: ',
		],
		[
			'1-minute points over 2 days',
			{ metric: 'requests', granularity: 'minute', ...custom(T0 - 2 * 86_400, T0) },
			'Granularity: 1-minute points cover at most 24 hours, and the Time Range spans 2 days: pick 5 Minutes or Auto',
		],
		[
			'an unknown domain',
			{ metric: 'requests', domains: byName('nope.example.net'), ...custom(T0, T0 + 60) },
			'Domains: nope.example.net is not an accelerated domain',
		],
		[
			'a metric no option names',
			{ metric: 'latency', ...custom(T0, T0 + 60) },
			'Metric: must be one of',
		],
		[
			'a granularity no option names',
			{ metric: 'requests', granularity: 'second', ...custom(T0, T0 + 60) },
			'Granularity: must be one of',
		],
	])(
		'bad input, %s: refused before any statistics call, the field named',
		async (_, parameters, message) => {
			await simulator();
			const { error } = await run(parameters);
			expect(error?.message).toContain(message);
			for (const action of [BANDWIDTH, REQUESTS, HIT_RATE, CODES, ORIGIN])
				expect(sim.requestsFor(action)).toHaveLength(0);
		},
	);
});

describe('Statistics → Check Health', () => {
	const check = (parameters: INodeParameters = {}, options: UcdnWorkflowOptions = {}) =>
		run(
			{
				operation: 'checkHealth',
				domains: byName(STATIC.Domain),
				windowEnd: iso(T0),
				...parameters,
			},
			options,
		);

	test('steady traffic: healthy, with the figures of both windows; one call per metric covers both', async () => {
		await simulator();
		const { json, calls, error } = await check();
		expect(error).toBeUndefined();
		const [item] = json('UCDN');
		expect(item).toMatchObject({ Domain: STATIC.Domain, DomainId: STATIC.DomainId, Healthy: true });
		expect((item?.Window as IDataObject).Points).toBe(15);
		expect((item?.Window as IDataObject).From).toBe(T0 - 900);
		expect((item?.Baseline as IDataObject).To).toBe(T0 - 900);
		expect((item?.Window as IDataObject).Http5xxShare).toBeCloseTo(0.2, 1);
		for (const action of [REQUESTS, CODES, HIT_RATE]) {
			expect(
				calls(action).map((c) => [c.params.BeginTime, c.params.EndTime, c.params.Type]),
			).toEqual([[String(T0 - 1800), String(T0), '3']]);
		}
	});

	test('a 5xx spike in the window: unhealthy, the reason in words', async () => {
		await simulator();
		sim.traffic.scenarios.push({ from: T0 - 900, errorShare: 4 });
		const [item] = (await check()).json('UCDN');
		expect(item?.Healthy).toBe(false);
		expect(item?.Reasons).toEqual([
			expect.stringMatching(/^5xx share rose from 0\.[12]\d* % to 4 % \(limit 1 %\)\.$/),
		]);
	});

	test('a hit-rate drop: unhealthy; the same window yesterday as the baseline costs two calls per metric', async () => {
		await simulator();
		sim.traffic.scenarios.push({ from: T0 - 900, hitRate: 60 });
		const { json, calls } = await check({ baseline: 'yesterday' });
		const [item] = json('UCDN');
		expect(item?.Healthy).toBe(false);
		expect(item?.Reasons).toEqual([
			expect.stringMatching(
				/^Request hit rate fell from 9[45](\.\d+)? % to 60 % \(limit 10 points\)\.$/,
			),
		]);
		expect(calls(REQUESTS)).toHaveLength(2);
		expect((item?.Baseline as IDataObject).From).toBe(T0 - 900 - 86_400);
	});

	test('the same window last week as the baseline', async () => {
		await simulator();
		const { json, calls } = await check({ baseline: 'lastWeek' });
		const [item] = json('UCDN');
		expect(item?.Healthy).toBe(true);
		expect(item?.Baseline).toMatchObject({ From: T0 - 900 - 7 * 86_400, To: T0 - 7 * 86_400 });
		for (const action of [REQUESTS, CODES, HIT_RATE])
			expect(calls(action).map((c) => Number(c.params.BeginTime))).toEqual([
				T0 - 900,
				T0 - 900 - 7 * 86_400,
			]);
	});

	test('the item: Domain, DomainId, Healthy, Reasons, then the window’s and the baseline’s figures with their ISO times', async () => {
		await simulator();
		const [item] = (await check()).json('UCDN');
		expect(Object.keys(item ?? {})).toEqual([
			'Domain',
			'DomainId',
			'Healthy',
			'Reasons',
			'Window',
			'Baseline',
		]);
		const fields = [
			'From',
			'FromIso',
			'To',
			'ToIso',
			'Requests',
			'Http4xxShare',
			'Http5xxShare',
			'RequestHitRate',
			'FlowHitRate',
			'Points',
			'MissingPoints',
		];
		expect(Object.keys(item?.Window as IDataObject)).toEqual(fields);
		expect(Object.keys(item?.Baseline as IDataObject)).toEqual(fields);
		expect((item?.Window as IDataObject).FromIso).toBe('2026-11-02T07:45:00.000Z');
	});

	test('Per Domain off: one item for all the domains together, their sum', async () => {
		await simulator();
		const { json, calls } = await check({
			domains: { __rl: true, mode: 'list', value: '' },
			options: { perDomain: false },
		});
		const items = json('UCDN');
		expect(items).toHaveLength(1);
		expect(at(items, 0)).not.toHaveProperty('Domain');
		expect(at(items, 0).Healthy).toBe(true);
		expect((at(items, 0).Window as IDataObject).Requests).toBe(
			requestsOf(projectIds(), T0 - 900, 900),
		);
		for (const action of [REQUESTS, CODES, HIT_RATE]) {
			expect(calls(action)).toHaveLength(1);
			expect(at(calls(action), 0).params).not.toHaveProperty('DomainId.0');
		}
	});

	test('the rules’ limits come from the Options', async () => {
		await simulator();
		sim.traffic.scenarios.push({ from: T0 - 900, errorShare: 4, hitRate: 60 });
		const [loose] = (
			await check({ options: { maxErrorShare: 5, maxErrorRise: 5, maxHitRateDrop: 40 } })
		).json('UCDN');
		expect(loose?.Healthy).toBe(true);
		const [strict] = (await check({ options: { minRequests: 1_000_000_000 } })).json('UCDN');
		expect(strict).toMatchObject({
			Healthy: null,
			Reasons: [
				expect.stringMatching(/too little traffic to judge: .* \(at least 1000000000\)\.$/),
			],
		});
	});

	test('no Window End: the window ends at the last whole minute before now', async () => {
		await simulator();
		const before = Math.floor(Date.now() / 60_000) * 60;
		const [item] = (await check({ windowEnd: '' })).json('UCDN');
		const after = Math.floor(Date.now() / 60_000) * 60;
		expect([before, after]).toContain((item?.Window as IDataObject).To);
	});

	test.each([4, 1441])(
		'a Window of %i minutes is refused before anything is sent',
		async (minutes) => {
			await simulator();
			const { error } = await check({ windowMinutes: minutes });
			expect(error?.message).toMatch(/^Window \(Minutes\): must be a whole number from 5 to 1440/);
			expect(sim.requestsFor(REQUESTS)).toHaveLength(0);
		},
	);

	test('no traffic, or points not reported yet: neither healthy nor unhealthy, and why', async () => {
		await simulator();
		sim.traffic.scenarios.push({ from: T0 - 900, domainId: STATIC.DomainId, requestsPerMinute: 3 });
		const quiet = (await check()).json('UCDN');
		expect(quiet[0]).toMatchObject({
			Healthy: null,
			Reasons: ['The window: too little traffic to judge: 45 requests (at least 100).'],
		});
		sim.traffic.scenarios.length = 0;
		// Reported up to T0 - 660: the window's first four minutes.
		sim.traffic.controls.lagSeconds = Math.floor(Date.now() / 1000) - (T0 - 660);
		const late = (await check()).json('UCDN');
		expect(late[0]).toMatchObject({
			Healthy: null,
			Reasons: [
				'The window: only 4 of 15 points are reported yet: CDN statistics arrive minutes late.',
			],
		});
		expect((late[0]?.Window as IDataObject).MissingPoints).toBe(11);
	});

	test('Fail When Unhealthy fails the item with the reasons; Continue On Fail makes it an error item', async () => {
		await simulator();
		sim.traffic.scenarios.push({ from: T0 - 900, domainId: STATIC.DomainId, errorShare: 5 });
		const failed = await check({ options: { failWhenUnhealthy: true } });
		expect(failed.error?.message).toMatch(/^static\.example\.com: unhealthy\. 5xx share rose/);
		const items = (
			await check(
				{ domains: '={{ $json.domain }}', options: { failWhenUnhealthy: true } },
				{ input: [{ domain: STATIC.Domain }, { domain: CDN.Domain }], continueOnFail: true },
			)
		).items('UCDN');
		expect(items.map((item) => [item.pairedItem, item.json.error ?? item.json.Healthy])).toEqual([
			[{ item: 0 }, expect.stringMatching(/unhealthy/)],
			[{ item: 1 }, true],
		]);
	});

	describe('several domains, a few at a time', () => {
		type Domain = { Domain: string; DomainId: string };
		const DOMAINS = generateDomains({ count: 6 }) as Domain[];
		const [D0, D1, , D3] = DOMAINS as [Domain, Domain, Domain, Domain];
		const of = (domain: Domain) => ({ where: { 'DomainId.0': domain.DomainId } });
		const all = { domains: { __rl: true, mode: 'list', value: '' } };

		test('at most SERIES_AT_ONCE calls at once, the items in the domains’ order whichever answers first', async () => {
			await simulator({ seed: false, domains: DOMAINS });
			// The first domain answers last: the others are read meanwhile.
			sim.failNext({ kind: 'delay', ms: 400 }, { times: 3, ...of(D0) });
			sim.failNext({ kind: 'delay', ms: 50 }, { times: Infinity, action: REQUESTS });
			const { json, error } = await check(all);
			expect(error).toBeUndefined();
			expect(json('UCDN').map((item) => item.Domain)).toEqual(DOMAINS.map((d) => d.Domain));
			expect(sim.mostAtOnce).toBe(SERIES_AT_ONCE);
			for (const action of [REQUESTS, CODES, HIT_RATE])
				expect(sim.requestsFor(action)).toHaveLength(DOMAINS.length);
		});

		test('Fail When Unhealthy names the first unhealthy domain in order, though a later one was judged first', async () => {
			await simulator({ seed: false, domains: DOMAINS });
			for (const domain of [D1, D3])
				sim.traffic.scenarios.push({ from: T0 - 900, domainId: domain.DomainId, errorShare: 5 });
			sim.failNext({ kind: 'delay', ms: 300 }, { times: 3, ...of(D1) });
			const { error } = await check({ ...all, options: { failWhenUnhealthy: true } });
			expect(error?.message).toMatch(
				new RegExp(`^${D1.Domain.replaceAll('.', '\\.')}: unhealthy\\. `),
			);
		});
	});

	test('a Window End in the future is refused before anything is sent', async () => {
		await simulator();
		const { error } = await check({ windowEnd: iso(Math.floor(Date.now() / 1000) + 3600) });
		expect(error?.message).toMatch(/^Window End: .* is in the future$/);
		expect(sim.requestsFor(REQUESTS)).toHaveLength(0);
	});
});
