import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { inOrder } from '../../../shared/concurrency';
import { DOMAINS, domainsProperty, readDomainRefs } from '../../../shared/domains/domainsParameter';
import { ParameterError } from '../../../shared/errors';
import { isoTimesIn } from '../../../shared/output/isoTimes';
import { READABLE_TIMES, readableTimesProperties } from '../../../shared/output/parameters';
import { toUnixSeconds, typedTimes } from '../../../shared/parameters/dates';
import type { Bounds, Choices, Switch } from '../../../shared/parameters/facts';
import {
	booleanProperty,
	numberProperty,
	optionsProperty,
	readChoice,
	readSwitch,
	readWholeNumber,
} from '../../../shared/parameters/facts';
import { optionsCollection, readRequestSettings } from '../../../shared/parameters/options';
import type { Range } from '../../../shared/statistics/granularity';
import { STEPS, autoStep } from '../../../shared/statistics/granularity';
import type { Figures, RuleOptions } from '../../../shared/statistics/health';
import {
	figuresOf,
	healthRuleProperties,
	judge,
	readHealthRules,
	within,
} from '../../../shared/statistics/health';
import { statisticsJson } from '../../../shared/statistics/items';
import type { StatisticsOptions } from '../../../shared/statistics/parameters';
import {
	areaProperties,
	perDomainProperty,
	readStatisticsOptions,
} from '../../../shared/statistics/parameters';
import { SERIES_AT_ONCE, readSeries, statisticsTargets } from '../../../shared/statistics/read';
import type { Series } from '../../../shared/statistics/series';
import type { OperationContext, Prepared } from '../operation';

export const option = {
	name: 'Check Health',
	value: 'checkHealth',
	description: "Compare a recent window of each domain's 5xx share and hit rate with a baseline",
	action: 'Check the health of domains',
};

export const createsTasks = false;

export const WINDOW: Bounds = {
	displayName: 'Window (Minutes)',
	name: 'windowMinutes',
	min: 5,
	max: 1440,
	default: 15,
};
const WINDOW_END = { displayName: 'Window End', name: 'windowEnd' } as const;
export const BASELINE: Choices<'previous' | 'yesterday' | 'lastWeek'> = {
	displayName: 'Baseline',
	name: 'baseline',
	options: [
		{
			name: 'The Window Before',
			value: 'previous',
			description: 'As long, ending where it starts',
		},
		{ name: 'Same Window Yesterday', value: 'yesterday' },
		{ name: 'Same Window Last Week', value: 'lastWeek' },
	],
	default: 'previous',
};
const BASELINE_SHIFT = { yesterday: 86_400, lastWeek: 7 * 86_400 } as const;

export const FAIL_WHEN_UNHEALTHY: Switch = {
	displayName: 'Fail When Unhealthy',
	name: 'failWhenUnhealthy',
	default: false,
};

const properties: INodeProperties[] = [
	domainsProperty('The domains to check.', true),
	numberProperty(WINDOW, { description: 'How many minutes the checked window spans' }),
	{
		...WINDOW_END,
		type: 'dateTime',
		default: '',
		description:
			"When the window ends, in the workflow's timezone unless the value names a zone; an expression may give the purge's finish time. Empty: now.",
	},
	optionsProperty(BASELINE, { description: 'What the window is compared with' }),
	...readableTimesProperties('', {
		description:
			"Whether to add FromIso and ToIso after the windows' From and To: the same time in ISO 8601 in the workflow's timezone",
	}),
	optionsCollection(
		[
			perDomainProperty(
				'Whether to judge each domain apart (one item each); off: all of them together',
				true,
			),
			...areaProperties(),
			...healthRuleProperties,
			booleanProperty(FAIL_WHEN_UNHEALTHY, {
				description: 'Whether to fail the item, with the reasons, when a domain is unhealthy',
			}),
		],
		{
			projectId: "Project of the domains instead of the credential's Project ID",
			isDcdn: 'Whether to check whole-site acceleration (DCDN) domains',
		},
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['statistics'], operation: [option.value] } },
	properties,
);

/** The metrics a judgement needs, one call each per range read (see prepare). */
const NEEDED = ['requests', 'statusCodes', 'hitRate'] as const;

interface HealthOptions extends StatisticsOptions, RuleOptions {
	failWhenUnhealthy?: unknown;
}

/**
 * Reads and checks item `i`'s parameters and finds its domains before anything else is asked;
 * what it returns reads, per domain (or for all), requests, status codes and hit rates: one
 * call each covering window and baseline when the baseline is the window before, else two.
 */
export async function prepare(
	this: IExecuteFunctions,
	i: number,
	{ target, domains }: OperationContext,
): Promise<Prepared> {
	const refs = readDomainRefs(this.getNodeParameter(DOMAINS.name, i, ''), true);
	const minutes = readWholeNumber(this.getNodeParameter(WINDOW.name, i), WINDOW);
	const now = Math.floor(Date.now() / 1000);
	const zone = this.getTimezone();
	const end =
		toUnixSeconds(this.getNodeParameter(WINDOW_END.name, i, ''), zone, WINDOW_END.displayName) ??
		now;
	if (end > now + 60) {
		const when = typedTimes(zone);
		throw new ParameterError(
			WINDOW_END.displayName,
			`${when.time(end)}${when.zone} is in the future`,
		);
	}
	const baseline = readChoice(this.getNodeParameter(BASELINE.name, i), BASELINE);
	const readable = readSwitch(this.getNodeParameter(READABLE_TIMES.name, i), READABLE_TIMES);
	const options = this.getNodeParameter('options', i, {}) as HealthOptions;
	const rules = readHealthRules(options);
	const fail = readSwitch(
		options.failWhenUnhealthy ?? FAIL_WHEN_UNHEALTHY.default,
		FAIL_WHEN_UNHEALTHY,
	);
	const { perDomain, ...query } = readStatisticsOptions(options, true);
	const settings = readRequestSettings(options, i);
	const targets = await statisticsTargets(domains, refs, query.scope, settings, perDomain);
	const step = autoStep(minutes * 60);
	// Whole steps up to the last one that has ended: the one still running is not reported yet.
	const last = Math.floor(end / STEPS[step].seconds) * STEPS[step].seconds;
	const window = { begin: last - minutes * 60, end: last };
	const length = window.end - window.begin;
	const shift = baseline === 'previous' ? length : BASELINE_SHIFT[baseline];
	const before = { begin: window.begin - shift, end: window.end - shift };
	// The window before and the window itself are one range: one call reads both.
	const ranges =
		baseline === 'previous' ? [{ begin: before.begin, end: window.end }] : [window, before];
	return {
		run: async () => {
			const iso = readable ? isoTimesIn(zone) : undefined;
			return await inOrder(targets, SERIES_AT_ONCE, async (of) => {
				const read: Series[][] = [];
				for (const key of NEEDED) {
					const series: Series[] = [];
					for (const range of ranges)
						series.push(await readSeries.call(this, target, key, of, range, step, query, settings));
					read.push(series);
				}
				const figures = (range: Range, n: 0 | 1) => {
					const [requests, codes, hits] = read.map((series) =>
						series.length === 1 ? within(series[0] as Series, range) : (series[n] as Series),
					);
					return figuresOf(requests as Series, codes as Series, hits as Series);
				};
				const now = figures(window, 0);
				const then = figures(before, 1);
				const { healthy, reasons } = judge(now, then, rules);
				if (fail && healthy === false) {
					const name = of.domain?.Domain ?? 'The domains';
					throw new NodeOperationError(this.getNode(), `${name}: unhealthy. ${reasons.join(' ')}`, {
						itemIndex: i,
						description: 'Fail When Unhealthy is on: the reasons are in the message.',
					});
				}
				const fields = {
					Healthy: healthy,
					Reasons: reasons,
					Window: timed(now, iso),
					Baseline: timed(then, iso),
				};
				return { json: statisticsJson(fields, of, undefined), pairedItem: { item: i } };
			});
		},
	};
}

/** A window's figures with FromIso and ToIso after From and To, given `iso`. */
function timed(
	figures: Figures,
	iso: ((value: unknown) => string | undefined) | undefined,
): IDataObject {
	return statisticsJson({ ...figures }, {}, iso);
}
