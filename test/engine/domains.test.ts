/**
 * The Domain resource in n8n-core's engine against the simulator: Get Many (the account's
 * domains, paged), Get Quota (what is left today), and the Domains parameter's From List mode,
 * loaded as the editor loads it.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { searchList } from '../../dev/engine/listSearch';
import { runWorkflow } from '../../dev/engine/run';
import type { UcdnWorkflowOptions } from '../../dev/engine/workflows';
import { simulatorCredentials, ucdnWorkflow } from '../../dev/engine/workflows';
import type { SimulatorOptions, UcdnSimulator } from '../../dev/simulator/server';
import {
	DEFAULT_PROJECT,
	SECOND_PROJECT,
	SEED_DOMAINS,
	startSimulator,
} from '../../dev/simulator/server';
import { at } from '../at';

const LIST = 'GetUcdnDomainConfig';
const QUOTA = 'GetUcdnDomainPrefetchRefreshState';
const {
	static: STATIC,
	cdn: CDN,
	wildcard: WILDCARD,
	old: OLD,
	video: VIDEO,
	shop: SHOP,
} = SEED_DOMAINS;
const DEFAULT_PROJECT_DOMAINS = [STATIC, CDN, WILDCARD, OLD, VIDEO].map((d) => d.Domain);

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
		ucdnWorkflow({ resource: 'domain', ...parameters }, { typeVersion: 1.2, ...options }),
		{ credentials: simulatorCredentials(sim) },
	);
	return { ...result, calls: (action: string) => sim.requestsFor(action) };
}

const byName = (value: string) => ({ __rl: true as const, mode: 'name', value });

describe('Domain → Get Many', () => {
	test('Return All: every domain of the project as the API returns it, in one call when the page is short', async () => {
		await simulator();
		const { json, calls, error } = await run({ operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(json('UCDN').map((d) => d.Domain)).toEqual(DEFAULT_PROJECT_DOMAINS);
		expect(calls(LIST)).toHaveLength(1);
		expect(at(calls(LIST), 0).params).toMatchObject({ Offset: '0', Limit: '100' });
		const first = at(json('UCDN'), 0);
		for (const field of ['DomainId', 'Status', 'Cname', 'CdnType', 'AreaCode', 'CreateTime'])
			expect(first).toHaveProperty(field);
		expect(first).toHaveProperty('HttpsStatusCn');
		expect(first).toHaveProperty('CacheConf');
	});

	test('readable times on version 1.2: CreateTimeIso right after CreateTime; version 1 keeps the API’s fields', async () => {
		await simulator();
		const { json } = await run(
			{ operation: 'getMany', returnAll: true },
			{ timezone: 'Asia/Shanghai' },
		);
		const domain = at(json('UCDN'), 0);
		const keys = Object.keys(domain);
		expect(keys[keys.indexOf('CreateTime') + 1]).toBe('CreateTimeIso');
		expect(domain.CreateTimeIso).toBe('2019-01-01T08:00:00.000+08:00');
		const old = await run({ operation: 'getMany', returnAll: true }, { typeVersion: 1 });
		expect(at(old.json('UCDN'), 0)).not.toHaveProperty('CreateTimeIso');
	});

	test('pages on while pages are full, with no TotalCount: 255 domains in 3 calls', async () => {
		await simulator();
		sim.addDomains(
			Array.from({ length: 250 }, (_, n) => ({
				Domain: `d${n}.example.net`,
				CreateTime: 1.6e9 + n,
			})),
		);
		const { json, calls } = await run({ operation: 'getMany', returnAll: true });
		expect(json('UCDN')).toHaveLength(255);
		expect(new Set(json('UCDN').map((d) => d.DomainId)).size).toBe(255);
		expect(calls(LIST).map((c) => c.params.Offset)).toEqual(['0', '100', '200']);
	});

	test('follows TotalCount when a gateway answers fewer domains than asked', async () => {
		await simulator({ domainTotalCount: true, domainCap: 30 });
		sim.addDomains(Array.from({ length: 70 }, (_, n) => ({ Domain: `d${n}.example.net` })));
		const { json, calls } = await run({ operation: 'getMany', returnAll: true });
		expect(json('UCDN')).toHaveLength(75);
		expect(calls(LIST)).toHaveLength(3);
	});

	test('Limit: that many domains, asked for with that Limit', async () => {
		await simulator();
		const { json, calls } = await run({ operation: 'getMany', returnAll: false, limit: 2 });
		expect(json('UCDN').map((d) => d.Domain)).toEqual(DEFAULT_PROJECT_DOMAINS.slice(0, 2));
		expect(at(calls(LIST), 0).params.Limit).toBe('2');
	});

	test('Domain IDs and Project ID options: only those domains, of that project', async () => {
		await simulator();
		const some = await run({
			operation: 'getMany',
			returnAll: true,
			options: { domainIds: `${VIDEO.DomainId}, ${STATIC.DomainId}` },
		});
		expect(
			some
				.json('UCDN')
				.map((d) => d.Domain)
				.sort(),
		).toEqual([STATIC.Domain, VIDEO.Domain].sort());
		expect(at(some.calls(LIST), 0).params).toMatchObject({
			'DomainId.0': VIDEO.DomainId,
			'DomainId.1': STATIC.DomainId,
		});
		const second = await run({
			operation: 'getMany',
			returnAll: true,
			options: { projectId: { __rl: true, mode: 'id', value: SECOND_PROJECT } },
		});
		expect(second.json('UCDN').map((d) => d.Domain)).toEqual([SHOP.Domain]);
	});

	test('fields the documents do not know are kept', async () => {
		await simulator();
		sim.failNext(
			{
				kind: 'transform',
				transform: (answer) => ({
					...answer,
					DomainList: (answer.DomainList as IDataObject[]).map((d) => ({ ...d, NewField: 7 })),
				}),
			},
			{ action: LIST },
		);
		const { json } = await run({ operation: 'getMany', returnAll: true });
		expect(at(json('UCDN'), 0).NewField).toBe(7);
	});

	test('one item per domain for each input item, each paired with its input', async () => {
		await simulator();
		const { items } = await run(
			{ operation: 'getMany', returnAll: false, limit: 1 },
			{ input: [{ a: 1 }, { a: 2 }] },
		);
		expect(items('UCDN').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('Domain → Get Quota', () => {
	test('one domain by name: the six fields as returned, what is left of each kind, the name and ID', async () => {
		await simulator();
		sim.useQuota(STATIC.DomainId, { file: 100, dir: 25, prefetch: 1 });
		const { json, calls, error } = await run({
			operation: 'getQuota',
			domains: byName(STATIC.Domain),
		});
		expect(error).toBeUndefined();
		expect(json('UCDN')).toEqual([
			{
				Domain: STATIC.Domain,
				DomainId: STATIC.DomainId,
				RefreshFileQuota: 700,
				RefreshDirQuota: 20,
				PrefetchQuota: 500,
				SubmitRefreshFile: 100,
				SubmitRefreshDir: 25,
				SubmitPrefetchCount: 1,
				RefreshFileLeft: 600,
				RefreshDirLeft: 0,
				PrefetchLeft: 499,
			},
		]);
		expect(calls(LIST)).toHaveLength(1);
		expect(calls(QUOTA).map((c) => c.params.DomainId)).toEqual([STATIC.DomainId]);
	});

	test('several, by name (any case) or by ID, from a list or an expression: one item each, in order', async () => {
		await simulator();
		const names = await run({
			operation: 'getQuota',
			domains: byName(`CDN.example.com\n${STATIC.Domain}`),
		});
		expect(names.json('UCDN').map((q) => q.Domain)).toEqual([CDN.Domain, STATIC.Domain]);
		const ids = await run({
			operation: 'getQuota',
			domains: { __rl: true, mode: 'id', value: `={{ ["${VIDEO.DomainId}", "${CDN.DomainId}"] }}` },
		});
		expect(ids.json('UCDN').map((q) => q.Domain)).toEqual([VIDEO.Domain, CDN.Domain]);
		const listed = await run({
			operation: 'getQuota',
			domains: { __rl: true, mode: 'list', value: OLD.DomainId, cachedResultName: 'x' },
		});
		expect(listed.json('UCDN').map((q) => q.Domain)).toEqual([OLD.Domain]);
	});

	test('a name that is not a domain of the project fails before any quota is asked', async () => {
		await simulator();
		const { error, calls } = await run({
			operation: 'getQuota',
			domains: byName(`${STATIC.Domain}, www.example.net`),
		});
		expect(error?.message).toBe(
			"Domains: www.example.net is not an accelerated domain of this account (the key's default project)",
		);
		expect(calls(QUOTA)).toHaveLength(0);
		const other = await run({
			operation: 'getQuota',
			domains: byName(STATIC.Domain),
			options: { projectId: { __rl: true, mode: 'id', value: SECOND_PROJECT } },
		});
		expect(other.error?.message).toBe(
			`Domains: ${STATIC.Domain} is not an accelerated domain of this account (project ${SECOND_PROJECT})`,
		);
	});

	test('many input items: the domain list is read once and each domain’s quota once', async () => {
		await simulator();
		const { items, calls } = await run(
			{ operation: 'getQuota', domains: byName('={{ $json.domain }}') },
			{ input: [{ domain: STATIC.Domain }, { domain: CDN.Domain }, { domain: STATIC.Domain }] },
		);
		expect(items('UCDN').map((item) => [item.json.Domain, item.pairedItem])).toEqual([
			[STATIC.Domain, { item: 0 }],
			[CDN.Domain, { item: 1 }],
			[STATIC.Domain, { item: 2 }],
		]);
		expect(calls(LIST)).toHaveLength(1);
		expect(calls(QUOTA)).toHaveLength(2);
	});

	test('Continue On Fail: an unknown domain becomes that item’s error item, the others go on', async () => {
		await simulator();
		const { items } = await run(
			{ operation: 'getQuota', domains: byName('={{ $json.domain }}') },
			{ input: [{ domain: 'nope.example.net' }, { domain: CDN.Domain }], continueOnFail: true },
		);
		expect(
			items('UCDN').map((item) => [item.json.error ?? item.json.Domain, item.pairedItem]),
		).toEqual([
			[expect.stringContaining('nope.example.net is not an accelerated domain'), { item: 0 }],
			[CDN.Domain, { item: 1 }],
		]);
	});
});

describe('the Domains parameter’s From List mode', () => {
	const list = async (filter?: string, options: INodeParameters = {}) =>
		await searchList('ucdn', 'domains', {
			credentials: simulatorCredentials(sim),
			parameters: { resource: 'domain', operation: 'getQuota', options },
			filter,
		});

	test('the project’s domains with their status, searchable, in one call', async () => {
		await simulator();
		expect((await list()).results).toEqual([
			{ name: 'static.example.com (enable)', value: STATIC.DomainId },
			{ name: 'cdn.example.com (enable)', value: CDN.DomainId },
			{ name: '*.example.com (enable)', value: WILDCARD.DomainId },
			{ name: 'old.example.org (disable)', value: OLD.DomainId },
			{ name: 'video.example.net (enable)', value: VIDEO.DomainId },
		]);
		expect((await list('EXAMPLE.ORG')).results.map((r) => r.value)).toEqual([OLD.DomainId]);
		expect(calls()).toBe(2);
	});

	test('a name listed twice shows once, as the entry the node uses for it: the live one', async () => {
		await simulator({
			domains: [
				{ Domain: STATIC.Domain, DomainId: 'ucdn-static-old', Status: 'delete', CreateTime: 1.5e9 },
				{ Domain: STATIC.Domain, DomainId: 'ucdn-static-new', CreateTime: 1.6e9 },
			],
		});
		expect((await list()).results).toEqual([
			{ name: 'static.example.com (enable)', value: 'ucdn-static-new' },
		]);
	});

	test('of the project the node’s Options name', async () => {
		await simulator();
		const result = await list(undefined, {
			projectId: { __rl: true, mode: 'list', value: SECOND_PROJECT },
		});
		expect(result.results).toEqual([{ name: 'shop.example.net (enable)', value: SHOP.DomainId }]);
	});

	test('a key that may not list domains: the error says the key needs it, in every mode', async () => {
		await simulator();
		sim.denied.add(LIST);
		const refused = list();
		await expect(refused).rejects.toMatchObject({
			message: expect.stringContaining('RetCode 299'),
			description: expect.stringContaining(
				'needs permission for GetUcdnDomainConfig (UCDN, read-only): Get Quota and Purge Domain find their domains in this list in every mode',
			),
		});
		await expect(refused).rejects.not.toMatchObject({
			description: expect.stringContaining('By Name'),
		});
	});

	test('any other failure of the list points to By Name', async () => {
		await simulator();
		sim.failNext({ kind: 'retCode', retCode: 230, message: 'Params wrong' }, { action: LIST });
		await expect(list()).rejects.toMatchObject({
			description: expect.stringContaining('pick By Name and enter the domain instead'),
		});
	});

	test('a stalled endpoint: the error does not advise the Request Timeout, which the list does not use', async () => {
		await simulator();
		sim.failNext({ kind: 'stall' }, { times: 3, action: LIST });
		const error = await list().then(
			() => undefined,
			(caught: unknown) => caught as Error & { description?: string },
		);
		sim.clearFaults();
		expect(error?.message).toBe(
			`Could not get an answer from the UCloud API at ${sim.url} for ${LIST}`,
		);
		expect(error?.description).toBe(
			'The list gave up after 2 tries, 5 s each: pick By Name and enter the domain instead.',
		);
	}, 30_000);

	const calls = () => sim.requestsFor(LIST).length;
});

test('a domain list that cannot be walked soundly is an error in the words of domains, never a shorter list', async () => {
	await simulator({ domainTotalCount: true });
	sim.failNext(
		{ kind: 'transform', transform: (answer) => ({ ...answer, DomainList: [], TotalCount: 5 }) },
		{ action: LIST },
	);
	const { error, json } = await run({ operation: 'getMany', returnAll: true });
	expect(json('UCDN')).toEqual([]);
	expect(error?.message).toBe(`UCloud API ${LIST}: the domain list cannot be read completely`);
	expect(error?.description).toBe(
		"The API listed 0 domains, then an empty page before its TotalCount of 5. The API's paging of the domain list cannot be trusted now: try again later.",
	);
});

/** A simulator whose project has `added` more domains and whose list answers all of them on every call, whatever Offset and Limit say. */
async function domainListIgnoringPaging(added: number) {
	await simulator();
	sim.addDomains(
		Array.from({ length: added }, (_, n) => ({
			Domain: `d${n}.example.net`,
			CreateTime: 1.6e9 + n,
		})),
	);
	const everyDomain = sim.domains
		.filter((domain) => domain.projectId === DEFAULT_PROJECT)
		.map((domain) => structuredClone(domain.info));
	sim.failNext(
		{ kind: 'transform', transform: (answer) => ({ ...answer, DomainList: everyDomain }) },
		{ action: LIST, times: Infinity },
	);
}

test('a domain list that ignores Offset and Limit, answering every domain each call, is read whole in one call', async () => {
	await domainListIgnoringPaging(150);
	const { json, calls, error } = await run({ operation: 'getMany', returnAll: true });
	expect(error).toBeUndefined();
	expect(json('UCDN')).toHaveLength(155);
	expect(calls(LIST)).toHaveLength(1);
	const quota = await run({ operation: 'getQuota', domains: byName('d149.example.net') });
	expect(quota.json('UCDN').map((item) => item.Domain)).toEqual(['d149.example.net']);
});

test('a domain list that ignores Offset and Limit with exactly a page of domains: asked again for more, one short answer is all', async () => {
	await domainListIgnoringPaging(95);
	const { json, calls, error } = await run({ operation: 'getMany', returnAll: true });
	expect(error).toBeUndefined();
	expect(json('UCDN')).toHaveLength(100);
	expect(calls(LIST).map((c) => [c.params.Offset, c.params.Limit])).toEqual([
		['0', '100'],
		['100', '100'],
		['0', '200'],
	]);
});

test('Get Quota: a quota that cannot be read names its domain', async () => {
	await simulator();
	sim.failNext({ kind: 'retCode', retCode: 299 }, { action: QUOTA, skip: 1 });
	const { error } = await run({
		operation: 'getQuota',
		domains: byName(`${STATIC.Domain}, ${CDN.Domain}`),
	});
	expect(error?.message).toBe(
		`UCloud API ${QUOTA} failed with RetCode 299: Simulated failure (the daily quota of ${CDN.Domain})`,
	);
});
