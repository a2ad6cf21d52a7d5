/**
 * The UCDN Trigger's Certificate Expiring event through n8n-core's polling execution, against
 * the simulator's certificates (dev/simulator/certificates.ts: static.example.com ends in 10
 * days, the wildcard in 29, old.example.org ended 3 days ago, video in 45, cdn in 200).
 */
import type { IDataObject } from 'n8n-workflow';

import { pollTrigger } from '../../dev/engine/poll';
import { simulatorCredentials } from '../../dev/engine/workflows';
import { makeCertificate } from '../../dev/simulator/certificates';
import { SECOND_PROJECT } from '../../dev/simulator/data';
import type { UcdnSimulator } from '../../dev/simulator/server';
import { startSimulator } from '../../dev/simulator/server';
import { at } from '../at';
import { poller, triggerWorkflow } from './poller';

const CERTIFICATES = 'GetCertificateV2';
const DAY = 86_400;
const now = () => Math.floor(Date.now() / 1000);

let sim: UcdnSimulator;
beforeEach(async () => {
	sim = await startSimulator({ seed: false });
});
afterEach(async () => {
	await sim.close();
});

const expiring = (daysBefore: string, more: IDataObject = {}) => ({
	event: 'certificateExpiring',
	daysBefore,
	...more,
});

/** Moves the certificate's end to `days` (and half a day) from now, as the clock would. */
function endIn(name: string, days: number): void {
	const certificate = sim.certificates.certificates.find((c) => c.CertName === name);
	if (!certificate) throw new Error(`No certificate ${name}`);
	certificate.EndTime = now() + days * DAY + DAY / 2;
}

const named = (items: IDataObject[]) => items.map((c) => [c.CertName, c.DaysLeft, c.DaysBefore]);

test('the first poll emits each certificate within a threshold once, for the nearest; later polls nothing', async () => {
	const trigger = poller(sim, expiring('30, 14, 7'));
	const first = await trigger.poll();
	expect(named(first)).toEqual([
		['old-example-org-2025', -3, 7],
		['static-example-com-2026', 10, 14],
		['wildcard-example-com-2026', 29, 30],
	]);
	expect(Object.keys(at(first, 1))).toEqual([
		'CertName',
		'CommonName',
		'DnsName',
		'Domains',
		'DomainCount',
		'BeginTime',
		'EndTime',
		'DaysLeft',
		'Expired',
		'DaysBefore',
	]);
	expect(at(first, 0).Expired).toBe(true);
	expect(JSON.stringify(first)).not.toContain('BEGIN CERTIFICATE');
	expect(await trigger.poll()).toEqual([]);
	expect(await trigger.poll()).toEqual([]);
});

test('a certificate is emitted again as it comes within each smaller threshold, once each', async () => {
	const trigger = poller(sim, expiring('30, 14, 7, 0'));
	await trigger.poll();

	endIn('static-example-com-2026', 6);
	endIn('video-example-net-2027', 13);
	expect(named(await trigger.poll())).toEqual([
		['static-example-com-2026', 6, 7],
		['video-example-net-2027', 13, 14],
	]);
	expect(await trigger.poll()).toEqual([]);

	// From 13 days straight to its last day: once, for 0, not for 7 as well.
	endIn('video-example-net-2027', 0);
	expect(named(await trigger.poll())).toEqual([['video-example-net-2027', 0, 0]]);
	expect(await trigger.poll()).toEqual([]);
});

test('Days Before left at its default is 30', async () => {
	const trigger = poller(sim, { event: 'certificateExpiring' });
	expect(named(await trigger.poll())).toEqual([
		['old-example-org-2025', -3, 30],
		['static-example-com-2026', 10, 30],
		['wildcard-example-com-2026', 29, 30],
	]);
});

test('several certificates in one poll come out in EndTime order, whatever the order the API lists them in', async () => {
	// Listed last (its validity began last), yet it ends first.
	sim.certificates.add({
		...makeCertificate('short-lived', ['short.example.com'], now() + DAY / 2),
		BeginTime: now(),
	});
	const trigger = poller(sim, expiring('30'));
	expect(named(await trigger.poll()).map(([name]) => name)).toEqual([
		'old-example-org-2025',
		'short-lived',
		'static-example-com-2026',
		'wildcard-example-com-2026',
	]);
});

test('a smaller threshold added to Days Before later: a certificate already within it comes out on the next poll', async () => {
	const trigger = poller(sim, expiring('30'));
	expect(named(await trigger.poll())).toHaveLength(3);
	const more = poller(sim, expiring('30, 14'));
	more.saved = trigger.saved;
	expect(named(await more.poll())).toEqual([
		['old-example-org-2025', -3, 14],
		['static-example-com-2026', 10, 14],
	]);
	expect(await more.poll()).toEqual([]);
	endIn('wildcard-example-com-2026', 13);
	expect(named(await more.poll())).toEqual([['wildcard-example-com-2026', 13, 14]]);
});

test('a renewed certificate is another certificate; a replica still listing the old one emits nothing', async () => {
	const trigger = poller(sim, expiring('30'));
	expect(named(await trigger.poll())).toHaveLength(3);

	sim.certificates.renew('static-example-com-2026', now() + 365 * DAY);
	expect(await trigger.poll()).toEqual([]);
	sim.certificates.stale();
	expect(await trigger.poll()).toEqual([]);
	expect(sim.requests.filter((r) => r.action === CERTIFICATES)).toHaveLength(3);

	endIn('static-example-com-2026', 20);
	expect(named(await trigger.poll())).toEqual([['static-example-com-2026', 20, 30]]);
});

test('what is remembered survives a restart: a new poller with the saved static data emits nothing again', async () => {
	const trigger = poller(sim, expiring('30, 7'));
	expect(await trigger.poll()).toHaveLength(3);
	const restarted = poller(sim, expiring('30, 7'));
	restarted.saved = JSON.parse(JSON.stringify(trigger.saved)) as IDataObject;
	expect(await restarted.poll()).toEqual([]);
	endIn('wildcard-example-com-2026', 5);
	expect(named(await restarted.poll())).toEqual([['wildcard-example-com-2026', 5, 7]]);
});

test('overlapping polls (a slow one outlasting the interval) emit each certificate once', async () => {
	const workflow = triggerWorkflow(expiring('30'));
	const live: IDataObject = {};
	const poll = async () => {
		const result = await pollTrigger(workflow, {
			credentials: simulatorCredentials(sim),
			liveStaticData: live,
		});
		if (result.error) throw result.error;
		return (result.items?.[0] ?? []).map((item) => String(item.json.CertName));
	};
	sim.failNext({ kind: 'delay', ms: 1500 }, { action: CERTIFICATES });
	const asked = sim.requests.length;
	const slow = poll();
	await sim.nextRequest(asked);
	const quick = await poll();
	expect([...quick, ...(await slow)].sort()).toEqual([
		'old-example-org-2025',
		'static-example-com-2026',
		'wildcard-example-com-2026',
	]);
	expect(await poll()).toEqual([]);
});

test('the list is read whole however the API pages it, and a certificate with no EndTime is passed over', async () => {
	sim.certificates.cap = 2;
	sim.certificates.add({
		...makeCertificate('broken', ['broken.example.com'], 0),
		EndTime: null as unknown as number,
	});
	const trigger = poller(sim, expiring('30'));
	expect(named(await trigger.poll()).map(([name]) => name)).toEqual([
		'old-example-org-2025',
		'static-example-com-2026',
		'wildcard-example-com-2026',
	]);
	expect(sim.requests.filter((r) => r.action === CERTIFICATES)).toHaveLength(3);
});

test('Fetch Test Event (manual) returns the certificate whose end is nearest and remembers nothing', async () => {
	const trigger = poller(sim, expiring('30, 7'));
	expect(named(await trigger.poll('manual'))).toEqual([['old-example-org-2025', -3, 7]]);
	expect(trigger.saved).toEqual({});

	// A certificate that ended long ago and was never removed is not the one to show.
	const [first] = sim.certificates.certificates;
	if (!first) throw new Error('The simulator lists no certificate');
	sim.certificates.certificates.push({ ...first, CertName: 'forgotten-2024' });
	endIn('forgotten-2024', -400);
	expect(named(await trigger.poll('manual'))).toEqual([['old-example-org-2025', -3, 7]]);

	// One within no threshold still comes, so that its fields can be mapped: DaysBefore null.
	const far = poller(sim, expiring('1', { options: { projectId: projectOption } }));
	expect(named(await far.poll('manual'))).toEqual([['shop-example-net-2027', 90, null]]);

	sim.certificates.certificates.length = 0;
	expect(await trigger.poll('manual')).toEqual([]);
});

const projectOption = { __rl: true, mode: 'id', value: SECOND_PROJECT };

test("Project ID in Options: that project's certificates", async () => {
	const trigger = poller(sim, expiring('90', { options: { projectId: projectOption } }));
	expect(named(await trigger.poll())).toEqual([['shop-example-net-2027', 90, 90]]);
	expect(
		sim.requests.filter((r) => r.action === CERTIFICATES).map((r) => r.params.ProjectId),
	).toEqual([SECOND_PROJECT]);
});

test('Project ID changed: a certificate of the new project is new, even one named and ending as one already emitted', async () => {
	const copy = sim.certificates.certificates.find((c) => c.CertName === 'static-example-com-2026');
	if (!copy) throw new Error('No certificate static-example-com-2026');
	sim.certificates.add({ ...copy, projectId: SECOND_PROJECT });
	const first = poller(sim, expiring('30'));
	expect(named(await first.poll())).toHaveLength(3);
	const moved = poller(sim, expiring('30', { options: { projectId: projectOption } }));
	moved.saved = first.saved;
	expect(named(await moved.poll())).toEqual([['static-example-com-2026', 10, 30]]);
	// And back: the first project's certificates are still remembered.
	first.saved = moved.saved;
	expect(await first.poll()).toEqual([]);
});

test('version 1.1 with Add Readable Times: EndTimeIso in the workflow’s timezone', async () => {
	const trigger = poller(sim, expiring('14'), { typeVersion: 1.1, timezone: 'Asia/Shanghai' });
	const [item] = await trigger.poll();
	const end = Number(item?.EndTime);
	expect(item?.EndTimeIso).toBe(
		new Date((end + 8 * 3600) * 1000).toISOString().replace('Z', '+08:00'),
	);
});

test('an API error is a NodeApiError naming the action; nothing is remembered, so the next poll emits', async () => {
	const trigger = poller(sim, expiring('30'));
	sim.failNext({ kind: 'retCode', retCode: 171, message: 'Signature VerifyAC Error' });
	await expect(trigger.poll()).rejects.toMatchObject({ name: 'NodeApiError' });
	expect(trigger.saved).toEqual({});
	expect(await trigger.poll()).toHaveLength(3);
});

test.each([
	['', /^Days Before: give from 1 to 20 numbers of days/],
	['30, soon', /^Days Before: "soon" is not a whole number of days from 0 to 3650/],
	['-1', /^Days Before: "-1" is not a whole number/],
	['7.5', /^Days Before: "7.5" is not a whole number/],
])(
	'Days Before %j is a NodeOperationError naming it, before any request',
	async (value, message) => {
		const result = await pollTrigger(triggerWorkflow(expiring(value)), {
			credentials: simulatorCredentials(sim),
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(sim.requests).toHaveLength(0);
	},
);
