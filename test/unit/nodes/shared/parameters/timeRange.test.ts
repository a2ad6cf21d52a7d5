import { pinWindow, resolveTimeRange } from '../../../../../nodes/shared/parameters/timeRange';

const utc = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe('resolveTimeRange', () => {
	const now = Date.parse('2024-06-01T12:00:00Z');
	const nowSeconds = now / 1000;

	test('default sends nothing', () => {
		expect(resolveTimeRange({ mode: 'default' }, now, 'UTC')).toEqual({});
	});

	test('last N hours and days are relative to now', () => {
		expect(resolveTimeRange({ mode: 'lastHours', hours: 6 }, now, 'UTC')).toEqual({
			BeginTime: nowSeconds - 6 * 3600,
			EndTime: nowSeconds,
		});
		expect(resolveTimeRange({ mode: 'lastDays', days: 3 }, now, 'UTC')).toEqual({
			BeginTime: nowSeconds - 3 * 86400,
			EndTime: nowSeconds,
		});
		expect(resolveTimeRange({ mode: 'lastHours', hours: '1.5' }, now, 'UTC').BeginTime).toBe(
			nowSeconds - 5400,
		);
	});

	test.each([[0], [-1], ['abc'], [''], [NaN], [undefined]])('%p hours are refused', (hours) => {
		expect(() => resolveTimeRange({ mode: 'lastHours', hours }, now, 'UTC')).toThrow(/^Hours: /);
		expect(() => resolveTimeRange({ mode: 'lastDays', days: hours }, now, 'UTC')).toThrow(
			/^Days: /,
		);
	});

	test('custom converts both ends in the workflow timezone', () => {
		expect(
			resolveTimeRange(
				{ mode: 'custom', begin: '2024-05-01T00:00:00', end: '2024-05-02T00:00:00' },
				now,
				'Asia/Tokyo',
			),
		).toEqual({ BeginTime: utc('2024-04-30T15:00:00Z'), EndTime: utc('2024-05-01T15:00:00Z') });
	});

	test('custom with only a Begin Time leaves End Time to the API (now)', () => {
		expect(
			resolveTimeRange({ mode: 'custom', begin: '2024-05-01T00:00:00Z', end: '' }, now, 'UTC'),
		).toEqual({
			BeginTime: utc('2024-05-01T00:00:00Z'),
			EndTime: undefined,
		});
	});

	test('End Time without Begin Time is refused', () => {
		expect(() =>
			resolveTimeRange({ mode: 'custom', begin: '', end: '2024-05-01T00:00:00Z' }, now, 'UTC'),
		).toThrow('Begin Time: is required when End Time is set');
	});

	test('an empty custom range is refused', () => {
		expect(() => resolveTimeRange({ mode: 'custom', begin: '', end: '' }, now, 'UTC')).toThrow(
			/^Begin Time: is empty/,
		);
	});

	test("Begin Time after End Time is refused, both shown in the workflow's timezone", () => {
		expect(() =>
			resolveTimeRange(
				{ mode: 'custom', begin: '2024-05-02T08:00:00', end: '2024-05-01T00:00:00Z' },
				now,
				'Asia/Shanghai',
			),
		).toThrow(
			'Begin Time: 2024-05-02T08:00:00 is after End Time 2024-05-01T08:00:00 (Asia/Shanghai time)',
		);
	});

	test('Begin Time after End Time in a timezone luxon does not know: shown in UTC, not "Invalid DateTime"', () => {
		expect(() =>
			resolveTimeRange(
				{ mode: 'custom', begin: 1_714_600_000, end: 1_714_550_400 },
				now,
				'Not/AZone',
			),
		).toThrow('Begin Time: 2024-05-01T21:46:40Z is after End Time 2024-05-01T08:00:00Z');
	});

	test('an unparseable End Time is named', () => {
		expect(() =>
			resolveTimeRange({ mode: 'custom', begin: '2024-05-01', end: 'soon' }, now, 'UTC'),
		).toThrow(/^End Time: "soon" is not a date/);
	});
});

describe('pinWindow', () => {
	const nowMs = 1_714_550_400_500;
	const last = 1_714_550_399;
	test('the default window becomes the 24 hours up to the last whole second', () => {
		expect(pinWindow({}, nowMs)).toEqual({ BeginTime: last - 86_400, EndTime: last });
	});
	test('an end at or after now, or none, is pulled back to the last whole second', () => {
		expect(pinWindow({ BeginTime: 1000, EndTime: last + 1 }, nowMs)).toEqual({
			BeginTime: 1000,
			EndTime: last,
		});
		expect(pinWindow({ BeginTime: 1000 }, nowMs)).toEqual({ BeginTime: 1000, EndTime: last });
	});
	test('a window in the past is kept; a Begin Time in the future still comes before the end', () => {
		expect(pinWindow({ BeginTime: 1000, EndTime: 2000 }, nowMs)).toEqual({
			BeginTime: 1000,
			EndTime: 2000,
		});
		expect(pinWindow({ BeginTime: last + 50 }, nowMs)).toEqual({
			BeginTime: last + 50,
			EndTime: last + 50,
		});
	});
});
