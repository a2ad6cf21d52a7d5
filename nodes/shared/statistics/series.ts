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
 * What makes a point's object from its Time and the answer's raw point: by default Time, then
 * the metric's fields (Metric.flatten); One Item per Point makes its items' JSON at once. The
 * object's `Time` is the time given.
 */
export type PointMaker = (time: number, raw: IDataObject) => IDataObject;

/** What makes a series of a metric's answers, one answer at a time (see toSeries). */
export interface SeriesBuilder {
	/** Takes in the points of one answer: they need not be kept once it returns. */
	add(answer: IDataObject): void;
	series(): Series;
}

/**
 * A series made answer by answer (the chunks of `range`, as they arrive), so that no answer is
 * held longer than it takes to read it: see toSeries.
 */
export function seriesBuilder(
	metric: Metric,
	range: Range,
	step: StepKey,
	point: PointMaker = (time, raw) => metric.flatten(raw, { Time: time }),
): SeriesBuilder {
	// As the API sends them: in time order, a chunk's last point again as the next one's first.
	const points: IDataObject[] = [];
	let last = -Infinity;
	// Once a point comes out of order: each time's first point, sorted at the end.
	let byTime: Map<number, IDataObject> | undefined;
	return {
		add(answer) {
			const list = answer[metric.list];
			for (const raw of Array.isArray(list) ? list : []) {
				if (!isObject(raw)) continue;
				const time = numberOf(raw.Time);
				if (time === undefined || time < range.begin || time >= range.end) continue;
				if (!byTime) {
					if (time === last) continue;
					if (time > last) {
						points.push(point(time, raw));
						last = time;
						continue;
					}
					byTime = new Map(points.map((known) => [known.Time as number, known]));
				}
				if (!byTime.has(time)) byTime.set(time, point(time, raw));
			}
		},
		series() {
			const sorted = byTime;
			const made = sorted
				? [...sorted.keys()].sort((a, b) => a - b).map((time) => sorted.get(time) as IDataObject)
				: points;
			return {
				range,
				step,
				points: made,
				missing: Math.max(0, expectedPoints(range, step) - made.length),
			};
		},
	};
}

/**
 * The points of a metric's answers (one per chunk of `range`) as one series: each point flat
 * (Time first, numbers as numbers; made by `point`), in time order, each time once (the first
 * answer's), those outside the range left out. Points may come in any order, with gaps, or with
 * text for numbers.
 */
export function toSeries(
	metric: Metric,
	answers: IDataObject[],
	range: Range,
	step: StepKey,
	point?: PointMaker,
): Series {
	const builder = seriesBuilder(metric, range, step, point);
	for (const answer of answers) builder.add(answer);
	return builder.series();
}
