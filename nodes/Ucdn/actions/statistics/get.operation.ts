import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inOrder } from '../../../shared/concurrency';
import { DOMAINS, domainsProperty, readDomainRefs } from '../../../shared/domains/domainsParameter';
import { isoTimesIn } from '../../../shared/output/isoTimes';
import { READABLE_TIMES, readableTimesProperties } from '../../../shared/output/parameters';
import type { Choices } from '../../../shared/parameters/facts';
import { optionsProperty, readChoice, readSwitch } from '../../../shared/parameters/facts';
import { optionsCollection, readRequestSettings } from '../../../shared/parameters/options';
import { readPastRange, timeRangeProperties } from '../../../shared/parameters/timeRange';
import { GRANULARITY, stepFor } from '../../../shared/statistics/granularity';
import { pointItems, pointMaker, statisticsJson } from '../../../shared/statistics/items';
import { METRIC, METRICS } from '../../../shared/statistics/metrics';
import type { StatisticsOptions } from '../../../shared/statistics/parameters';
import {
	areaProperties,
	perDomainProperty,
	readStatisticsOptions,
} from '../../../shared/statistics/parameters';
import { SERIES_AT_ONCE, readSeries, statisticsTargets } from '../../../shared/statistics/read';
import type { PointMaker } from '../../../shared/statistics/series';
import { alignRange } from '../../../shared/statistics/series';
import { summarize } from '../../../shared/statistics/summary';
import type { OperationContext, Prepared } from '../operation';

export const option = {
	name: 'Get',
	value: 'get',
	description: 'Get traffic, requests, hit rate or status codes over a time range',
	action: 'Get statistics',
};

export const createsTasks = false;

export const OUTPUT: Choices<'points' | 'summary'> = {
	displayName: 'Output',
	name: 'output',
	options: [
		{
			name: 'One Item per Point',
			value: 'points',
			description: 'Each point of the series in time order, its fields flat',
		},
		{
			name: 'Summary',
			value: 'summary',
			description: 'One item per domain (Per Domain) or one for all: totals, peak, shares',
		},
	],
	default: 'points',
};

/** The metrics whose actions take a Protocol. */
const WITH_PROTOCOL = METRIC.options
	.map(({ value }) => value)
	.filter((metric) => METRICS[metric].protocol);

const properties: INodeProperties[] = [
	optionsProperty(METRIC, { description: 'What to report' }),
	domainsProperty('The domains to report on.', true),
	...timeRangeProperties({ what: 'Points', which: 'The period to report on' }),
	optionsProperty(GRANULARITY, { description: 'How far apart the points are' }),
	optionsProperty(OUTPUT, { description: 'How to turn the series into items' }),
	...readableTimesProperties('', {
		description:
			"Whether to add TimeIso after Time (and FromIso, ToIso, PeakBandwidthTimeIso in a Summary): the same time in ISO 8601 in the workflow's timezone",
	}),
	optionsCollection(
		[
			perDomainProperty(
				"Whether to read one series per domain, one call each (its Domain and DomainId in every item); off: the API's sum over the domains",
			),
			...areaProperties({ '/metric': WITH_PROTOCOL }),
		],
		{
			projectId: "Project of the domains instead of the credential's Project ID",
			isDcdn: 'Whether to report on whole-site acceleration (DCDN) domains',
		},
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['statistics'], operation: [option.value] } },
	properties,
);

/**
 * Reads and checks item `i`'s parameters and finds its domains (one read of the domain list per
 * execution, when it names domains or reads Per Domain) before anything else is asked; what it
 * returns reads each series, chunk by chunk (see readSeries), a few domains at a time (see
 * inOrder), and makes its items.
 */
export async function prepare(
	this: IExecuteFunctions,
	i: number,
	{ target, domains }: OperationContext,
): Promise<Prepared> {
	const metric = readChoice(this.getNodeParameter(METRIC.name, i), METRIC);
	const refs = readDomainRefs(this.getNodeParameter(DOMAINS.name, i, ''), true);
	const range = readPastRange.call(this, i, Date.now());
	const granularity = readChoice(this.getNodeParameter(GRANULARITY.name, i), GRANULARITY);
	const step = stepFor(granularity, range.end - range.begin);
	const output = readChoice(this.getNodeParameter(OUTPUT.name, i), OUTPUT);
	const readable = readSwitch(this.getNodeParameter(READABLE_TIMES.name, i), READABLE_TIMES);
	const options = this.getNodeParameter('options', i, {}) as StatisticsOptions;
	const { perDomain, ...query } = readStatisticsOptions(options);
	const settings = readRequestSettings(options, i);
	const targets = await statisticsTargets(domains, refs, query.scope, settings, perDomain);
	const aligned = alignRange(range, step);
	return {
		run: async () => {
			const iso = readable ? isoTimesIn(this.getTimezone()) : undefined;
			// One Item per Point makes each item's JSON as its point is read.
			const points = output === 'points' ? pointMaker(METRICS[metric], iso) : undefined;
			// A few domains at a time (Per Domain), their items in the domains' order.
			const outputs = await inOrder(targets, SERIES_AT_ONCE, async (of) => {
				const read = async (key: typeof metric, point?: PointMaker) =>
					await readSeries.call(this, target, key, of, aligned, step, query, settings, point);
				if (points) return pointItems(await read(metric, points(of)), i);
				const series = await read(metric);
				// Hit rates are weighted by each point's requests: the Summary reads those too.
				const requests = metric === 'hitRate' ? await read('requests') : undefined;
				const json = statisticsJson(summarize(metric, series, requests), of, iso);
				return [{ json, pairedItem: { item: i } }];
			});
			return ([] as INodeExecutionData[]).concat(...outputs);
		},
	};
}
