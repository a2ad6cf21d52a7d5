import type { IDataObject } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import type { CertificateMemory } from '../../../../nodes/UcdnTrigger/certificates';
import { triggerProperties } from '../../../../nodes/UcdnTrigger/description';
import {
	KEEP_AFTER_END,
	certificateKey,
	nearestThreshold,
	readCertificateMemory,
	readThresholds,
	selectExpiring,
} from '../../../../nodes/UcdnTrigger/certificates';

const DAY = 86_400;
const NOW = 1_800_000_000;
const cert = (name: string, days: number): IDataObject => ({
	CertName: name,
	EndTime: NOW + days * DAY + DAY / 2,
});

test('readThresholds: whole days, duplicates once, largest first', () => {
	expect(readThresholds('7, 30,14 ,7')).toEqual([30, 14, 7]);
	expect(readThresholds('0')).toEqual([0]);
	expect(readThresholds(3650)).toEqual([3650]);
	expect(() => readThresholds('3651')).toThrow(/not a whole number of days from 0 to 3650/);
	for (const odd of ['0x1e', '1e1', '+7', '7.0'])
		expect(() => readThresholds(odd)).toThrow(/not a whole number of days/);
	expect(() => readThresholds(Array.from({ length: 21 }, (_, n) => n).join(','))).toThrow(
		/from 1 to 20 numbers/,
	);
});

test('nearestThreshold: the smallest threshold the days are within, or null', () => {
	expect([31, 30, 15, 14, 8, 7, 0, -5].map((left) => nearestThreshold(left, [30, 14, 7]))).toEqual([
		null,
		30,
		30,
		14,
		14,
		7,
		7,
		7,
	]);
});

test('selectExpiring: each threshold once per certificate, the nearest when several are crossed at once', () => {
	let memory: CertificateMemory = {};
	const step = (listed: IDataObject[]) => {
		const selection = selectExpiring(listed, [30, 14, 7], memory, { now: NOW, project: 'p' });
		memory = selection.memory;
		return selection.fresh.map(({ certificate, threshold }) => [certificate.CertName, threshold]);
	};
	expect(step([cert('a', 40), cert('b', 20)])).toEqual([['b', 30]]);
	expect(step([cert('a', 40), cert('b', 20)])).toEqual([]);
	expect(step([cert('a', 29), cert('b', 3)])).toEqual([
		['a', 30],
		['b', 7],
	]);
	expect(step([cert('a', 29), cert('b', 3)])).toEqual([]);
	// Listed again as it was (a replica that lags): b's 7 is remembered, so nothing.
	expect(step([cert('b', 20)])).toEqual([]);
});

test('selectExpiring: a certificate no longer listed is forgotten KEEP_AFTER_END after its end, not before', () => {
	const gone = cert('gone', -10);
	const memory: CertificateMemory = {
		[certificateKey(gone, 'p')]: { threshold: 7, end: Number(gone.EndTime) },
	};
	const end = Number(gone.EndTime);
	expect(
		selectExpiring([], [7], memory, { now: end + KEEP_AFTER_END - 1, project: 'p' }).memory,
	).toEqual(memory);
	expect(
		selectExpiring([], [7], memory, { now: end + KEEP_AFTER_END, project: 'p' }).memory,
	).toEqual({});
});

test('selectExpiring: an entry stays while its certificate is listed, also long after its end', () => {
	const ended = cert('ended', -100);
	const memory: CertificateMemory = {
		[certificateKey(ended, 'p')]: { threshold: 7, end: Number(ended.EndTime) },
	};
	const selection = selectExpiring([ended], [30, 7], memory, { now: NOW, project: 'p' });
	expect(selection.fresh).toEqual([]);
	expect(selection.memory).toEqual(memory);
});

test('selectExpiring: the memory holds one small entry per emitted certificate, none for the others', () => {
	const listed = Array.from({ length: 1000 }, (_, n) => cert(`c${n}`, n));
	const { fresh, memory } = selectExpiring(listed, [30], {}, { now: NOW, project: 'p' });
	expect(fresh).toHaveLength(31);
	expect(Object.keys(memory)).toHaveLength(31);
	expect(Buffer.byteLength(JSON.stringify(memory))).toBeLessThan(31 * 60);
});

test('readCertificateMemory: keeps well-formed entries, drops the rest', () => {
	expect(readCertificateMemory(undefined)).toEqual({});
	expect(readCertificateMemory([1])).toEqual({});
	expect(
		readCertificateMemory({ a: { threshold: 7, end: 1 }, b: { threshold: '7', end: 1 }, c: null }),
	).toEqual({ a: { threshold: 7, end: 1 } });
});

test('the Certificate Expiring event shows only the options that apply to certificates', () => {
	const options = triggerProperties.find((p) => p.name === 'options')?.options ?? [];
	const shown = (event: string) =>
		options
			.filter((option) =>
				NodeHelpers.displayParameter({}, option, { typeVersion: 1.1 }, null, { event }),
			)
			.map((option) => option.name);
	expect(shown('certificateExpiring')).toEqual(['projectId', 'requestTimeout', 'retries']);
	expect(shown('finished')).toContain('isDcdn');
});

test('certificateKey: the same certificate whether its EndTime comes as a number or as text', () => {
	const end = 1_800_000_000;
	expect(certificateKey({ CertName: 'a', EndTime: ` ${end}` }, 'p')).toBe(
		certificateKey({ CertName: 'a', EndTime: end }, 'p'),
	);
	expect(certificateKey({ CertName: 'a', EndTime: end }, 'p')).not.toBe(
		certificateKey({ CertName: 'a', EndTime: end }, 'q'),
	);
});
