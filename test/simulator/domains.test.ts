/**
 * The simulator's domains and daily purge quota: GetUcdnDomainConfig,
 * GetUcdnDomainPrefetchRefreshState, and the checks every submit goes through (see the header
 * of dev/simulator/domains.ts).
 */
import { generateDomains } from '../../dev/simulator/data';
import type { DomainInfo, SimulatorOptions, UcdnSimulator } from '../../dev/simulator/server';
import {
	DEFAULT_QUOTA,
	RET,
	SECOND_PROJECT,
	SEED_DOMAINS,
	startSimulator,
} from '../../dev/simulator/server';
import { call } from './signed';

const {
	static: STATIC,
	cdn: CDN,
	wildcard: WILD,
	old: OLD,
	video: VIDEO,
	shop: SHOP,
} = SEED_DOMAINS;

/** A fresh simulator per test, on a clock the test moves: 2023-11-14 22:13:20 UTC. */
let clock = 1700000000;
let sim: UcdnSimulator;
const simulators: UcdnSimulator[] = [];
async function simulator(options: SimulatorOptions = {}): Promise<UcdnSimulator> {
	const started = await startSimulator({ seed: false, now: () => clock, ...options });
	simulators.push(started);
	return started;
}
beforeEach(async () => {
	clock = 1700000000;
	sim = await simulator();
});
afterEach(async () => {
	await Promise.all(simulators.splice(0).map((started) => started.close()));
});

const config = (params: Record<string, string> = {}, server = sim) =>
	call(server, { Action: 'GetUcdnDomainConfig', ...params });
const ids = (answer: Record<string, unknown>) =>
	(answer.DomainList as DomainInfo[]).map((domain) => domain.DomainId);
const state = (DomainId: string | undefined, params: Record<string, string> = {}) =>
	call(sim, {
		Action: 'GetUcdnDomainPrefetchRefreshState',
		...(DomainId === undefined ? {} : { DomainId }),
		...params,
	});
const urlList = (urls: string[]) => Object.fromEntries(urls.map((url, n) => [`UrlList.${n}`, url]));
const refresh = (Type: string, urls: string[], params: Record<string, string> = {}) =>
	call(sim, { Action: 'RefreshNewUcdnDomainCache', Type, ...urlList(urls), ...params });
const prefetch = (urls: string[], params: Record<string, string> = {}) =>
	call(sim, { Action: 'PrefetchNewUcdnDomainCache', ...urlList(urls), ...params });
const used = (domainId: string) => sim.quotaOf(domainId).used;
const files = (host: string, count: number, path = 'f') =>
	Array.from({ length: count }, (_, n) => `https://${host}/${path}/${n}.js`);
const dirs = (host: string, count: number) =>
	Array.from({ length: count }, (_, n) => `https://${host}/d${n}/`);

describe('GetUcdnDomainConfig', () => {
	test('the project’s domains, oldest first, in the documented shape, no TotalCount', async () => {
		const answer = await config();
		expect(answer).toMatchObject({ Action: 'GetUcdnDomainConfigResponse', RetCode: 0 });
		expect(answer).not.toHaveProperty('TotalCount');
		const list = answer.DomainList as DomainInfo[];
		expect(
			list.map(({ Domain, DomainId, Status, CdnType, AreaCode }) => ({
				Domain,
				DomainId,
				Status,
				CdnType,
				AreaCode,
			})),
		).toEqual([
			{ ...STATIC, Status: 'enable', CdnType: 'web', AreaCode: 'cn' },
			{ ...CDN, Status: 'enable', CdnType: 'web', AreaCode: 'all' },
			{ ...WILD, Status: 'enable', CdnType: 'web', AreaCode: 'abroad' },
			{ ...OLD, Status: 'disable', CdnType: 'download', AreaCode: 'cn' },
			{ ...VIDEO, Status: 'enable', CdnType: 'stream', AreaCode: 'all' },
		]);
		const times = list.map((domain) => domain.CreateTime);
		expect(times).toEqual([...times].sort((a, b) => a - b));
		const httpsStatuses = ['enableing', 'fail', 'enable', 'disable'];
		for (const domain of list) {
			for (const field of ['Cname', 'CertNameCn', 'CertNameAbroad', 'TestUrl', 'Tag'])
				expect(typeof domain[field]).toBe('string');
			expect(Number.isInteger(domain.CreateTime)).toBe(true);
			expect(httpsStatuses).toContain(domain.HttpsStatusCn);
			expect(httpsStatuses).toContain(domain.HttpsStatusAbroad);
			for (const field of ['CacheConf', 'OriginConf', 'AccessControlConf', 'AdvancedConf']) {
				expect(domain[field]).toEqual(expect.any(Object));
				expect(Object.keys(domain[field] as object).length).toBeGreaterThan(0);
			}
			expect(domain).not.toHaveProperty('projectId');
		}
		expect(await config({ ChannelType: 'ucdn' })).toEqual(answer);
	});

	test('scoped by ProjectId; an unknown project is RET.PROJECT', async () => {
		expect(ids(await config({ ProjectId: SECOND_PROJECT }))).toEqual([SHOP.DomainId]);
		expect(await config({ ProjectId: 'org-static' })).toMatchObject({ RetCode: 0, DomainList: [] });
		expect(await config({ ProjectId: 'org-unknown' })).toMatchObject({ RetCode: RET.PROJECT });
	});

	test('DomainId.N filters: unknown IDs and other projects’ IDs are simply not listed', async () => {
		const answer = await config({
			'DomainId.0': VIDEO.DomainId,
			'DomainId.1': 'ucdn-nosuch99',
			'DomainId.2': STATIC.DomainId,
			'DomainId.3': SHOP.DomainId,
		});
		expect(ids(answer)).toEqual([STATIC.DomainId, VIDEO.DomainId]);
		expect(await config({ 'DomainId.0': 'ucdn-nosuch99' })).toMatchObject({
			RetCode: 0,
			DomainList: [],
		});
	});

	test('ChannelType other than ucdn, and Offset or Limit not natural numbers: RET.PARAMS', async () => {
		expect(await config({ ChannelType: 'ulive' })).toMatchObject({
			RetCode: RET.PARAMS,
			Message: 'Params [ChannelType] not valid: ulive',
		});
		for (const bad of [{ Offset: '-1' }, { Limit: 'x' }, { Limit: '2.5' }] as Array<
			Record<string, string>
		>)
			expect(await config(bad)).toMatchObject({ RetCode: RET.PARAMS });
	});

	test('paging with Offset and Limit (default all) over hundreds of domains', async () => {
		sim.addDomains(generateDomains({ count: 250 }));
		const all = ids(await config());
		expect(all).toHaveLength(255);
		expect(all.slice(0, 5)).toEqual([STATIC, CDN, WILD, OLD, VIDEO].map((d) => d.DomainId));
		const paged: string[] = [];
		for (let offset = 0; ; offset += 100) {
			const page = ids(await config({ Offset: String(offset), Limit: '100' }));
			paged.push(...page);
			if (page.length < 100) break;
		}
		expect(paged).toEqual(all);
		expect(ids(await config({ Offset: '254', Limit: '10' }))).toEqual(all.slice(254));
		expect(ids(await config({ Offset: '300' }))).toEqual([]);
		expect(ids(await config({ Limit: '0' }))).toEqual([]);
	});

	test('the same CreateTime is ordered by DomainId, whatever order they were added in', async () => {
		const server = await simulator({
			domains: [
				{ Domain: 'b.example.net', DomainId: 'ucdn-b', CreateTime: 5 },
				{ Domain: 'c.example.net', DomainId: 'ucdn-c', CreateTime: 1 },
				{ Domain: 'a.example.net', DomainId: 'ucdn-a', CreateTime: 5 },
			],
		});
		expect(ids(await config({}, server))).toEqual(['ucdn-c', 'ucdn-a', 'ucdn-b']);
	});

	test('domainTotalCount adds TotalCount; domainCap answers at most that many whatever Limit says', async () => {
		const counted = await simulator({ domainTotalCount: true });
		expect(await config({ Limit: '2' }, counted)).toMatchObject({ TotalCount: 5 });
		expect(ids(await config({ Limit: '2' }, counted))).toHaveLength(2);
		expect(await config({ 'DomainId.0': OLD.DomainId }, counted)).toMatchObject({ TotalCount: 1 });

		const capped = await simulator({ domainCap: 2 });
		const all = ids(await config());
		expect(ids(await config({}, capped))).toEqual(all.slice(0, 2));
		expect(ids(await config({ Offset: '2', Limit: '1000' }, capped))).toEqual(all.slice(2, 4));
		expect(ids(await config({ Offset: '4', Limit: '1000' }, capped))).toEqual(all.slice(4));
		expect(ids(await config({ Limit: '1' }, capped))).toEqual(all.slice(0, 1));
		expect(await config({}, capped)).not.toHaveProperty('TotalCount');
	});

	test('the domains option replaces the seed, each domain in its project', async () => {
		const server = await simulator({
			domains: [
				{ Domain: 'only.example.net', DomainId: 'ucdn-only0001' },
				{ Domain: 'there.example.net', projectId: SECOND_PROJECT },
			],
		});
		const answer = await config({}, server);
		expect(ids(answer)).toEqual(['ucdn-only0001']);
		expect(answer.DomainList).toEqual([
			expect.objectContaining({ Domain: 'only.example.net', Status: 'enable', CdnType: 'web' }),
		]);
		const second = (await config({ ProjectId: SECOND_PROJECT }, server)).DomainList;
		expect(second).toEqual([
			expect.objectContaining({ Domain: 'there.example.net', DomainId: expect.any(String) }),
		]);
		expect(() =>
			server.addDomains({ Domain: 'dup.example.net', DomainId: 'ucdn-only0001' }),
		).toThrow(/already stored/);
	});

	test('denied (RetCode 299) and faulted like every action', async () => {
		sim.denied.add('GetUcdnDomainConfig');
		expect(await config()).toMatchObject({ RetCode: RET.NO_PERMISSION });
		expect(await state(STATIC.DomainId)).toMatchObject({ RetCode: 0 });
		sim.denied.clear();
		sim.failNext({ kind: 'retCode', retCode: 2001 }, { action: 'GetUcdnDomainConfig' });
		expect(await config()).toMatchObject({ RetCode: 2001 });
		expect(await config()).toMatchObject({ RetCode: 0 });
	});
});

describe('GetUcdnDomainPrefetchRefreshState', () => {
	test('the guides’ default quotas and nothing submitted yet', async () => {
		expect(await state(STATIC.DomainId)).toEqual({
			Action: 'GetUcdnDomainPrefetchRefreshStateResponse',
			RetCode: 0,
			RefreshFileQuota: 700,
			RefreshDirQuota: 20,
			PrefetchQuota: 500,
			SubmitRefreshFile: 0,
			SubmitRefreshDir: 0,
			SubmitPrefetchCount: 0,
		});
		expect(DEFAULT_QUOTA).toEqual({ file: 700, dir: 20, prefetch: 500 });
	});

	test('DomainId is required, and must be one of the project’s domains', async () => {
		expect(await state(undefined)).toMatchObject({
			RetCode: RET.PARAMS,
			Message: 'Missing params [DomainId]',
		});
		expect(await state(SHOP.DomainId)).toMatchObject({
			RetCode: RET.PARAMS,
			Message: `Params [DomainId] not valid: ${SHOP.DomainId}`,
		});
		expect(await state(SHOP.DomainId, { ProjectId: SECOND_PROJECT })).toMatchObject({
			RetCode: 0,
		});
		expect(await state(STATIC.DomainId, { ProjectId: 'org-unknown' })).toMatchObject({
			RetCode: RET.PROJECT,
		});
		sim.denied.add('GetUcdnDomainPrefetchRefreshState');
		expect(await state(STATIC.DomainId)).toMatchObject({ RetCode: RET.NO_PERMISSION });
	});

	test('the quota option for every domain, setQuota for one, useQuota for someone else’s purges', async () => {
		sim = await simulator({ quota: { dir: 50 } });
		sim.setQuota(CDN.DomainId, { file: 10 });
		sim.setQuota(CDN.DomainId, { prefetch: 5 });
		sim.useQuota(CDN.DomainId, { file: 12, dir: 1 });
		sim.useQuota(CDN.DomainId, { dir: 2 });
		expect(await state(CDN.DomainId)).toMatchObject({
			RefreshFileQuota: 10,
			RefreshDirQuota: 50,
			PrefetchQuota: 5,
			// Someone else may go over; what is left is never below 0 for the client to work out.
			SubmitRefreshFile: 12,
			SubmitRefreshDir: 3,
			SubmitPrefetchCount: 0,
		});
		expect(await state(STATIC.DomainId)).toMatchObject({
			RefreshFileQuota: 700,
			RefreshDirQuota: 50,
			PrefetchQuota: 500,
			SubmitRefreshFile: 0,
		});
		expect(() => sim.setQuota('ucdn-nosuch99', { file: 1 })).toThrow(/No domain/);
		expect(() => sim.useQuota('ucdn-nosuch99', { file: 1 })).toThrow(/No domain/);
		expect(() => sim.useQuota(CDN.DomainId, { file: -1 })).toThrow(/natural/);
	});
});

describe('submits count against their domain’s daily quota', () => {
	test('file and m3u8 refreshes count as file, dir as directory, prefetch URLs as prefetch', async () => {
		expect(await refresh('file', files(STATIC.Domain, 3))).toMatchObject({ RetCode: 0 });
		expect(await refresh('m3u8', [`https://${STATIC.Domain}/live/index.m3u8`])).toMatchObject({
			RetCode: 0,
		});
		expect(await refresh('dir', dirs(STATIC.Domain, 2))).toMatchObject({ RetCode: 0 });
		expect(await prefetch(files(STATIC.Domain, 4))).toMatchObject({ RetCode: 0 });
		expect(await state(STATIC.DomainId)).toMatchObject({
			SubmitRefreshFile: 4,
			SubmitRefreshDir: 2,
			SubmitPrefetchCount: 4,
		});
		expect(used(CDN.DomainId)).toEqual({ file: 0, dir: 0, prefetch: 0 });
	});

	test('each URL counts once against the domain it matched; a URL listed twice counts twice', async () => {
		const same = `https://${CDN.Domain}/same.js`;
		await refresh('file', [...files(STATIC.Domain, 2), same, same, 'https://a.example.com/x.js']);
		expect(used(STATIC.DomainId).file).toBe(2);
		expect(used(CDN.DomainId).file).toBe(2);
		expect(used(WILD.DomainId).file).toBe(1);
	});

	test('up to the quota exactly, then refused: RET.QUOTA_EXCEEDED naming the domain, nothing created', async () => {
		sim.useQuota(STATIC.DomainId, { dir: 18 });
		const tasks = sim.tasks.length;
		expect(await refresh('dir', dirs(STATIC.Domain, 5))).toEqual({
			Action: 'RefreshNewUcdnDomainCacheResponse',
			RetCode: RET.QUOTA_EXCEEDED,
			Message:
				'Refresh dir quota exceeded for domain static.example.com: 20 a day, 18 used, this call 5',
		});
		expect(sim.tasks).toHaveLength(tasks);
		expect(used(STATIC.DomainId).dir).toBe(18);
		expect(await refresh('dir', dirs(STATIC.Domain, 2))).toMatchObject({ RetCode: 0 });
		expect(used(STATIC.DomainId).dir).toBe(20);
		expect(await refresh('dir', dirs(STATIC.Domain, 1))).toMatchObject({
			RetCode: RET.QUOTA_EXCEEDED,
			Message: expect.stringMatching(
				/quota.*static\.example\.com: 20 a day, 20 used, this call 1$/,
			),
		});
		// File refreshes and prefetches have their own quotas.
		expect(await refresh('file', files(STATIC.Domain, 1))).toMatchObject({ RetCode: 0 });

		sim.setQuota(CDN.DomainId, { file: 3, prefetch: 2 });
		expect(await refresh('m3u8', files(CDN.Domain, 4))).toMatchObject({
			RetCode: RET.QUOTA_EXCEEDED,
			Message:
				'Refresh file quota exceeded for domain cdn.example.com: 3 a day, 0 used, this call 4',
		});
		expect(await prefetch(files(CDN.Domain, 3))).toMatchObject({
			RetCode: RET.QUOTA_EXCEEDED,
			Message: 'Prefetch quota exceeded for domain cdn.example.com: 2 a day, 0 used, this call 3',
		});
		expect(RET.QUOTA_EXCEEDED).toBeLessThan(2000);
	});

	test('a call is refused whole: one domain over quota, or one URL refused, and nothing is counted', async () => {
		sim.setQuota(CDN.DomainId, { file: 2 });
		const tasks = sim.tasks.length;
		const mixed = [
			...files(STATIC.Domain, 5),
			...files(CDN.Domain, 3),
			'https://www.example.com/a',
		];
		expect(await refresh('file', mixed)).toMatchObject({
			RetCode: RET.QUOTA_EXCEEDED,
			Message: expect.stringContaining('domain cdn.example.com'),
		});
		expect(
			await refresh('file', [...files(STATIC.Domain, 5), 'https://nosuch.example.org/a']),
		).toMatchObject({
			RetCode: RET.DOMAIN_UNKNOWN,
		});
		expect(
			await prefetch([...files(STATIC.Domain, 5), `https://${OLD.Domain}/a.zip`]),
		).toMatchObject({
			RetCode: RET.DOMAIN_DISABLED,
		});
		expect(sim.tasks).toHaveLength(tasks);
		for (const { DomainId } of [STATIC, CDN, WILD, OLD])
			expect(used(DomainId)).toEqual({ file: 0, dir: 0, prefetch: 0 });
	});

	test('a host is not one of the project’s domains: RET.DOMAIN_UNKNOWN naming it', async () => {
		for (const url of [
			'https://nosuch.example.org/a.js',
			'https://example.com/a.js',
			'https://a.b.example.com/a.js',
			`https://${SHOP.Domain}/a.js`,
		]) {
			const host = new URL(url).hostname;
			expect(await refresh('file', [url])).toEqual({
				Action: 'RefreshNewUcdnDomainCacheResponse',
				RetCode: RET.DOMAIN_UNKNOWN,
				Message: `Domain ${host} is not accelerated by this account in project org-default`,
			});
		}
		expect(
			await refresh('file', [`https://${SHOP.Domain}/a.js`], { ProjectId: SECOND_PROJECT }),
		).toMatchObject({
			RetCode: 0,
		});
		expect(
			await refresh('file', [`https://${STATIC.Domain}/a.js`], { ProjectId: SECOND_PROJECT }),
		).toMatchObject({
			RetCode: RET.DOMAIN_UNKNOWN,
		});
		expect(used(SHOP.DomainId).file).toBe(1);
		expect(RET.DOMAIN_UNKNOWN).toBeLessThan(2000);
	});

	test('a domain not `enable` is RET.DOMAIN_DISABLED naming it and its Status', async () => {
		expect(await prefetch([`https://${OLD.Domain}/a.zip`])).toEqual({
			Action: 'PrefetchNewUcdnDomainCacheResponse',
			RetCode: RET.DOMAIN_DISABLED,
			Message: 'Domain old.example.org is disable',
		});
		sim.addDomains({ Domain: 'new.example.org', Status: 'check' });
		expect(await refresh('file', ['https://new.example.org/a.js'])).toMatchObject({
			RetCode: RET.DOMAIN_DISABLED,
			Message: 'Domain new.example.org is check',
		});
		expect(RET.DOMAIN_DISABLED).toBeLessThan(2000);
	});

	test('a wildcard domain covers one label, in any case; its own name is refused', async () => {
		for (const host of ['a.example.com', 'WWW.Example.COM', 'api.example.com'])
			expect(await refresh('file', [`https://${host}/x.js`])).toMatchObject({ RetCode: 0 });
		expect(await refresh('dir', ['https://b.example.com/assets/'])).toMatchObject({ RetCode: 0 });
		expect(used(WILD.DomainId)).toEqual({ file: 3, dir: 1, prefetch: 0 });
		expect(await refresh('file', ['https://*.example.com/x.js'])).toEqual({
			Action: 'RefreshNewUcdnDomainCacheResponse',
			RetCode: RET.DOMAIN_WILDCARD,
			Message:
				'Domain *.example.com is a wildcard: purge URLs of the hosts under it, not its own name',
		});
		expect(await refresh('dir', ['https://*.example.com/'])).toMatchObject({
			RetCode: RET.DOMAIN_WILDCARD,
		});
		expect(used(WILD.DomainId)).toEqual({ file: 3, dir: 1, prefetch: 0 });
		expect(RET.DOMAIN_WILDCARD).toBeLessThan(2000);
	});

	test('an exact domain wins over a wildcard, even when it is disabled', async () => {
		expect(await refresh('file', [`https://${STATIC.Domain.toUpperCase()}/a.js`])).toMatchObject({
			RetCode: 0,
		});
		expect(used(STATIC.DomainId).file).toBe(1);
		expect(used(WILD.DomainId).file).toBe(0);
		sim.addDomains({ Domain: 'legacy.example.com', DomainId: 'ucdn-legacy07', Status: 'disable' });
		expect(await refresh('file', ['https://legacy.example.com/a.js'])).toMatchObject({
			RetCode: RET.DOMAIN_DISABLED,
			Message: 'Domain legacy.example.com is disable',
		});
		// A disabled wildcard names the host the URL had.
		const server = await simulator({ domains: [{ Domain: '*.example.org', Status: 'disable' }] });
		const answer = await call(server, {
			Action: 'PrefetchNewUcdnDomainCache',
			'UrlList.0': 'https://img.example.org/a.png',
		});
		expect(answer).toMatchObject({
			RetCode: RET.DOMAIN_DISABLED,
			Message: 'Domain *.example.org (host img.example.org) is disable',
		});
	});

	test('of a name listed more than once the enabled entry is purged; a deleted one accelerates nothing', async () => {
		const server = await simulator({
			domains: [
				{ Domain: 'static.example.com', DomainId: 'ucdn-old', Status: 'delete', CreateTime: 1 },
				{ Domain: 'static.example.com', DomainId: 'ucdn-new', CreateTime: 2 },
				{ Domain: 'www.example.org', DomainId: 'ucdn-www', Status: 'deleteing', CreateTime: 3 },
				{ Domain: '*.example.org', DomainId: 'ucdn-wild', CreateTime: 4 },
				{ Domain: 'gone.example.net', DomainId: 'ucdn-gone', Status: 'delete', CreateTime: 5 },
			],
		});
		const purge = (url: string) =>
			call(server, { Action: 'RefreshNewUcdnDomainCache', Type: 'file', 'UrlList.0': url });
		expect(await purge('https://static.example.com/a.js')).toMatchObject({ RetCode: 0 });
		expect(await purge('https://www.example.org/a.js')).toMatchObject({ RetCode: 0 });
		expect(server.quotaOf('ucdn-new').used.file).toBe(1);
		expect(server.quotaOf('ucdn-wild').used.file).toBe(1);
		expect(await purge('https://gone.example.net/a.js')).toMatchObject({
			RetCode: RET.DOMAIN_DISABLED,
			Message: 'Domain gone.example.net is delete',
		});
	});

	test('a whole-site (DCDN) domain: not in GetUcdnDomainConfig, purged only with IsDcdn', async () => {
		sim.addDomains({ Domain: 'site.example.net', DomainId: 'dcdn-site0001', wholeSite: true });
		expect(ids(await config())).not.toContain('dcdn-site0001');
		const url = ['https://site.example.net/a.js'];
		expect(await refresh('file', url)).toMatchObject({ RetCode: RET.DOMAIN_UNKNOWN });
		expect(await refresh('file', url, { IsDcdn: 'true' })).toMatchObject({ RetCode: 0 });
		// The domains GetUcdnDomainConfig lists are purged either way.
		expect(await refresh('file', files(STATIC.Domain, 1), { IsDcdn: 'true' })).toMatchObject({
			RetCode: 0,
		});
		expect(used('dcdn-site0001').file).toBe(1);
	});

	test('the host is matched as sent, in lower case: an internationalised domain by its punycode, nothing else normalised', async () => {
		// No wildcard: *.example.com would cover st%61tic.example.com as a label of its own.
		sim = await simulator({
			domains: [{ Domain: 'Bücher.example' }, { Domain: STATIC.Domain }],
		});
		for (const host of ['xn--bcher-kva.example', 'STATIC.example.com'])
			expect(await refresh('file', [`https://${host}/a.js`])).toMatchObject({ RetCode: 0 });
		for (const host of ['bücher.example', 'static\u3002example\u3002com', 'st%61tic.example.com'])
			expect(await refresh('file', [`https://${host}/a.js`])).toMatchObject({
				RetCode: RET.DOMAIN_UNKNOWN,
			});
	});

	test('the host is what is matched: without port, user info, query or fragment', async () => {
		const urls = [
			`https://user@${STATIC.Domain}:8443/a.js`,
			`http://${STATIC.Domain}?v=1`,
			`https://${STATIC.Domain}#top`,
		];
		expect(await refresh('file', urls)).toMatchObject({ RetCode: 0 });
		expect(used(STATIC.DomainId).file).toBe(3);
	});

	test('the counts start again when the clock’s UTC day changes; quotas stay', async () => {
		clock = Date.UTC(2024, 0, 31, 23, 59, 59) / 1000;
		sim.setQuota(STATIC.DomainId, { dir: 3 });
		expect(await refresh('dir', dirs(STATIC.Domain, 3))).toMatchObject({ RetCode: 0 });
		expect(await refresh('dir', dirs(STATIC.Domain, 1))).toMatchObject({
			RetCode: RET.QUOTA_EXCEEDED,
		});
		clock += 1; // 2024-02-01 00:00:00 UTC
		expect(await state(STATIC.DomainId)).toMatchObject({
			RefreshDirQuota: 3,
			SubmitRefreshDir: 0,
		});
		expect(await refresh('dir', dirs(STATIC.Domain, 2))).toMatchObject({ RetCode: 0 });
		sim.useQuota(STATIC.DomainId, { dir: 1 });
		expect(await state(STATIC.DomainId)).toMatchObject({ SubmitRefreshDir: 3 });
		clock += 86399; // still 2024-02-01
		expect(used(STATIC.DomainId).dir).toBe(3);
		clock += 1;
		expect(used(STATIC.DomainId).dir).toBe(0);
	});

	test('invalid parameters are still RET.PARAMS, checked before the domains', async () => {
		expect(await refresh('folder', ['https://nosuch.example.org/a/'])).toMatchObject({
			RetCode: RET.PARAMS,
		});
		expect(await prefetch(['https://nosuch.example.org/a/'])).toMatchObject({
			RetCode: RET.PARAMS,
		});
	});
});
