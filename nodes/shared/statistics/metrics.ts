import type { IDataObject } from 'n8n-workflow';

import type { Choices } from '../parameters/facts';
import { ACTIONS } from '../transport';
import { isObject } from '../transport/answer';

/** What Statistics reads: each metric is one API action. */
export type MetricKey = 'bandwidth' | 'requests' | 'hitRate' | 'statusCodes' | 'originStatusCodes';

export const METRIC: Choices<MetricKey> = {
	displayName: 'Metric',
	name: 'metric',
	options: [
		{
			name: 'Bandwidth and Traffic',
			value: 'bandwidth',
			description: 'CdnBandwidth (Mbps, the peak of each interval) and Traffic (bytes)',
		},
		{ name: 'Hit Rate', value: 'hitRate', description: 'FlowHitRate and RequestHitRate, per cent' },
		{
			name: 'Origin Status Codes',
			value: 'originStatusCodes',
			description: "The origin's answers to the CDN, by class",
		},
		{ name: 'Requests', value: 'requests', description: 'CdnRequest: requests per interval' },
		{
			name: 'Status Codes',
			value: 'statusCodes',
			description: "The CDN's answers to visitors: each class and each code that occurred",
		},
	],
	default: 'bandwidth',
};

/** The classes of status codes the CDN's answers count, as items name them: Http1xx … Http6xx. */
export const CODE_CLASSES = ['1', '2', '3', '4', '5', '6'] as const;
/** The origin's answers count five: Http1xx … Http5xx. */
export const ORIGIN_CODE_CLASSES = CODE_CLASSES.slice(0, 5);
const classField = (digit: string) => `Http${digit}xx`;
/** Each class's share of all answers, per cent: Http5xxShare. */
export const shareField = (digit: string): string => `Http${digit}xxShare`;

/** A number of the API's, also when sent as text; undefined for anything else. */
export function numberOf(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** Per cent of `part` in `total`, to two decimals; null without a total. */
export const percent = (part: number, total: number): number | null =>
	total > 0 ? Math.round((10_000 * part) / total) / 100 : null;

/** Adds the class counts' Total and each class's share to a point that has the counts. */
function withShares(point: IDataObject, counts: Record<string, number>): IDataObject {
	const digits = Object.keys(counts);
	let total = 0;
	for (const digit of digits) total += counts[digit] ?? 0;
	point.Total = total;
	for (const digit of digits) point[shareField(digit)] = percent(counts[digit] ?? 0, total);
	return point;
}

/** An edge status-code point: each class `Http<d>XX` an object `{ Total, Http200, … }`. */
function edgeCodes(raw: IDataObject, point: IDataObject = {}): IDataObject {
	const counts: Record<string, number> = {};
	const codes: IDataObject = {};
	for (const digit of CODE_CLASSES) {
		const group = raw[`Http${digit}XX`];
		const fields = isObject(group) ? group : {};
		counts[digit] = numberOf(fields.Total) ?? 0;
		point[classField(digit)] = counts[digit];
		for (const [code, value] of Object.entries(fields)) {
			const count = numberOf(value);
			if (/^Http\d{3}$/.test(code) && count !== undefined && count > 0) codes[code] = count;
		}
	}
	withShares(point, counts);
	for (const code of Object.keys(codes).sort()) point[code] = codes[code];
	return point;
}

const ORIGIN_CLASSES: Record<string, string> = {
	'1': 'HttpOneXX',
	'2': 'HttpTwoXX',
	'3': 'HttpThreeXX',
	'4': 'HttpFourXX',
	'5': 'HttpFiveXX',
};

/** An origin status-code point: counts `HttpOneXX` … `HttpFiveXX`. */
function originCodes(raw: IDataObject, point: IDataObject = {}): IDataObject {
	const counts: Record<string, number> = {};
	for (const [digit, field] of Object.entries(ORIGIN_CLASSES)) {
		counts[digit] = numberOf(raw[field]) ?? 0;
		point[classField(digit)] = counts[digit];
	}
	return withShares(point, counts);
}

/** Copies the named fields as numbers (null when the API sent none that reads as one). */
const numbers =
	(...fields: string[]) =>
	(raw: IDataObject, point: IDataObject = {}): IDataObject => {
		for (const field of fields) point[field] = numberOf(raw[field]) ?? null;
		return point;
	};

export interface Metric {
	action: string;
	/** The answer's list of points. */
	list: string;
	/** Whether the action takes Protocol. */
	protocol: boolean;
	/** Parameters the action always gets. */
	extra?: IDataObject;
	/**
	 * A point of the answer as flat fields, numbers as numbers (Time apart), added to `point`
	 * (an item's JSON being made: no copy of the fields is needed), else to a new object.
	 */
	flatten: (raw: IDataObject, point?: IDataObject) => IDataObject;
}

/** Each metric: the action, its list, and how its points read (../../../../shared/API.md). */
export const METRICS: Record<MetricKey, Metric> = {
	bandwidth: {
		action: ACTIONS.bandwidth.name,
		list: 'BandwidthTrafficList',
		protocol: true,
		flatten: numbers('CdnBandwidth', 'Traffic'),
	},
	requests: {
		action: ACTIONS.requests.name,
		list: 'RequestList',
		protocol: true,
		flatten: numbers('CdnRequest'),
	},
	hitRate: {
		action: ACTIONS.hitRate.name,
		list: 'HitRateList',
		protocol: false,
		flatten: numbers('FlowHitRate', 'RequestHitRate'),
	},
	statusCodes: {
		action: ACTIONS.httpCodes.name,
		list: 'HttpCodeDetail',
		protocol: false,
		extra: { Layer: 'edge' },
		flatten: edgeCodes,
	},
	originStatusCodes: {
		action: ACTIONS.originHttpCodes.name,
		list: 'HttpCodeDetail',
		protocol: false,
		flatten: originCodes,
	},
};
