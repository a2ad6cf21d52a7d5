import { DateTime } from 'luxon';

import { toUnixSeconds } from '../../../../../nodes/shared/parameters/dates';

const utc = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe('toUnixSeconds', () => {
	test('a wall-clock time without zone is read in the given timezone', () => {
		expect(toUnixSeconds('2019-01-21T14:11:37', 'Asia/Shanghai', 'Begin Time')).toBe(
			utc('2019-01-21T06:11:37Z'),
		);
		expect(toUnixSeconds('2019-01-21T14:11:37', 'UTC', 'Begin Time')).toBe(
			utc('2019-01-21T14:11:37Z'),
		);
		expect(toUnixSeconds('2019-07-01T12:00:00', 'America/New_York', 'Begin Time')).toBe(
			utc('2019-07-01T16:00:00Z'),
		);
		expect(toUnixSeconds('2019-01-01T12:00:00', 'America/New_York', 'Begin Time')).toBe(
			utc('2019-01-01T17:00:00Z'),
		);
	});

	test('a time that names its zone keeps it', () => {
		expect(toUnixSeconds('2019-01-21T14:11:37Z', 'Asia/Shanghai', 'Begin Time')).toBe(
			utc('2019-01-21T14:11:37Z'),
		);
		expect(toUnixSeconds('2019-01-21T14:11:37+02:00', 'UTC', 'Begin Time')).toBe(
			utc('2019-01-21T12:11:37Z'),
		);
	});

	test('DST: a skipped local time moves forward, a repeated one is read as standard time (as Luxon and n8n do)', () => {
		// 2024-03-10 02:30 does not exist in New York; luxon moves it to 03:30 EDT (07:30Z).
		expect(toUnixSeconds('2024-03-10T02:30:00', 'America/New_York', 'Begin Time')).toBe(
			utc('2024-03-10T07:30:00Z'),
		);
		// 2024-11-03 01:30 happens twice; Luxon reads it as EST (06:30Z).
		expect(toUnixSeconds('2024-11-03T01:30:00', 'America/New_York', 'Begin Time')).toBe(
			utc('2024-11-03T06:30:00Z'),
		);
	});

	test('Luxon DateTimes, JS Dates, Unix seconds and milliseconds', () => {
		const dt = DateTime.fromISO('2020-02-02T02:02:02', { zone: 'Europe/Berlin' });
		expect(toUnixSeconds(dt, 'UTC', 'End Time')).toBe(utc('2020-02-02T01:02:02Z'));
		expect(toUnixSeconds(new Date('2020-02-02T01:02:02Z'), 'UTC', 'End Time')).toBe(
			utc('2020-02-02T01:02:02Z'),
		);
		expect(toUnixSeconds(1548051097, 'UTC', 'End Time')).toBe(1548051097);
		expect(toUnixSeconds('1548051097', 'UTC', 'End Time')).toBe(1548051097);
		expect(toUnixSeconds(1548051097.9, 'UTC', 'End Time')).toBe(1548051097);
		expect(toUnixSeconds(1548051097123, 'UTC', 'End Time')).toBe(1548051097);
		expect(toUnixSeconds(946684800, 'UTC', 'End Time')).toBe(946684800);
	});

	test('a date written without separators, or a year alone, is refused with the ISO form to use', () => {
		expect(() => toUnixSeconds('20240501', 'UTC', 'Begin Time')).toThrow(
			'Begin Time: 20240501 is not a date: write it as 2024-05-01 (a number is read as Unix seconds, and 20240501 would be in 1970)',
		);
		expect(() => toUnixSeconds(20240501, 'UTC', 'Begin Time')).toThrow('write it as 2024-05-01');
		expect(() => toUnixSeconds('2024', 'UTC', 'End Time')).toThrow(
			'End Time: 2024 is not a date: write it as 2024-01-01 (a number is read as Unix seconds, and 2024 would be in 1970)',
		);
		expect(() => toUnixSeconds(20240501120000, 'UTC', 'Begin Time')).toThrow(
			'Begin Time: 20240501120000 is not a date: write it as 2024-05-01T12:00:00 (a number is read as Unix seconds, and 20240501120000 would be in 2611)',
		);
		expect(() => toUnixSeconds('202405011200', 'UTC', 'End Time')).toThrow(
			'write it as 2024-05-01T12:00:00',
		);
	});

	test('Unix seconds or milliseconds before 2000 are refused as implausible', () => {
		for (const value of [0, '0', 946684799, 99999999, 946684799999, -1]) {
			expect(() => toUnixSeconds(value, 'UTC', 'Begin Time')).toThrow(
				`Begin Time: ${String(value)} is before 2000 as Unix time, so it is not a plausible date. Use a date such as 2024-05-01T12:00:00, or Unix seconds from 2000 on.`,
			);
		}
		expect(() => toUnixSeconds(253402300800000, 'UTC', 'Begin Time')).toThrow(
			'Begin Time: 253402300800000 is after the year 9999',
		);
	});

	test('dates written as dates may be old', () => {
		expect(toUnixSeconds('1970-01-01T00:00:00Z', 'UTC', 'Begin Time')).toBe(0);
		expect(() => toUnixSeconds('1969-12-31T23:59:59Z', 'UTC', 'Begin Time')).toThrow(
			'Begin Time: "1969-12-31T23:59:59Z" is out of range (1970 to 9999)',
		);
	});

	test('a huge text is quoted as a short excerpt', () => {
		const huge = `x${'y'.repeat(5_000_000)}`;
		let message = '';
		try {
			toUnixSeconds(huge, 'UTC', 'Begin Time');
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toMatch(/^Begin Time: "xy+…" is not a date\./);
		expect(message.length).toBeLessThan(300);
	});

	test('other common formats', () => {
		expect(toUnixSeconds('2019-01-21 14:11:37', 'UTC', 'Begin Time')).toBe(
			utc('2019-01-21T14:11:37Z'),
		);
		expect(toUnixSeconds('Mon, 21 Jan 2019 14:11:37 GMT', 'Asia/Shanghai', 'Begin Time')).toBe(
			utc('2019-01-21T14:11:37Z'),
		);
	});

	test('empty values give undefined', () => {
		for (const empty of ['', '   ', undefined, null])
			expect(toUnixSeconds(empty, 'UTC', 'Begin Time')).toBeUndefined();
	});

	test.each([
		['yesterday'],
		['2019-13-45'],
		[-5],
		[1e20],
		[Infinity],
		[{}],
		[true],
		[DateTime.invalid('x')],
	])('%p is refused, naming the parameter', (value) => {
		expect(() => toUnixSeconds(value, 'UTC', 'Begin Time')).toThrow(/^Begin Time: /);
	});
});
