import { ParameterError } from '../errors';
import type { Choices } from '../parameters/facts';

/** How far apart a series' points are: Auto picks one from the range (autoStep). */
export type GranularityKey = 'auto' | 'minute' | 'fiveMinutes' | 'hour' | 'day';
export type StepKey = Exclude<GranularityKey, 'auto'>;

export const GRANULARITY: Choices<GranularityKey> = {
	displayName: 'Granularity',
	name: 'granularity',
	options: [
		{
			name: 'Auto',
			value: 'auto',
			description:
				'The finest that keeps the series short: 1 minute up to 2 hours, 5 minutes up to 2 days, hour up to 31 days, then day',
		},
		{ name: '1 Minute', value: 'minute' },
		{ name: '5 Minutes', value: 'fiveMinutes' },
		{ name: 'Hour', value: 'hour' },
		{ name: 'Day', value: 'day' },
	],
	default: 'auto',
};

/** Each step: its length in seconds, the API's `Type` for it, and its name in messages. */
export const STEPS: Record<StepKey, { seconds: number; type: number; words: string }> = {
	minute: { seconds: 60, type: 3, words: '1-minute' },
	fiveMinutes: { seconds: 300, type: 0, words: '5-minute' },
	hour: { seconds: 3600, type: 1, words: 'hourly' },
	day: { seconds: 86_400, type: 2, words: 'daily' },
};

const HOUR = 3600;
const DAY = 86_400;

/** Auto's rule, by the range's length: the finest step whose series stays short (at most 744 points). */
export function autoStep(spanSeconds: number): StepKey {
	if (spanSeconds <= 2 * HOUR) return 'minute';
	if (spanSeconds <= 2 * DAY) return 'fiveMinutes';
	if (spanSeconds <= 31 * DAY) return 'hour';
	return 'day';
}

/** The longest range 1-minute points are asked for: one day, 1,440 points. */
export const MAX_MINUTE_SPAN = DAY;

/** The most points one series may hold: a range that would need more is asked for coarser. */
export const MAX_SERIES_POINTS = 100_000;

/** The most points one call asks for: a longer range is asked in chunks of this many (chunks). */
export const MAX_POINTS_PER_CALL = 1440;

/** The step a range is read at, checked: 1-minute points over at most a day, no series too long. */
export function stepFor(granularity: GranularityKey, spanSeconds: number): StepKey {
	const step = granularity === 'auto' ? autoStep(spanSeconds) : granularity;
	if (step === 'minute' && spanSeconds > MAX_MINUTE_SPAN) {
		throw new ParameterError(
			GRANULARITY.displayName,
			`1-minute points cover at most 24 hours, and the Time Range spans ${hours(spanSeconds)}: pick 5 Minutes or Auto`,
		);
	}
	const points = Math.ceil(spanSeconds / STEPS[step].seconds);
	if (points > MAX_SERIES_POINTS) {
		throw new ParameterError(
			GRANULARITY.displayName,
			`${STEPS[step].words} points over ${hours(spanSeconds)} are ${points} points; a series holds at most ${MAX_SERIES_POINTS}: pick a coarser granularity or Auto`,
		);
	}
	return step;
}

/** A span in words, rounded up: a span over a limit never reads as the limit (24.1 hours, not 24). */
const hours = (seconds: number) =>
	seconds % DAY === 0 ? `${seconds / DAY} days` : `${Math.ceil((seconds / HOUR) * 10) / 10} hours`;

/** A range of Unix seconds, from `begin` up to `end`. */
export interface Range {
	begin: number;
	end: number;
}

/**
 * The calls a range is asked in at `step`: consecutive ranges of at most MAX_POINTS_PER_CALL
 * points each, so that no answer holds more; a range of N points costs ceil(N / 1,440) calls.
 */
export function chunks({ begin, end }: Range, step: StepKey): Range[] {
	const length = MAX_POINTS_PER_CALL * STEPS[step].seconds;
	const ranges: Range[] = [];
	for (let from = begin; from < end; from += length)
		ranges.push({ begin: from, end: Math.min(end, from + length) });
	return ranges.length > 0 ? ranges : [{ begin, end }];
}

/** The points a range should hold at `step`: one per step started in it, at least one. */
export function expectedPoints({ begin, end }: Range, step: StepKey): number {
	return Math.max(1, Math.ceil((end - begin) / STEPS[step].seconds));
}
