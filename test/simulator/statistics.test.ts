/**
 * The simulator's statistics family (dev/simulator/statistics.ts): the five actions' shapes,
 * their parameters, the traffic model's sums, and the controls scenarios use.
 */
import type { UcdnSimulator } from '../../dev/simulator/server';
import { RET, SEED_DOMAINS, startSimulator } from '../../dev/simulator/server';
import { call } from './signed';

const { static: STATIC, cdn: CDN } = SEED_DOMAINS;
const T0 = Date.UTC(2026, 10, 2, 8, 0, 0) / 1000;
let sim: UcdnSimulator;
beforeEach(async () => {
	sim = await startSimulator({ seed: false });
});
afterEach(async () => {
	await sim.close();
});

const ask = (Action: string, params: Record<string, string> = {}) =>
	call(sim, { Action, BeginTime: String(T0), EndTime: String(T0 + 3600), Type: '1', ...params });

test('each action answers its list, one point per interval from the first at or after BeginTime', async () => {
	const answers = await Promise.all(
		[
			['GetUcdnDomainBandwidthV2', 'BandwidthTrafficList'],
			['GetUcdnDomainRequestNumV3', 'RequestList'],
			['GetUcdnDomainHitRate', 'HitRateList'],
			['GetUcdnDomainHttpCodeV2', 'HttpCodeDetail'],
			['GetUcdnDomainOriginHttpCode', 'HttpCodeDetail'],
		].map(async ([action, list]) => [list, await ask(action as string, { Type: '0' })] as const),
	);
	for (const [list, answer] of answers) {
		expect(answer.RetCode).toBe(0);
		const points = answer[list as string] as Array<{ Time: number }>;
		// 5-minute points from T0 up to and including EndTime.
		expect(points.map((p) => p.Time)).toEqual(Array.from({ length: 13 }, (_, n) => T0 + 300 * n));
	}
});

test('a point sums its minutes over the domains asked for; codes add up to the requests', async () => {
	const requests = await ask('GetUcdnDomainRequestNumV3', {
		'DomainId.0': STATIC.DomainId,
		'DomainId.1': CDN.DomainId,
	});
	let expected = 0;
	for (let t = T0; t < T0 + 3600; t += 60)
		expected +=
			sim.traffic.minute(STATIC.DomainId, t).requests +
			sim.traffic.minute(CDN.DomainId, t).requests;
	expect((requests.RequestList as Array<{ CdnRequest: number }>)[0]?.CdnRequest).toBe(expected);
	const codes = await ask('GetUcdnDomainHttpCodeV2', {
		'DomainId.0': STATIC.DomainId,
		'DomainId.1': CDN.DomainId,
		Layer: 'edge',
	});
	const point = (codes.HttpCodeDetail as Array<Record<string, { Total: number }>>)[0] ?? {};
	const total = ['1', '2', '3', '4', '5', '6'].reduce(
		(sum, d) => sum + (point[`Http${d}XX`]?.Total ?? 0),
		0,
	);
	expect(total).toBe(expected);
});

test('parameters: Type required, BeginTime with EndTime, RequestNumV3 needs both, known domains, Areacode, Layer', async () => {
	expect(await ask('GetUcdnDomainHitRate', { Type: '9' })).toMatchObject({ RetCode: RET.PARAMS });
	expect(
		await call(sim, { Action: 'GetUcdnDomainHitRate', Type: '1', EndTime: String(T0) }),
	).toMatchObject({ RetCode: RET.PARAMS });
	expect(await call(sim, { Action: 'GetUcdnDomainRequestNumV3', Type: '1' })).toMatchObject({
		RetCode: RET.PARAMS,
	});
	expect(await call(sim, { Action: 'GetUcdnDomainHitRate', Type: '1' })).toMatchObject({
		RetCode: 0,
	});
	expect(await ask('GetUcdnDomainHitRate', { 'DomainId.0': 'ucdn-nope' })).toMatchObject({
		RetCode: RET.PARAMS,
	});
	expect(await ask('GetUcdnDomainHitRate', { Areacode: 'mars' })).toMatchObject({
		RetCode: RET.PARAMS,
	});
	expect(await ask('GetUcdnDomainHttpCodeV2', { Layer: 'origin' })).toMatchObject({
		RetCode: RET.PARAMS,
	});
});

test('controls: a scenario from a moment on, lag, gaps, numbers as text, a cap', async () => {
	sim.traffic.scenarios.push({ from: T0 + 1800, domainId: STATIC.DomainId, errorShare: 10 });
	expect(sim.traffic.minute(STATIC.DomainId, T0).codes['502']).toBeLessThan(
		sim.traffic.minute(STATIC.DomainId, T0 + 1800).codes['502'] ?? 0,
	);
	sim.traffic.controls.gaps = (t) => t === T0 + 300;
	sim.traffic.controls.cap = 3;
	sim.traffic.controls.asText = true;
	const answer = await ask('GetUcdnDomainRequestNumV3', { Type: '0' });
	expect(answer.RequestList).toEqual([
		{ CdnRequest: expect.any(String), Time: String(T0) },
		{ CdnRequest: expect.any(String), Time: String(T0 + 600) },
		{ CdnRequest: expect.any(String), Time: String(T0 + 900) },
	]);
	sim.traffic.controls.lagSeconds = Math.floor(Date.now() / 1000) - T0;
	expect((await ask('GetUcdnDomainRequestNumV3', { Type: '0' })).RequestList).toEqual([]);
});

test('remember: each distinct call is computed once, then served as it was', async () => {
	sim.traffic.remember();
	const first = await ask('GetUcdnDomainRequestNumV3', { Type: '0' });
	// A later change no longer shows in a call already answered, only in a new one.
	sim.traffic.scenarios.push({ from: 0, requestsPerMinute: 1 });
	expect(await ask('GetUcdnDomainRequestNumV3', { Type: '0' })).toEqual(first);
	const other = await ask('GetUcdnDomainRequestNumV3', { Type: '1' });
	expect((other.RequestList as Array<{ CdnRequest: number }>)[0]?.CdnRequest).toBe(
		60 * sim.domains.filter((d) => d.projectId === 'org-default' && !d.wholeSite).length,
	);
});
