import {
	MAX_POINTS_PER_CALL,
	autoStep,
	chunks,
	expectedPoints,
	stepFor,
} from '../../../../../nodes/shared/statistics/granularity';

const HOUR = 3600;
const DAY = 86_400;

test('Auto: 1 minute up to 2 hours, 5 minutes up to 2 days, hour up to 31 days, then day', () => {
	expect(
		[HOUR, 2 * HOUR, 2 * HOUR + 1, 2 * DAY, 2 * DAY + 1, 31 * DAY, 31 * DAY + 1].map(autoStep),
	).toEqual(['minute', 'minute', 'fiveMinutes', 'fiveMinutes', 'hour', 'hour', 'day']);
});

test('1-minute points over more than a day, and series over 100,000 points, are refused', () => {
	expect(stepFor('minute', DAY)).toBe('minute');
	expect(() => stepFor('minute', DAY + 60)).toThrow(
		'Granularity: 1-minute points cover at most 24 hours, and the Time Range spans 24.1 hours: pick 5 Minutes or Auto',
	);
	expect(() => stepFor('fiveMinutes', 400 * DAY)).toThrow(
		'Granularity: 5-minute points over 400 days are 115200 points; a series holds at most 100000',
	);
	expect(stepFor('auto', 400 * DAY)).toBe('day');
});

test('chunks: consecutive ranges of at most 1,440 points, the last one shorter', () => {
	const begin = 1_700_000_000 - (1_700_000_000 % 300);
	const ranges = chunks({ begin, end: begin + 3000 * 300 }, 'fiveMinutes');
	expect(ranges.map((r) => (r.end - r.begin) / 300)).toEqual([
		MAX_POINTS_PER_CALL,
		MAX_POINTS_PER_CALL,
		120,
	]);
	expect(ranges.every((r, n) => n === 0 || r.begin === ranges[n - 1]?.end)).toBe(true);
	expect(chunks({ begin, end: begin + 60 }, 'hour')).toEqual([{ begin, end: begin + 60 }]);
});

test('expectedPoints: one per step started in the range, at least one', () => {
	expect(expectedPoints({ begin: 0, end: 900 }, 'minute')).toBe(15);
	expect(expectedPoints({ begin: 0, end: 61 }, 'minute')).toBe(2);
	expect(expectedPoints({ begin: 0, end: 0 }, 'hour')).toBe(1);
});
