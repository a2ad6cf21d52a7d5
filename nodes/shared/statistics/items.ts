import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { IsoTime } from '../output/isoTimes';
import type { StatisticsTarget } from './read';
import type { Series } from './series';

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

/** One Item per Point: a series' points in time order, paired with the input item. */
export function pointItems(
	series: Series,
	target: StatisticsTarget,
	iso: IsoTime | undefined,
	itemIndex: number,
): INodeExecutionData[] {
	const pairedItem = { item: itemIndex };
	return series.points.map((point) => ({ json: statisticsJson(point, target, iso), pairedItem }));
}
