/**
 * The UCDN Trigger's Certificate Expiring event (30, 14 and 7 days before) has polled every
 * 10 s through every scenario before this one, from the seed (three certificates within a
 * threshold at once) through the faults and the restart of the main process (a certificate came
 * within 14 days while it was down). Here a certificate is renewed and a replica that lags lists
 * it as it was, then another comes within 7 days: each certificate must have been emitted
 * exactly once for each threshold it came within, and no more.
 */
import assert from 'node:assert/strict';

import type { UcdnSimulator } from '../../../../dev/simulator/server';
import { waitFor } from '../../system';
import type { QueueTest } from '../cluster';
import { certificateEvents } from '../records';
import type { Scenario } from '../runner';
import { ok } from '../runner';

const DAY = 86_400;
/** Moved by mainRestarts.ts while the main process is down. */
export const MOVED_WHILE_DOWN = { name: 'video-example-net-2027', days: 13 };

/** Moves a certificate's end to `days` (and half a day) from now, as time passing would. */
export function endIn(simulator: UcdnSimulator, name: string, days: number): void {
	const certificate = simulator.certificates.certificates.find((c) => c.CertName === name);
	if (!certificate) throw new Error(`No certificate ${name}`);
	certificate.EndTime = Math.floor(Date.now() / 1000) + days * DAY + DAY / 2;
}

const certificatePolls = (simulator: UcdnSimulator) =>
	simulator.requestsFor('GetCertificateV2').length;

async function eachThresholdOnce({ cluster, findings }: QueueTest) {
	const { simulator } = cluster;
	simulator.certificates.renew(
		'static-example-com-2026',
		Math.floor(Date.now() / 1000) + 365 * DAY,
	);
	simulator.certificates.stale();
	endIn(simulator, 'cdn-example-com-2027', 6);
	const expected = [
		// The seed, on the first poll: each once, for the nearest threshold.
		'old-example-org-2025@7',
		'static-example-com-2026@14',
		'wildcard-example-com-2026@30',
		`${MOVED_WHILE_DOWN.name}@14`,
		'cdn-example-com-2027@7',
	].sort();
	const pollsNow = certificatePolls(simulator);
	await waitFor(
		'three more certificate polls and every expected event',
		() =>
			certificatePolls(simulator) >= pollsNow + 3 &&
			expected.every((event) => certificateEvents(cluster).includes(event)),
		{ timeoutMs: 90_000, everyMs: 1000 },
	).catch(() => undefined); // the assertion below says what is missing
	const events = certificateEvents(cluster);
	findings.certificates = { events: events.length, polls: certificatePolls(simulator) };
	assert.deepEqual([...events].sort(), expected, 'each certificate once per threshold crossed');
	ok(
		`${events.length} events over ${certificatePolls(simulator)} polls: each certificate once per threshold, across the faults, the restart, a renewal and a stale answer`,
	);
}

export const certificates: Scenario<QueueTest> = {
	title: 'Trigger: each certificate once per threshold',
	run: eachThresholdOnce,
};
