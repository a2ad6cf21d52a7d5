/**
 * Certificate → Get Many in n8n-core's engine against the simulator's certificates
 * (dev/simulator/certificates.ts): paging by TotalCount, DaysLeft at its edges and in any
 * timezone, Include Certificate Text, Expiring Within, one domain's, bad input.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../../dev/engine/run';
import type { UcdnWorkflowOptions } from '../../dev/engine/workflows';
import { simulatorCredentials, ucdnWorkflow } from '../../dev/engine/workflows';
import { makeCertificate } from '../../dev/simulator/certificates';
import type { UcdnSimulator } from '../../dev/simulator/server';
import { startSimulator } from '../../dev/simulator/server';
import { at } from '../at';

const CERTIFICATES = 'GetCertificateV2';
const DAY = 86_400;
let sim: UcdnSimulator;
let now: number;
beforeEach(async () => {
	now = Math.floor(Date.now() / 1000);
	sim = await startSimulator({ seed: false, now: () => now });
});
afterEach(async () => {
	await sim.close();
});

async function run(parameters: INodeParameters = {}, options: UcdnWorkflowOptions = {}) {
	return await runWorkflow(
		ucdnWorkflow(
			{ resource: 'certificate', operation: 'getMany', returnAll: true, ...parameters },
			{ typeVersion: 1.2, ...options },
		),
		{ credentials: simulatorCredentials(sim) },
	);
}

test('each certificate of the project, its fields in order, DaysLeft and Expired, no PEM text', async () => {
	const { json, error } = await run({}, { timezone: 'UTC' });
	expect(error).toBeUndefined();
	const list = json('UCDN');
	expect(list.map((c) => [c.CertName, c.DaysLeft, c.Expired])).toEqual([
		['old-example-org-2025', -3, true],
		['static-example-com-2026', 10, false],
		['wildcard-example-com-2026', 29, false],
		['video-example-net-2027', 45, false],
		['cdn-example-com-2027', 200, false],
	]);
	expect(Object.keys(at(list, 1))).toEqual([
		'CertName',
		'CommonName',
		'DnsName',
		'Domains',
		'DomainCount',
		'BeginTime',
		'BeginTimeIso',
		'EndTime',
		'EndTimeIso',
		'DaysLeft',
		'Expired',
	]);
	expect(at(list, 1).Domains).toEqual(['static.example.com']);
	expect(at(list, 1).EndTimeIso).toBe(new Date(Number(at(list, 1).EndTime) * 1000).toISOString());
});

test('DaysLeft is whole days of 24 hours, rounded down, the same in every timezone', async () => {
	sim.certificates.certificates.length = 0;
	sim.certificates.add(
		makeCertificate('ends-in-an-hour', ['a.example.com'], now + 3600),
		makeCertificate('ended-an-hour-ago', ['b.example.com'], now - 3600),
		makeCertificate('ends-now', ['c.example.com'], now),
		makeCertificate('far-future', ['d.example.com'], now + 3650 * DAY + 10),
	);
	for (const timezone of ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
		const list = (await run({}, { timezone })).json('UCDN');
		expect(Object.fromEntries(list.map((c) => [c.CertName, [c.DaysLeft, c.Expired]]))).toEqual({
			'ends-in-an-hour': [0, false],
			'ended-an-hour-ago': [-1, true],
			'ends-now': [0, true],
			'far-future': [3650, false],
		});
	}
});

test('an EndTime that is no Unix time (0, milliseconds, a date text, null): DaysLeft and Expired null', async () => {
	sim.certificates.certificates.length = 0;
	const ends: Array<[string, unknown]> = [
		['zero', 0],
		['zero-text', '0'],
		['milliseconds', (now + 10 * DAY) * 1000],
		['date-text', '2027-01-01'],
		['null', null],
		['seconds-text', String(now + 10 * DAY + 60)],
	];
	for (const [name, end] of ends)
		sim.certificates.add({
			...makeCertificate(name, [`${name}.example.com`], now),
			EndTime: end as number,
		});
	const list = (await run({}, { timezone: 'UTC' })).json('UCDN');
	expect(Object.fromEntries(list.map((c) => [c.CertName, [c.DaysLeft, c.Expired]]))).toEqual({
		zero: [null, null],
		'zero-text': [null, null],
		milliseconds: [null, null],
		'date-text': [null, null],
		null: [null, null],
		'seconds-text': [10, false],
	});
	const soon = (await run({ options: { expiringWithin: 30 } })).json('UCDN');
	expect(soon.map((c) => c.CertName)).toEqual(['seconds-text']);
});

test('paging follows TotalCount when the API answers fewer than asked', async () => {
	sim.certificates.add(
		...Array.from({ length: 230 }, (_, n) =>
			makeCertificate(`c${n}`, [`c${n}.example.net`], now + n * DAY),
		),
	);
	sim.certificates.cap = 40;
	const { json } = await run();
	expect(json('UCDN')).toHaveLength(235);
	expect(new Set(json('UCDN').map((c) => c.CertName)).size).toBe(235);
	expect(sim.requestsFor(CERTIFICATES).length).toBeGreaterThanOrEqual(6);
	// 100 certificates asked for per call, at the offset the last answer reached.
	expect(sim.requestsFor(CERTIFICATES).map((r) => [r.params.Offset, r.params.Limit])).toEqual(
		Array.from({ length: 6 }, (_, n) => [String(40 * n), '100']),
	);
});

test('pages that contradict their TotalCount: an error naming the action, never a shorter list', async () => {
	sim.certificates.cap = 2;
	// The second page is empty although TotalCount says 5.
	sim.failNext(
		{ kind: 'transform', transform: (answer) => ({ ...answer, CertList: [] }) },
		{ action: CERTIFICATES, skip: 1 },
	);
	const { error, items } = await run();
	expect(error?.name).toBe('NodeApiError');
	expect(error?.message).toBe(
		'UCloud API GetCertificateV2: the certificate list cannot be read completely',
	);
	expect(error?.description).toMatch(/TotalCount of 5.*try again later\.$/);
	expect(items('UCDN')).toEqual([]);
});

test('Expiring Within reads every certificate before Limit applies', async () => {
	// 150 certificates far from their end, listed before every seed certificate (older).
	sim.certificates.add(
		...Array.from({ length: 150 }, (_, n) => ({
			...makeCertificate(`far${n}`, [`far${n}.example.net`], now + 500 * DAY),
			BeginTime: now - 800 * DAY,
		})),
	);
	const { json, error } = await run({
		returnAll: false,
		limit: 2,
		options: { expiringWithin: 30 },
	});
	expect(error).toBeUndefined();
	expect(json('UCDN').map((c) => c.CertName)).toEqual([
		'old-example-org-2025',
		'static-example-com-2026',
	]);
	expect(sim.requestsFor(CERTIFICATES)).toHaveLength(2);
});

test('Include Certificate Text, Expiring Within, one domain, Limit', async () => {
	const texts = (await run({ options: { includeCertificateText: true } })).json('UCDN');
	expect(at(texts, 0).UserCert).toMatch(/^-----BEGIN CERTIFICATE-----/);
	expect(at(texts, 0).CaCert).toMatch(/^-----BEGIN CERTIFICATE-----/);
	const soon = (await run({ options: { expiringWithin: 30 } })).json('UCDN');
	expect(soon.map((c) => c.CertName)).toEqual([
		'old-example-org-2025',
		'static-example-com-2026',
		'wildcard-example-com-2026',
	]);
	const one = (await run({ options: { domain: 'static.example.com' } })).json('UCDN');
	expect(one.map((c) => c.CertName)).toEqual(['static-example-com-2026']);
	expect(sim.requestsFor(CERTIFICATES).pop()?.params.CdnDomain).toBe('static.example.com');
	expect((await run({ returnAll: false, limit: 2 })).json('UCDN')).toHaveLength(2);
});

test.each<[string, INodeParameters, string]>([
	[
		'a Limit of 0',
		{ returnAll: false, limit: 0 },
		'Limit: must be a whole number from 1 to 10000, got 0',
	],
	[
		'Expiring Within as text',
		{ options: { expiringWithin: 'soon' } },
		'Expiring Within (Days): must be a whole number',
	],
])('bad input, %s: nothing is asked', async (_, parameters, message) => {
	const { error } = await run(parameters);
	expect(error?.message).toContain(message);
	expect(sim.requestsFor(CERTIFICATES)).toHaveLength(0);
});
