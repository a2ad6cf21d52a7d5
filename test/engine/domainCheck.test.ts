/**
 * Check Domains and Quota (Submit and Purge Domain, on from node version 1.2) and Refresh →
 * Purge Domain, in n8n-core's engine against the simulator, which keeps per-domain daily
 * counters and refuses what goes over on its own: exactly the documented calls, nothing sent
 * when refused (also across items), Continue On Fail counting, wildcard matching, permission
 * errors, and what the API's own refusals say when the check is off.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../../dev/engine/run';
import type { UcdnWorkflowOptions } from '../../dev/engine/workflows';
import { simulatorCredentials, ucdnWorkflow } from '../../dev/engine/workflows';
import type { SimulatorOptions, UcdnSimulator } from '../../dev/simulator/server';
import { RET, SECOND_PROJECT, SEED_DOMAINS, startSimulator } from '../../dev/simulator/server';
import { at } from '../at';

const LIST = 'GetUcdnDomainConfig';
const QUOTA = 'GetUcdnDomainPrefetchRefreshState';
const REFRESH = 'RefreshNewUcdnDomainCache';
const PREFETCH = 'PrefetchNewUcdnDomainCache';
const { static: STATIC, cdn: CDN, wildcard: WILDCARD, old: OLD } = SEED_DOMAINS;
const NOBODY = "the key's default project";

let sim: UcdnSimulator;
async function simulator(options: SimulatorOptions = {}) {
	sim = await startSimulator({ seed: false, ...options });
	return sim;
}
afterEach(async () => {
	await sim?.close();
});

async function run(
	parameters: INodeParameters,
	{ resource = 'refresh', ...options }: UcdnWorkflowOptions & { resource?: string } = {},
) {
	const result = await runWorkflow(
		ucdnWorkflow(
			{ resource, operation: 'submit', ...parameters },
			{ typeVersion: 1.2, ...options },
		),
		{ credentials: simulatorCredentials(sim) },
	);
	const actions = () => sim.requests.map((request) => request.action);
	return { ...result, actions, calls: (action: string) => sim.requestsFor(action) };
}

const files = (count: number, host: string = STATIC.Domain, dir = false) =>
	Array.from({ length: count }, (_, n) => `https://${host}/build/${n}${dir ? '/' : '.js'}`);
const byName = (value: string) => ({ __rl: true as const, mode: 'name', value });

describe('Check Domains and Quota', () => {
	test('on for version 1.2: one domain list, one quota call, then the submit', async () => {
		await simulator();
		const { actions, error, json } = await run({ urls: files(2).join('\n') });
		expect(error).toBeUndefined();
		expect(actions()).toEqual([LIST, QUOTA, REFRESH]);
		expect(at(sim.requestsFor(QUOTA), 0).params.DomainId).toBe(STATIC.DomainId);
		expect(json('UCDN')).toHaveLength(1);
	});

	test('off on version 1.1 and when turned off: only the submit', async () => {
		await simulator();
		expect((await run({ urls: files(1)[0] }, { typeVersion: 1.1 })).actions()).toEqual([REFRESH]);
		sim.requests.length = 0;
		expect((await run({ urls: files(1)[0], checkDomainsAndQuota: false })).actions()).toEqual([
			REFRESH,
		]);
	});

	test('a host that is no accelerated domain: refused before anything is sent, naming URL, host and project', async () => {
		await simulator();
		const url = 'https://img.example.xyz/a.png';
		const { error, actions } = await run({ urls: `${files(1)[0]}\n${url}` });
		expect(error?.message).toBe(
			`URLs: ${url}: img.example.xyz is not an accelerated domain of this account (${NOBODY}); for a whole-site acceleration (DCDN) domain, turn on Options → Whole-Site Acceleration`,
		);
		expect(error?.context?.field).toBe('URLs');
		expect(actions()).toEqual([LIST]);
	});

	test('the project named in Options is the one checked', async () => {
		await simulator();
		const { error, actions } = await run({
			urls: files(1)[0],
			options: { projectId: { __rl: true, mode: 'id', value: SECOND_PROJECT } },
		});
		expect(error?.message).toContain(`(project ${SECOND_PROJECT})`);
		expect(at(sim.requestsFor(LIST), 0).params.ProjectId).toBe(SECOND_PROJECT);
		expect(actions()).toEqual([LIST]);
	});

	test('a domain that is not enable: refused, with its status', async () => {
		await simulator();
		const url = `https://${OLD.Domain}/a.png`;
		const { error, calls } = await run({ urls: url });
		expect(error?.message).toBe(`URLs: ${url}: ${OLD.Domain} is disable, not enable`);
		expect(calls(REFRESH)).toHaveLength(0);
	});

	test('a wildcard domain covers one label, and its quota is asked for those hosts', async () => {
		await simulator();
		const ok = await run({ urls: 'https://a.example.com/x.js\nhttps://WWW.example.com/y.js' });
		expect(ok.error).toBeUndefined();
		expect(ok.calls(QUOTA).map((c) => c.params.DomainId)).toEqual([WILDCARD.DomainId]);
		const deep = await run({ urls: 'https://a.b.example.com/x.js' });
		expect(deep.error?.message).toContain('a.b.example.com is not an accelerated domain');
		const own = await run({ urls: 'https://cdn.example.com/x.js' });
		expect(own.calls(QUOTA).map((c) => c.params.DomainId)).toContain(CDN.DomainId);
	});

	test('an internationalised domain matches in Unicode or punycode, however the list spells it; it is sent in punycode', async () => {
		await simulator();
		sim.addDomains(
			{ Domain: 'bücher.example', DomainId: 'ucdn-idn00001' },
			{ Domain: 'xn--mnchen-3ya.example', DomainId: 'ucdn-idn00002' },
		);
		const unicode = await run({ urls: 'https://bücher.example/a.js' });
		expect(unicode.error).toBeUndefined();
		expect(unicode.calls(QUOTA).map((c) => c.params.DomainId)).toEqual(['ucdn-idn00001']);
		expect(at(unicode.calls(REFRESH), 0).params['UrlList.0']).toBe(
			'https://xn--bcher-kva.example/a.js',
		);
		const purge = await run({ operation: 'purgeDomain', domains: byName('München.example') });
		expect(purge.error).toBeUndefined();
		expect(at(purge.calls(REFRESH), 1).params['UrlList.0']).toBe('https://xn--mnchen-3ya.example/');
	});

	test('a domain list with odd entries: a numeric DomainId is that domain, a missing Status is said so', async () => {
		await simulator();
		sim.failNext(
			{
				kind: 'transform',
				transform: (answer) => ({
					...answer,
					DomainList: (answer.DomainList as IDataObject[]).map((domain) =>
						domain.DomainId === CDN.DomainId
							? { ...domain, DomainId: 12345 }
							: domain.DomainId === STATIC.DomainId
								? { ...domain, Status: undefined }
								: domain,
					),
				}),
			},
			{ action: LIST },
		);
		// The simulator knows no domain 12345: its quota is answered as the API would.
		sim.failNext(
			{
				kind: 'transform',
				transform: () => ({
					RetCode: 0,
					Action: `${QUOTA}Response`,
					...{ RefreshFileQuota: 700, RefreshDirQuota: 20, PrefetchQuota: 500 },
					...{ SubmitRefreshFile: 0, SubmitRefreshDir: 0, SubmitPrefetchCount: 0 },
				}),
			},
			{ action: QUOTA },
		);
		const { items, calls } = await run(
			{ urls: '={{ $json.url }}' },
			{
				input: [{ url: `https://${CDN.Domain}/a.js` }, { url: `https://${STATIC.Domain}/a.js` }],
				continueOnFail: true,
			},
		);
		// Not the wildcard *.example.com's quota: cdn.example.com is a domain of its own.
		expect(calls(QUOTA).map((c) => c.params.DomainId)).toEqual(['12345']);
		expect(items('UCDN').map((item) => item.json.error)).toEqual([
			undefined,
			`URLs: https://${STATIC.Domain}/a.js: ${STATIC.Domain} has no Status in the domain list, so it cannot be told to be enable`,
		]);
	});

	test('across items: one bad item means nothing is submitted for any', async () => {
		await simulator();
		const { error, calls } = await run(
			{ urls: '={{ $json.urls }}' },
			{ input: [{ urls: files(1)[0] }, { urls: 'https://nope.example.net/a' }] },
		);
		expect(error?.message).toContain('nope.example.net is not an accelerated domain');
		expect(calls(REFRESH)).toHaveLength(0);
		expect(calls(QUOTA)).toHaveLength(0);
	});

	test('over the quota in all: nothing is sent, and the message gives what is left and what all items would submit', async () => {
		await simulator();
		sim.setQuota(STATIC.DomainId, { dir: 12 });
		const { error, calls } = await run(
			{ urls: '={{ $json.urls }}', type: 'dir' },
			{
				input: [
					{ urls: files(10, STATIC.Domain, true) },
					{ urls: files(20, STATIC.Domain, true).slice(0) },
				],
			},
		);
		// The second item's 20 include the first item's 10: each URL counts once per item that sends it.
		expect(error?.message).toBe(
			`Daily quota: ${STATIC.Domain} has 12 directory refreshes left today; this execution would submit 30. Nothing was submitted.`,
		);
		expect(error?.description).toContain('Get Quota');
		expect(calls(REFRESH)).toHaveLength(0);
		expect(sim.quotaOf(STATIC.DomainId).used.dir).toBe(0);
	});

	test('what others used today counts: M3U8 refreshes count as file refreshes', async () => {
		await simulator();
		sim.useQuota(STATIC.DomainId, { file: 697 });
		const { error, calls } = await run({
			urls: files(4)
				.map((u) => u.replace('.js', '.m3u8'))
				.join('\n'),
			type: 'm3u8',
		});
		expect(error?.message).toBe(
			`Daily quota: ${STATIC.Domain} has 3 file refreshes left today; this execution would submit 4. Nothing was submitted.`,
		);
		expect(error?.description).toContain('M3U8 refreshes count as file refreshes');
		expect(calls(REFRESH)).toHaveLength(0);
	});

	test('prefetches count against the prefetch quota', async () => {
		await simulator();
		sim.setQuota(CDN.DomainId, { prefetch: 1 });
		const { error, calls } = await run(
			{ urls: files(2, CDN.Domain).join('\n') },
			{ resource: 'prefetch' },
		);
		expect(error?.message).toContain(`${CDN.Domain} has 1 prefetches left today`);
		expect(calls(PREFETCH)).toHaveLength(0);
	});

	test('a quota answer with a negative count: what is left cannot be told, so nothing is sent', async () => {
		await simulator();
		sim.failNext(
			{ kind: 'transform', transform: (answer) => ({ ...answer, SubmitRefreshFile: -50 }) },
			{ action: QUOTA },
		);
		const { error, calls } = await run({ urls: files(1)[0] });
		expect(error?.message).toBe(
			`Check Domains and Quota: UCloud API ${QUOTA} answered no usable count of file refreshes (the daily quota of ${STATIC.Domain})`,
		);
		expect(calls(REFRESH)).toHaveLength(0);
	});

	test('Continue On Fail: items counted in order; those that fit are submitted, the others become error items', async () => {
		await simulator();
		sim.setQuota(STATIC.DomainId, { dir: 12 });
		const dirs = (from: number, count: number) =>
			Array.from({ length: count }, (_, n) => `https://${STATIC.Domain}/d${from + n}/`);
		const { items, calls } = await run(
			{ urls: '={{ $json.urls }}', type: 'dir' },
			{
				input: [{ urls: dirs(0, 5) }, { urls: dirs(100, 10) }, { urls: dirs(200, 4) }],
				continueOnFail: true,
			},
		);
		expect(
			items('UCDN').map((item) => [item.pairedItem, item.json.error ?? item.json.TaskId]),
		).toEqual([
			[{ item: 0 }, expect.any(String)],
			[
				{ item: 1 },
				`Daily quota: ${STATIC.Domain} has 7 directory refreshes left today after the items before this one; this item would submit 10. This item was not submitted.`,
			],
			[{ item: 2 }, expect.any(String)],
		]);
		expect(at(items('UCDN'), 0).json.error).toBeUndefined();
		expect(calls(REFRESH)).toHaveLength(2);
		expect(sim.quotaOf(STATIC.DomainId).used.dir).toBe(9);
	});

	test('costs one domain walk and one quota call per domain for the whole execution, not per item or batch', async () => {
		await simulator();
		const { calls, error } = await run(
			{ urls: '={{ $json.urls }}', options: { batchSize: 2 } },
			{
				input: [
					{ urls: [...files(3), ...files(2, CDN.Domain)] },
					{ urls: files(4).map((u) => u.replace('build', 'other')) },
					{ urls: files(1, CDN.Domain).map((u) => u.replace('build', 'x')) },
				],
			},
		);
		expect(error).toBeUndefined();
		expect(calls(LIST)).toHaveLength(1);
		expect(calls(QUOTA).map((c) => c.params.DomainId)).toEqual([STATIC.DomainId, CDN.DomainId]);
		expect(calls(REFRESH)).toHaveLength(3 + 2 + 1);
	});

	test.each([
		[LIST, "the account's domains", ''],
		[QUOTA, "each domain's daily quota", `, which reads the daily quota of ${STATIC.Domain}`],
	])(
		'a key that may not call %s: the error names the call and the switch; nothing is sent',
		async (action, what, whose) => {
			await simulator();
			sim.denied.add(action);
			const { error, calls } = await run({ urls: files(1)[0] });
			expect(error?.message).toBe(
				`Check Domains and Quota: this key may not call ${action} (RetCode 299)${whose}`,
			);
			expect(error?.description).toContain(`reads ${what}`);
			expect(error?.description).toContain(
				'turn off Check Domains and Quota. Nothing was submitted.',
			);
			expect(calls(REFRESH)).toHaveLength(0);
		},
	);

	test('Continue On Fail: a domain whose items all failed on another quota read is not asked', async () => {
		await simulator();
		sim.failNext({ kind: 'retCode', retCode: 230 }, { action: QUOTA });
		const { items, calls } = await run(
			{ urls: '={{ $json.urls }}' },
			{ input: [{ urls: [files(1)[0], files(1, CDN.Domain)[0]] }], continueOnFail: true },
		);
		expect(items('UCDN').map((item) => item.json.error)).toEqual([
			expect.stringContaining(`${QUOTA} failed with RetCode 230`),
		]);
		expect(calls(QUOTA).map((c) => c.params.DomainId)).toEqual([STATIC.DomainId]);
		expect(calls(REFRESH)).toHaveLength(0);
	});

	test('a failing read with Continue On Fail: every item that needs it is an error item, read once', async () => {
		await simulator();
		sim.denied.add(LIST);
		const { items, calls } = await run(
			{ urls: '={{ $json.url }}' },
			{ input: [{ url: files(1)[0] }, { url: files(2)[1] }], continueOnFail: true },
		);
		expect(items('UCDN').map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 0 }, expect.stringContaining('may not call GetUcdnDomainConfig')],
			[{ item: 1 }, expect.stringContaining('may not call GetUcdnDomainConfig')],
		]);
		expect(calls(LIST)).toHaveLength(1);
		expect(calls(REFRESH)).toHaveLength(0);
	});
});

describe('with the check off, the API refuses on its own', () => {
	test('over quota at the second batch: the error keeps the created TaskId and names quota as the likely cause', async () => {
		await simulator();
		sim.setQuota(STATIC.DomainId, { file: 3 });
		const { error, calls } = await run({
			urls: files(5).join('\n'),
			checkDomainsAndQuota: false,
			options: { batchSize: 3 },
		});
		expect(calls(REFRESH).map((c) => c.retCode)).toEqual([0, RET.QUOTA_EXCEEDED]);
		expect(error?.message).toContain(`RetCode ${RET.QUOTA_EXCEEDED}`);
		expect(error?.message).toContain('(batch 2 of 2)');
		expect(error?.description).toContain("a domain's daily purge quota may be used up");
		expect(error?.context?.createdTaskIds).toHaveLength(1);
	});

	test('a host the API does not accelerate: the hint names the domain', async () => {
		await simulator();
		const { error } = await run({
			urls: 'https://img.example.xyz/a.png',
			checkDomainsAndQuota: false,
		});
		expect(error?.message).toContain(`RetCode ${RET.DOMAIN_UNKNOWN}`);
		expect(error?.description).toContain("The API's message mentions a domain");
	});
});

describe('Refresh → Purge Domain', () => {
	const purge = (parameters: INodeParameters, options?: UcdnWorkflowOptions) =>
		run({ operation: 'purgeDomain', ...parameters }, options);

	test('a directory refresh of each root, with http:// too when asked; the output of Submit', async () => {
		await simulator();
		const { json, calls, error } = await purge({
			domains: byName(`${STATIC.Domain}, ${CDN.Domain}`),
			alsoHttp: true,
		});
		expect(error).toBeUndefined();
		const sent = at(calls(REFRESH), 0).params;
		expect(sent.Type).toBe('dir');
		expect(
			Object.entries(sent)
				.filter(([k]) => k.startsWith('UrlList.'))
				.map(([, v]) => v),
		).toEqual([
			`https://${STATIC.Domain}/`,
			`http://${STATIC.Domain}/`,
			`https://${CDN.Domain}/`,
			`http://${CDN.Domain}/`,
		]);
		expect(json('UCDN')).toEqual([
			{
				TaskId: expect.any(String),
				Urls: [
					`https://${STATIC.Domain}/`,
					`http://${STATIC.Domain}/`,
					`https://${CDN.Domain}/`,
					`http://${CDN.Domain}/`,
				],
				Type: 'dir',
				Action: REFRESH,
			},
		]);
		expect(calls(LIST)).toHaveLength(1);
	});

	test('one domain named twice, in other spellings: its root is purged once and counted once', async () => {
		await simulator();
		const { calls, error } = await purge({
			domains: byName(`${STATIC.Domain}\nSTATIC.example.com, static.example.com.`),
		});
		expect(error).toBeUndefined();
		const sent = at(calls(REFRESH), 0).params;
		expect(Object.keys(sent).filter((k) => k.startsWith('UrlList.'))).toEqual(['UrlList.0']);
		expect(sim.quotaOf(STATIC.DomainId).used.dir).toBe(1);
	});

	test('By ID and From List, and Wait for Completion: the finished task', async () => {
		await simulator();
		const { json, error } = await purge({
			domains: { __rl: true, mode: 'list', value: STATIC.DomainId },
			waitForCompletion: true,
			pollInterval: 2,
			timeout: 30,
		});
		expect(error).toBeUndefined();
		expect(json('UCDN')).toEqual([
			expect.objectContaining({
				Status: 'success',
				UrlLists: [
					expect.objectContaining({ Url: `https://${STATIC.Domain}/`, Status: 'success' }),
				],
			}),
		]);
	});

	test('a wildcard domain has no single root: refused before anything is sent', async () => {
		await simulator();
		const { error, calls } = await purge({
			domains: { __rl: true, mode: 'id', value: WILDCARD.DomainId },
		});
		expect(error?.message).toMatch(
			/^Domains: \*\.example\.com is a wildcard domain and has no single root to purge/,
		);
		expect(calls(REFRESH)).toHaveLength(0);
	});

	test('bad parameters are found before the domain list is read', async () => {
		await simulator();
		const { error, actions } = await purge({
			domains: byName(STATIC.Domain),
			waitForCompletion: true,
			pollInterval: 1,
		});
		expect(error?.message).toMatch(/^Poll Interval \(Seconds\): must be a number from 2/);
		expect(actions()).toEqual([]);
	});

	test('an unknown domain: refused, only the domain list read', async () => {
		await simulator();
		const { error, actions } = await purge({ domains: byName('www.example.net') });
		expect(error?.message).toBe(
			`Domains: www.example.net is not an accelerated domain of this account (${NOBODY}); for a whole-site acceleration (DCDN) domain, turn on Options → Whole-Site Acceleration`,
		);
		expect(actions()).toEqual([LIST]);
	});

	test('the check counts one directory refresh per root and scheme', async () => {
		await simulator();
		sim.setQuota(STATIC.DomainId, { dir: 1 });
		const { error, calls } = await purge({ domains: byName(STATIC.Domain), alsoHttp: true });
		expect(error?.message).toBe(
			`Daily quota: ${STATIC.Domain} has 1 directory refreshes left today; this execution would submit 2. Nothing was submitted.`,
		);
		expect(calls(REFRESH)).toHaveLength(0);
		expect(calls(LIST)).toHaveLength(1);
		const one = await purge({ domains: byName(STATIC.Domain) });
		expect(one.error).toBeUndefined();
	});

	test('a disabled domain: the check refuses it, naming Domains (Purge Domain has no URLs)', async () => {
		await simulator();
		const { error, calls } = await purge({ domains: byName(OLD.Domain) });
		expect(error?.message).toBe(
			`Domains: https://${OLD.Domain}/: ${OLD.Domain} is disable, not enable`,
		);
		expect(error?.description).toMatch(/^Check Domains: /);
		expect(error?.context?.field).toBe('Domains');
		expect(calls(REFRESH)).toHaveLength(0);
	});
});

describe('a name the domain list holds more than once: the live entry is the domain', () => {
	const entry = (Domain: string, DomainId: string, Status: string, CreateTime: number) => ({
		Domain,
		DomainId,
		Status,
		CreateTime,
	});
	const REPLACED = [
		entry(STATIC.Domain, 'ucdn-static-old', 'delete', 1.5e9),
		entry(STATIC.Domain, 'ucdn-static-new', 'enable', 1.6e9),
	];

	test.each([
		['deleted and added again', 'delete'],
		['disabled and replaced', 'disable'],
	])('%s: Submit and Purge Domain use the enabled entry', async (_, status) => {
		await simulator({
			domains: [
				entry(STATIC.Domain, 'ucdn-static-old', status, 1.5e9),
				entry(STATIC.Domain, 'ucdn-static-new', 'enable', 1.6e9),
			],
		});
		const submitted = await run({ urls: `https://${STATIC.Domain}/a.png` });
		expect(submitted.error).toBeUndefined();
		expect(submitted.calls(QUOTA).map((c) => c.params.DomainId)).toEqual(['ucdn-static-new']);
		expect(submitted.calls(REFRESH)).toHaveLength(1);
		const purged = await run({ operation: 'purgeDomain', domains: byName(STATIC.Domain) });
		expect(purged.error).toBeUndefined();
		expect(sim.quotaOf('ucdn-static-new').used).toEqual({ file: 1, dir: 1, prefetch: 0 });
	});

	test('a deleted entry beside an enabled wildcard: the wildcard accelerates its host', async () => {
		await simulator({
			domains: [
				entry('www.example.org', 'ucdn-www-old', 'delete', 1.5e9),
				entry('*.example.org', 'ucdn-wild-org', 'enable', 1.6e9),
			],
		});
		const { error, calls } = await run({ urls: 'https://www.example.org/a.png' });
		expect(error).toBeUndefined();
		expect(calls(QUOTA).map((c) => c.params.DomainId)).toEqual(['ucdn-wild-org']);
		expect(calls(REFRESH)).toHaveLength(1);
	});

	test('no entry of the name enabled: the refusal names every status found', async () => {
		await simulator({
			domains: [
				entry(STATIC.Domain, 'ucdn-static-a', 'disable', 1.5e9),
				entry(STATIC.Domain, 'ucdn-static-b', 'delete', 1.6e9),
			],
		});
		const url = `https://${STATIC.Domain}/a.png`;
		const { error, calls } = await run({ urls: url });
		expect(error?.message).toBe(
			`URLs: ${url}: ${STATIC.Domain} is listed 2 times, as disable and delete: none is enable`,
		);
		expect(calls(REFRESH)).toHaveLength(0);
	});

	test('a name whose entries are all deleted: the refusal says how a whole-site domain is purged', async () => {
		await simulator({ domains: [entry(STATIC.Domain, 'ucdn-static-old', 'delete', 1.5e9)] });
		const url = `https://${STATIC.Domain}/a.png`;
		const { error } = await run({ urls: url });
		expect(error?.message).toBe(
			`URLs: ${url}: ${STATIC.Domain} is delete, not enable; for a whole-site acceleration (DCDN) domain, turn on Options → Whole-Site Acceleration`,
		);
	});

	test('Get Quota and Purge Domain by a name only a wildcard accelerates: the wildcard', async () => {
		await simulator({
			domains: [
				entry('www.example.org', 'ucdn-www-old', 'delete', 1.5e9),
				entry('*.example.org', 'ucdn-wild-org', 'enable', 1.6e9),
			],
		});
		const quota = await runWorkflow(
			ucdnWorkflow(
				{
					resource: 'domain',
					operation: 'getQuota',
					domains: byName('www.example.org, img.example.org'),
				},
				{ typeVersion: 1.2 },
			),
			{ credentials: simulatorCredentials(sim) },
		);
		expect(quota.json('UCDN').map((item) => [item.Domain, item.DomainId])).toEqual([
			['*.example.org', 'ucdn-wild-org'],
			['*.example.org', 'ucdn-wild-org'],
		]);
		const purged = await run({ operation: 'purgeDomain', domains: byName('img.example.org') });
		expect(purged.error).toBeUndefined();
		expect(at(purged.calls(REFRESH), 0).params['UrlList.0']).toBe('https://img.example.org/');
		expect(sim.quotaOf('ucdn-wild-org').used.dir).toBe(1);
	});

	test('Get Quota by name answers for the live entry', async () => {
		await simulator({ domains: REPLACED });
		const result = await runWorkflow(
			ucdnWorkflow(
				{ resource: 'domain', operation: 'getQuota', domains: byName(STATIC.Domain) },
				{ typeVersion: 1.2 },
			),
			{ credentials: simulatorCredentials(sim) },
		);
		expect(result.json('UCDN').map((item) => item.DomainId)).toEqual(['ucdn-static-new']);
	});
});

describe('Whole-Site Acceleration: a whole-site (DCDN) domain the domain list does not hold', () => {
	const SITE = 'site.example.net';
	const dcdn = { isDcdn: true };
	async function wholeSite() {
		await simulator();
		sim.addDomains({ Domain: SITE, DomainId: 'dcdn-site0001', wholeSite: true });
	}

	test('Submit at the defaults (the check on) sends it, counting the quota of the domains the list holds', async () => {
		await wholeSite();
		const { error, calls, actions } = await run({
			urls: `https://${SITE}/a.png\nhttps://${STATIC.Domain}/a.png`,
			options: dcdn,
		});
		expect(error).toBeUndefined();
		expect(actions()).toEqual([LIST, QUOTA, REFRESH]);
		expect(at(calls(QUOTA), 0).params.DomainId).toBe(STATIC.DomainId);
		expect(at(calls(REFRESH), 0).params).toMatchObject({
			IsDcdn: 'true',
			'UrlList.0': `https://${SITE}/a.png`,
		});
	});

	test.each([true, false])(
		'Purge Domain by name, the check %s: the root is purged',
		async (checkDomainsAndQuota) => {
			await wholeSite();
			const { error, calls, actions } = await run({
				operation: 'purgeDomain',
				domains: byName(SITE),
				checkDomainsAndQuota,
				options: dcdn,
			});
			expect(error).toBeUndefined();
			expect(at(calls(REFRESH), 0).params['UrlList.0']).toBe(`https://${SITE}/`);
			// With the check off nothing needs the list: a whole-site domain is not in it.
			expect(actions()).toEqual(checkDomainsAndQuota ? [LIST, REFRESH] : [REFRESH]);
		},
	);

	test('without Whole-Site Acceleration the refusal names it and what to do', async () => {
		await wholeSite();
		const url = `https://${SITE}/a.png`;
		const submitted = await run({ urls: url });
		expect(submitted.error?.message).toBe(
			`URLs: ${url}: ${SITE} is not an accelerated domain of this account (${NOBODY}); for a whole-site acceleration (DCDN) domain, turn on Options → Whole-Site Acceleration`,
		);
		const purged = await run({
			operation: 'purgeDomain',
			domains: byName(SITE),
			checkDomainsAndQuota: false,
		});
		expect(purged.error?.message).toBe(
			`Domains: ${SITE} is not an accelerated domain of this account (${NOBODY}); for a whole-site acceleration (DCDN) domain, turn on Options → Whole-Site Acceleration`,
		);
		expect(sim.requestsFor(REFRESH)).toHaveLength(0);
	});

	test('By ID cannot name it: the error says to name it By Name', async () => {
		await wholeSite();
		const { error } = await run({
			operation: 'purgeDomain',
			domains: { __rl: true, mode: 'id', value: 'dcdn-site0001' },
			options: dcdn,
		});
		expect(error?.message).toBe(
			`Domains: no domain has the ID dcdn-site0001 among the accelerated domains of this account (${NOBODY}); whole-site acceleration (DCDN) domains are not in that list: name them By Name, with Options → Whole-Site Acceleration on`,
		);
	});

	test('a whole-site host under a UCDN wildcard is not counted against the wildcard', async () => {
		await simulator();
		sim.addDomains({ Domain: 'site.example.com', DomainId: 'dcdn-site0002', wholeSite: true });
		sim.setQuota(WILDCARD.DomainId, { file: 0 });
		const { error, actions } = await run({ urls: 'https://site.example.com/a.js', options: dcdn });
		expect(error).toBeUndefined();
		expect(actions()).toEqual([LIST, REFRESH]);
	});

	test('a key that may not read the domain list: with Whole-Site Acceleration the API decides', async () => {
		await wholeSite();
		sim.denied.add(LIST);
		const { error, calls } = await run({ urls: `https://${SITE}/a.png`, options: dcdn });
		expect(error).toBeUndefined();
		expect(calls(REFRESH)).toHaveLength(1);
		const ucdn = await run({ urls: `https://${SITE}/a.png` });
		expect(ucdn.error?.message).toContain('may not call GetUcdnDomainConfig');
	});

	test.each([true, false])(
		'Purge Domain refuses what is no domain name, Whole-Site Acceleration %s, before anything is read',
		async (isDcdn) => {
			await wholeSite();
			for (const name of [
				'*',
				'*example.com',
				'a.*.example.com',
				'0x7f.1',
				'site.example.net:8080',
			]) {
				sim.requests.length = 0;
				const { error, actions } = await run({
					operation: 'purgeDomain',
					domains: byName(name),
					options: { isDcdn },
				});
				expect(error?.message).toBe(`Domains: "${name}" is not a domain name`);
				expect(actions()).toEqual([]);
			}
		},
	);

	test('a name the domain list holds that is no domain name is refused, not sent', async () => {
		await simulator();
		sim.addDomains({ Domain: 'xn--abc.example', DomainId: 'ucdn-bad00001' });
		const { error, calls } = await run({
			operation: 'purgeDomain',
			domains: { __rl: true, mode: 'id', value: 'ucdn-bad00001' },
		});
		expect(error?.message).toBe('Domains: "xn--abc.example" is not a domain name');
		expect(calls(REFRESH)).toHaveLength(0);
	});

	test('a name that is no domain name is bad input, never a URL of another shape', async () => {
		await wholeSite();
		const { error, actions } = await run({
			operation: 'purgeDomain',
			domains: byName('site.example.net/private'),
			checkDomainsAndQuota: false,
			options: dcdn,
		});
		expect(error?.message).toBe('Domains: "site.example.net/private" is not a domain name');
		expect(actions()).toEqual([]);
	});
});

describe('the URL sent is the URL checked: its host as a browser requests it', () => {
	test.each([
		['a zero-width space', 'https://static.example.com\u200b/x.png'],
		['a soft hyphen', 'https://sta\u00adtic.example.com/x.png'],
		['ideographic full stops', 'https://static\u3002example\u3002com/x.png'],
		['a fullwidth letter', 'https://\uff53tatic.example.com/x.png'],
		['a percent escape', 'https://st%61tic.example.com/x.png'],
	])('%s in the host: sent as static.example.com, the check on and off', async (_, typed) => {
		await simulator();
		for (const checkDomainsAndQuota of [true, false]) {
			sim.requests.length = 0;
			const { error, calls, json } = await run({ urls: typed, checkDomainsAndQuota });
			expect(error).toBeUndefined();
			expect(at(calls(REFRESH), 0).params['UrlList.0']).toBe('https://static.example.com/x.png');
			expect(at(json('UCDN'), 0).Urls).toEqual(['https://static.example.com/x.png']);
		}
	});

	test('spellings of one URL are sent once and counted once', async () => {
		await simulator();
		sim.setQuota(STATIC.DomainId, { file: 1 });
		const { error, calls } = await run({
			urls: [
				'https://static.example.com/x.png',
				'https://STATIC.example.com/x.png',
				'https://static.example.com./x.png',
				'https://static.example.com:443/x.png',
				'https://user@static.example.com/x.png',
			].join('\n'),
		});
		expect(error).toBeUndefined();
		expect(
			Object.keys(at(calls(REFRESH), 0).params).filter((k) => k.startsWith('UrlList.')),
		).toEqual(['UrlList.0']);
	});

	test.each([
		'https://static.example.com\\@evil.example.net/x',
		'https://static.example.com\\x.png',
	])('a backslash, which URL and the API may read apart, is refused: %s', async (url) => {
		await simulator();
		for (const checkDomainsAndQuota of [true, false]) {
			const { error, actions } = await run({ urls: url, checkDomainsAndQuota });
			expect(error?.message).toContain('contains a backslash: write / in its place');
			expect(actions()).toEqual([]);
		}
	});

	test('Purge Domain sends the root of a domain the list spells in Unicode in the form a browser requests', async () => {
		await simulator();
		sim.addDomains({ Domain: 'Bücher.example', DomainId: 'ucdn-idn00001' });
		const { error, calls } = await run({
			operation: 'purgeDomain',
			domains: byName('bücher.example'),
		});
		expect(error).toBeUndefined();
		expect(at(calls(REFRESH), 0).params['UrlList.0']).toBe('https://xn--bcher-kva.example/');
	});
});

describe('a quota read that fails names the domain whose quota it is', () => {
	test.each([
		['a permission RetCode', { kind: 'retCode', retCode: 299 } as const, 'may not call'],
		['a timeout', { kind: 'delay', ms: 3000 } as const, 'Could not get an answer'],
	])('%s', async (_, fault, words) => {
		await simulator();
		sim.failNext(fault, { action: QUOTA, skip: 1 });
		const { error, calls } = await run({
			urls: `${files(1)[0]}\n${files(1, CDN.Domain)[0]}`,
			options: { requestTimeout: 1, retries: 0 },
		});
		expect(error?.message).toContain(words);
		expect(error?.message).toContain(QUOTA);
		expect(error?.message).toContain(`the daily quota of ${CDN.Domain}`);
		expect(error?.message).not.toContain(STATIC.Domain);
		expect(calls(REFRESH)).toHaveLength(0);
	});
});
