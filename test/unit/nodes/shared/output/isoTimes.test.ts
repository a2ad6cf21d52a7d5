import { DateTime } from 'luxon';

import { isoTimesIn } from '../../../../../nodes/shared/output/isoTimes';

/** 2026-11-02T00:00:00Z */
const T = 1_793_577_600;

describe('isoTimesIn', () => {
	test('Unix seconds as ISO 8601 with the offset of the given timezone', () => {
		expect(isoTimesIn('Asia/Shanghai')(T)).toBe('2026-11-02T08:00:00.000+08:00');
		expect(isoTimesIn('America/New_York')(T)).toBe('2026-11-01T19:00:00.000-05:00');
		expect(isoTimesIn('Asia/Kolkata')(T)).toBe('2026-11-02T05:30:00.000+05:30');
		expect(isoTimesIn('Etc/UTC')(T)).toBe('2026-11-02T00:00:00.000+00:00');
		expect(isoTimesIn('UTC')(T)).toBe('2026-11-02T00:00:00.000Z');
	});

	test('the offset follows daylight saving time at the instant itself', () => {
		// New York springs forward at 2026-03-08T07:00:00Z, Berlin falls back at 2026-10-25T01:00:00Z.
		expect(isoTimesIn('America/New_York')(1_772_953_199)).toBe('2026-03-08T01:59:59.000-05:00');
		expect(isoTimesIn('America/New_York')(1_772_953_200)).toBe('2026-03-08T03:00:00.000-04:00');
		expect(isoTimesIn('Europe/Berlin')(1_792_889_999)).toBe('2026-10-25T02:59:59.000+02:00');
		expect(isoTimesIn('Europe/Berlin')(1_792_890_000)).toBe('2026-10-25T02:00:00.000+01:00');
	});

	test('Unix seconds written as text are read too', () => {
		expect(isoTimesIn('Asia/Shanghai')(String(T))).toBe('2026-11-02T08:00:00.000+08:00');
		expect(isoTimesIn('UTC')(` ${T} `)).toBe('2026-11-02T00:00:00.000Z');
	});

	test.each([
		['missing', undefined],
		['null', null],
		['zero (a URL not finished yet)', 0],
		['"0"', '0'],
		['negative', -1],
		['the seed examples’ placeholder 4 (1970)', 4],
		['before 2000 in the zone', 946_655_999],
		['milliseconds', T * 1000],
		['after 9999', 253_402_300_800],
		['NaN', Number.NaN],
		['Infinity', Number.POSITIVE_INFINITY],
		['empty text', ''],
		['a word', 'soon'],
		['an ISO date', '2026-11-02T00:00:00Z'],
		['a number with text', '1793577600s'],
		['an object', { seconds: T }],
		['a list', [T]],
		['a boolean', true],
	])('no time for %s', (_what, value) => {
		expect(isoTimesIn('Asia/Shanghai')(value)).toBeUndefined();
	});

	test('writes every time exactly as Luxon does, also in the hours around transitions', () => {
		const zones = [
			'UTC',
			'Etc/UTC',
			'Europe/London',
			'America/New_York',
			'America/St_Johns', // -03:30, switching at 02:00 local: half past a UTC hour
			'Australia/Lord_Howe', // a 30-minute daylight saving shift
			'Asia/Kathmandu',
			'Pacific/Chatham',
			'America/Santiago',
			'Etc/GMT+5',
		];
		const next = (
			(seed) => () =>
				(seed = (seed * 48271) % 2147483647) / 2147483647
		)(2026);
		for (const zone of zones) {
			const iso = isoTimesIn(zone);
			const times: number[] = [];
			for (let n = 0; n < 400; n++) times.push(946_684_800 + Math.floor(next() * 1_300_000_000));
			// Every quarter hour over the transitions of 2026 (and their neighbours).
			for (let t = 1_767_225_600; t < 1_798_761_600; t += 86_400) {
				const day = DateTime.fromSeconds(t, { zone });
				if (day.offset !== day.plus({ days: 1 }).offset)
					for (let q = -8; q < 104; q++) times.push(t + q * 900, t + q * 900 - 1);
			}
			for (const time of times)
				expect([zone, iso(time)]).toEqual([zone, DateTime.fromSeconds(time, { zone }).toISO()]);
		}
	});

	test('by the local year: a field from 2000 up to 9999 on the zone’s clock, none outside', () => {
		// 9999-12-31T15:00:00Z is 10000-01-01T00:00 in Tokyo (+09:00); 10:00:00Z in Kiritimati (+14:00).
		expect(isoTimesIn('Asia/Tokyo')(253_402_268_399)).toBe('9999-12-31T23:59:59.000+09:00');
		expect(isoTimesIn('Asia/Tokyo')(253_402_268_400)).toBeUndefined();
		expect(isoTimesIn('Pacific/Kiritimati')(253_402_250_399)).toBe('9999-12-31T23:59:59.000+14:00');
		expect(isoTimesIn('Pacific/Kiritimati')(253_402_250_400)).toBeUndefined();
		expect(isoTimesIn('Pacific/Kiritimati')(253_402_300_799)).toBeUndefined();
		expect(isoTimesIn('UTC')(253_402_300_799)).toBe('9999-12-31T23:59:59.000Z');
		// 2000-01-01T00:00:00Z is still 1999 in New York (-05:00); 1999-12-31T16:00:00Z is 2000 in Shanghai.
		expect(isoTimesIn('America/New_York')(946_684_800)).toBeUndefined();
		expect(isoTimesIn('America/New_York')(946_702_799)).toBeUndefined();
		expect(isoTimesIn('America/New_York')(946_702_800)).toBe('2000-01-01T00:00:00.000-05:00');
		expect(isoTimesIn('Asia/Shanghai')(946_655_999)).toBeUndefined();
		expect(isoTimesIn('Asia/Shanghai')(946_656_000)).toBe('2000-01-01T00:00:00.000+08:00');
		expect(isoTimesIn('UTC')(946_684_800)).toBe('2000-01-01T00:00:00.000Z');
	});

	test('the same time asked again, among others, gives the same text', () => {
		const iso = isoTimesIn('Europe/Berlin');
		const times = Array.from({ length: 5000 }, (_, n) => T + ((n * 7919) % 3000));
		for (const time of [...times, ...times.reverse()])
			expect(iso(time)).toBe(DateTime.fromSeconds(time, { zone: 'Europe/Berlin' }).toISO());
	});

	test('a timezone luxon does not know gives no time, not an error', () => {
		expect(isoTimesIn('Not/AZone')(T)).toBeUndefined();
	});

	test('Luxon is asked about once per hour of time: 30 days of 5-minute points, across a change of daylight saving time', () => {
		const ask = jest.spyOn(DateTime, 'fromMillis');
		try {
			const iso = isoTimesIn('America/New_York');
			// 2026-11-01 to 2026-12-01 UTC: 720 hours; New York leaves daylight saving time at 06:00 UTC.
			const begin = Date.UTC(2026, 10, 1) / 1000;
			for (let t = begin; t < begin + 30 * 86_400; t += 300)
				expect(iso(t)).toBe(DateTime.fromSeconds(t, { zone: 'America/New_York' }).toISO());
			// The zone's probe, each hour's start and the next one's, and the last instant of the hour
			// that ends with the change.
			expect(ask).toHaveBeenCalledTimes(1 + 721 + 1);
		} finally {
			ask.mockRestore();
		}
	});
});
