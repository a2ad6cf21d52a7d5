import type { INodeProperties } from 'n8n-workflow';

import type { Bounds } from '../parameters/facts';
import { numberProperty, readNumber, readWholeNumber } from '../parameters/facts';
import type { Range } from './granularity';
import { expectedPoints } from './granularity';
import { percent } from './metrics';
import type { Series } from './series';
import { summarize } from './summary';

/** A window's figures, as Check Health reports and judges them. */
export interface Figures {
	From: number;
	To: number;
	Requests: number;
	Http4xxShare: number | null;
	Http5xxShare: number | null;
	RequestHitRate: number | null;
	FlowHitRate: number | null;
	Points: number;
	MissingPoints: number;
}

/** The points of `series` within `range`, as a series of its own (a baseline read with its window). */
export function within(series: Series, range: Range): Series {
	const points = series.points.filter(
		(point) => (point.Time as number) >= range.begin && (point.Time as number) < range.end,
	);
	const missing = Math.max(0, expectedPoints(range, series.step) - points.length);
	return { ...series, range, points, missing };
}

/** A window's figures from its three series: requests, the CDN's status codes, hit rates. */
export function figuresOf(requests: Series, codes: Series, hitRates: Series): Figures {
	const counted = summarize('statusCodes', codes);
	const total = counted.Total as number;
	const rates = summarize('hitRate', hitRates, requests);
	return {
		From: requests.range.begin,
		To: requests.range.end,
		Requests: rates.Requests as number,
		Http4xxShare: percent(counted.Http4xx as number, total),
		Http5xxShare: percent(counted.Http5xx as number, total),
		RequestHitRate: rates.RequestHitRate as number | null,
		FlowHitRate: rates.FlowHitRate as number | null,
		Points: requests.points.length,
		MissingPoints: requests.missing,
	};
}

/** The rules' limits (docs/statistics.md says why each default). */
export const MAX_ERROR_SHARE: Bounds = {
	displayName: 'Max 5xx Share (%)',
	name: 'maxErrorShare',
	min: 0,
	max: 100,
	default: 1,
};
export const MAX_ERROR_RISE: Bounds = {
	displayName: 'Max 5xx Rise (Points)',
	name: 'maxErrorRise',
	min: 0,
	max: 100,
	default: 0.5,
};
export const MAX_HIT_RATE_DROP: Bounds = {
	displayName: 'Max Hit Rate Drop (Points)',
	name: 'maxHitRateDrop',
	min: 0,
	max: 100,
	default: 10,
};
export const MIN_REQUESTS: Bounds = {
	displayName: 'Min Requests',
	name: 'minRequests',
	min: 0,
	max: 1_000_000_000,
	default: 100,
};
/** Check Health's limits, read from its options. */
export interface HealthRules {
	/** The most the window's 5xx share may be, per cent. */
	maxErrorShare: number;
	/** The most the 5xx share may rise over the baseline's, in percentage points. */
	maxErrorRise: number;
	/** The most the request hit rate may fall below the baseline's, in percentage points. */
	maxHitRateDrop: number;
	/** Fewer requests in a window than this are too few to judge. */
	minRequests: number;
}

/** A window with fewer points reported than this share of its steps is not judged: statistics arrive late. */
export const MIN_REPORTED = 0.5;

const shown = (value: number) => `${Math.round(value * 100) / 100}`;
const share = (value: number | null) => (value === null ? 'unknown' : `${shown(value)} %`);

/** Why a window cannot be judged, or undefined when it can. */
function unjudgeable({ Points, MissingPoints, Requests }: Figures, { minRequests }: HealthRules) {
	const expected = Points + MissingPoints;
	if (Points < Math.ceil(expected * MIN_REPORTED))
		return `only ${Points} of ${expected} points are reported yet: CDN statistics arrive minutes late`;
	if (Requests < minRequests)
		return `too little traffic to judge: ${Requests} requests (at least ${minRequests})`;
	return undefined;
}

/** Whether a domain's window is healthy against its baseline (null: cannot be told), and why, in sentences. */
export function judge(
	window: Figures,
	baseline: Figures,
	rules: HealthRules,
): { healthy: boolean | null; reasons: string[] } {
	const cannot = unjudgeable(window, rules);
	if (cannot) return { healthy: null, reasons: [`The window: ${cannot}.`] };
	const reasons: string[] = [];
	const compared = unjudgeable(baseline, rules);
	const errors = window.Http5xxShare ?? 0;
	const before = compared ? null : baseline.Http5xxShare;
	if (errors > rules.maxErrorShare) {
		reasons.push(
			before === null
				? `5xx share is ${share(errors)} (limit ${shown(rules.maxErrorShare)} %).`
				: `5xx share rose from ${share(before)} to ${share(errors)} (limit ${shown(rules.maxErrorShare)} %).`,
		);
	}
	// Over the limit, the sentence above tells the rise already.
	else if (before !== null && errors - before > rules.maxErrorRise) {
		reasons.push(
			`5xx share rose by ${shown(errors - before)} points, from ${share(before)} to ${share(errors)} (limit ${shown(rules.maxErrorRise)} points).`,
		);
	}
	const hits = window.RequestHitRate;
	const hitsBefore = compared ? null : baseline.RequestHitRate;
	if (hits !== null && hitsBefore !== null && hitsBefore - hits > rules.maxHitRateDrop) {
		reasons.push(
			`Request hit rate fell from ${share(hitsBefore)} to ${share(hits)} (limit ${shown(rules.maxHitRateDrop)} points).`,
		);
	}
	if (reasons.length > 0) return { healthy: false, reasons };
	const note = compared ? ` The baseline is not compared: ${compared}.` : '';
	return {
		healthy: true,
		reasons: [
			`Within every limit: 5xx share ${share(errors)}, request hit rate ${share(hits)}${hitsBefore === null ? '' : ` (${share(hitsBefore)} before)`}.${note}`,
		],
	};
}

/** The limits' options, in Check Health's Options. */
export const healthRuleProperties: INodeProperties[] = [
	numberProperty(MAX_ERROR_SHARE, {
		description: "The most the window's share of 5xx answers may be",
	}),
	numberProperty(MAX_ERROR_RISE, {
		description: "The most the 5xx share may rise over the baseline's, in percentage points",
	}),
	numberProperty(MAX_HIT_RATE_DROP, {
		description:
			"The most the request hit rate may fall below the baseline's, in percentage points",
	}),
	numberProperty(MIN_REQUESTS, {
		description: 'Fewer requests in a window are too few to judge',
	}),
];

/** What the Options collection holds of the limits, as n8n hands it over. */
export interface RuleOptions {
	maxErrorShare?: unknown;
	maxErrorRise?: unknown;
	maxHitRateDrop?: unknown;
	minRequests?: unknown;
}

/** The limits an item's options set, checked. */
export function readHealthRules(options: RuleOptions): HealthRules {
	return {
		maxErrorShare: readNumber(options.maxErrorShare ?? MAX_ERROR_SHARE.default, MAX_ERROR_SHARE),
		maxErrorRise: readNumber(options.maxErrorRise ?? MAX_ERROR_RISE.default, MAX_ERROR_RISE),
		maxHitRateDrop: readNumber(
			options.maxHitRateDrop ?? MAX_HIT_RATE_DROP.default,
			MAX_HIT_RATE_DROP,
		),
		minRequests: readWholeNumber(options.minRequests ?? MIN_REQUESTS.default, MIN_REQUESTS),
	};
}
