import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { IsoTime } from '../output/isoTimes';
import { plainObjects } from '../output/plainObjects';
import type { Metric } from './metrics';
import type { StatisticsTarget } from './read';
import type { PointMaker, Series } from './series';

/** Fields of the statistics' items that hold a Unix time: each gets `<Field>Iso` after it. */
const TIMES = new Set(['Time', 'From', 'To', 'PeakBandwidthTime']);

/**
 * `fields` as an item's JSON: the target's Domain and DomainId first (Per Domain), then the
 * fields, each time field followed by its ISO text given `iso` (Add Readable Times).
 */
export function statisticsJson(
	fields: IDataObject,
	{ domain }: Pick<StatisticsTarget, 'domain'>,
	iso: IsoTime | undefined,
): IDataObject {
	const json: IDataObject = {};
	const add = (field: string, value: unknown) => {
		json[field] = value as IDataObject[string];
		if (iso && TIMES.has(field)) json[`${field}Iso`] = iso(value) ?? null;
	};
	const [first, ...rest] = Object.keys(fields);
	// A point starts with its Time; the domain follows it. A summary starts with the domain.
	if (first === 'Time') add(first, fields.Time);
	if (domain) {
		json.Domain = domain.Domain;
		json.DomainId = domain.DomainId;
	}
	for (const field of first === 'Time' ? rest : [first, ...rest])
		if (field !== undefined) add(field, fields[field]);
	return json;
}

/**
 * What makes the items of One Item per Point of one output (its series, one per domain with Per
 * Domain): each point's JSON made at once as it is read (see toSeries), in statisticsJson's
 * order: Time, TimeIso given `iso`, the target's Domain and DomainId, then the metric's fields.
 * The JSON objects come from the output's own maker (see plainObjects), and each Time's text is
 * written once for all the series, which share their times.
 */
export function pointMaker(
	metric: Metric,
	iso: IsoTime | undefined,
): (target: Pick<StatisticsTarget, 'domain'>) => PointMaker {
	const make = plainObjects();
	const texts = new Map<number, string | null>();
	const textOf =
		iso &&
		((time: number) => {
			let text = texts.get(time);
			if (text === undefined) {
				text = iso(time) ?? null;
				texts.set(time, text);
			}
			return text;
		});
	return ({ domain }) =>
		(time, raw) => {
			const json = make();
			json.Time = time;
			if (textOf) json.TimeIso = textOf(time);
			if (domain) {
				json.Domain = domain.Domain;
				json.DomainId = domain.DomainId;
			}
			return metric.flatten(raw, json);
		};
}

/** One Item per Point: a series' points (made by pointMaker) in time order, paired with the input item. */
export function pointItems(series: Series, itemIndex: number): INodeExecutionData[] {
	const pairedItem = { item: itemIndex };
	const items: INodeExecutionData[] = [];
	for (const json of series.points) items.push({ json, pairedItem });
	return items;
}
