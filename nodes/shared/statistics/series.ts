import type { IDataObject } from 'n8n-workflow';

import type { Range, StepKey } from './granularity';
import { STEPS, expectedPoints } from './granularity';
import type { Metric } from './metrics';
import { numberOf } from './metrics';
import { isObject } from '../transport/answer';

/** A range widened to whole steps: points are the starts of steps, so these are the ones it holds. */
export function alignRange({ begin, end }: Range, step: StepKey): Range {
	const seconds = STEPS[step].seconds;
	return { begin: Math.floor(begin / seconds) * seconds, end: Math.ceil(end / seconds) * seconds };
}

/** A series: the points of a range, in time order, each once, flat; and how many are missing. */
export interface Series {
	range: Range;
	step: StepKey;
	points: IDataObject[];
	/** Steps of the range with no point: not yet reported, or no traffic; never counted as zero. */
	missing: number;
}

/**
 * The points of a metric's answers (one per chunk of `range`) as one series: each point flat
 * (Time first, numbers as numbers), in time order, each time once (the first answer's), those
 * outside the range left out. Points may come in any order, with gaps, or with text for numbers.
 */
export function toSeries(
	metric: Metric,
	answers: IDataObject[],
	range: Range,
	step: StepKey,
): Series {
	const byTime = new Map<number, IDataObject>();
	for (const answer of answers) {
		const list = answer[metric.list];
		for (const raw of Array.isArray(list) ? list : []) {
			if (!isObject(raw)) continue;
			const time = numberOf(raw.Time);
			if (time === undefined || time < range.begin || time >= range.end || byTime.has(time))
				continue;
			byTime.set(time, { Time: time, ...metric.flatten(raw) });
		}
	}
	const points = [...byTime.keys()]
		.sort((a, b) => a - b)
		.map((time) => byTime.get(time) as IDataObject);
	return { range, step, points, missing: Math.max(0, expectedPoints(range, step) - points.length) };
}
