import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError, shown } from '../errors';
import { toUnixSeconds, typedTimes } from './dates';
import type { Choices } from './facts';
import { optionsProperty, readChoice } from './facts';

/**
 * The Time Range parameter: what an operation reads is in the last 24 hours (the API's default),
 * the last N hours or days, or between two dates. Its editor fields and their reader, for every
 * operation that reads by time.
 */
export type TimeRangeMode = 'default' | 'lastHours' | 'lastDays' | 'custom';

export interface TimeRangeInput {
	mode: TimeRangeMode;
	hours?: unknown;
	days?: unknown;
	begin?: unknown;
	end?: unknown;
}

/** The time filter as the API takes it: Unix seconds, absent when the API default applies. */
export interface TimeWindow {
	BeginTime?: number;
	EndTime?: number;
}

export const TIME_RANGE: Choices<TimeRangeMode> = {
	displayName: 'Time Range',
	name: 'timeRange',
	options: [
		{ name: 'Default (Last 24 Hours)', value: 'default' },
		{ name: 'Last N Hours', value: 'lastHours' },
		{ name: 'Last N Days', value: 'lastDays' },
		{ name: 'Custom', value: 'custom' },
	],
	default: 'default',
};
const LAST_HOURS_DEFAULT = 24;
const LAST_DAYS_DEFAULT = 7;

/**
 * What an operation's Time Range selects, in the editor's words: `what` is read in the range,
 * with a capital (`Tasks created`), `which` says how the range selects it.
 */
export interface TimeRangeWords {
	what: string;
	which: string;
}

const when = (mode: TimeRangeMode) => ({ show: { [TIME_RANGE.name]: [mode] } });

/** The Time Range and the parameters each of its choices shows, in an operation's words. */
export function timeRangeProperties({ what, which }: TimeRangeWords): INodeProperties[] {
	const described: Partial<Record<TimeRangeMode, string>> = {
		default: `The API's default: ${what.toLowerCase()} in the last 24 hours`,
		custom: `${what} between two dates`,
	};
	return [
		optionsProperty(
			{
				...TIME_RANGE,
				options: TIME_RANGE.options.map((option) => {
					const description = described[option.value];
					return description ? { ...option, description } : option;
				}),
			},
			{ description: which },
		),
		{
			displayName: 'Hours',
			name: 'hours',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: LAST_HOURS_DEFAULT,
			description: `${what} in this many hours before now`,
			displayOptions: when('lastHours'),
		},
		{
			displayName: 'Days',
			name: 'days',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: LAST_DAYS_DEFAULT,
			description: `${what} in this many days before now`,
			displayOptions: when('lastDays'),
		},
		{
			displayName: 'Begin Time',
			name: 'beginTime',
			type: 'dateTime',
			default: '',
			description: `${what} at or after this time, in the workflow's timezone unless the value names a zone. Expressions may give an ISO date, a Luxon DateTime or Unix seconds.`,
			displayOptions: when('custom'),
		},
		{
			displayName: 'End Time',
			name: 'endTime',
			type: 'dateTime',
			default: '',
			description: `${what} at or before this time. Leave empty for now.`,
			displayOptions: when('custom'),
		},
	];
}

/** Item `i`'s Time Range as BeginTime/EndTime (absent for the API's default), checked, at `nowMs`. */
export function readTimeRange(this: IExecuteFunctions, i: number, nowMs: number): TimeWindow {
	const mode = readChoice(this.getNodeParameter(TIME_RANGE.name, i), TIME_RANGE);
	return resolveTimeRange(
		{
			mode,
			hours: mode === 'lastHours' ? this.getNodeParameter('hours', i) : undefined,
			days: mode === 'lastDays' ? this.getNodeParameter('days', i) : undefined,
			begin: mode === 'custom' ? this.getNodeParameter('beginTime', i, '') : undefined,
			end: mode === 'custom' ? this.getNodeParameter('endTime', i, '') : undefined,
		},
		nowMs,
		this.getTimezone(),
	);
}

/** Ten years: a Time Range reaching further back than that is a mistake. */
const MAX_TIME_RANGE_HOURS = 87_600;

function positive(value: unknown, parameter: string, hoursEach: number): number {
	const amount = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	const max = MAX_TIME_RANGE_HOURS / hoursEach;
	if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0 || amount > max) {
		throw new ParameterError(
			parameter,
			`must be a number greater than 0 and at most ${max}, got ${shown(value)}`,
		);
	}
	return amount;
}

/**
 * Resolves the Time Range parameters (`mode` already one of the choices) to BeginTime/EndTime,
 * checking the others before any request.
 */
export function resolveTimeRange(input: TimeRangeInput, nowMs: number, zone: string): TimeWindow {
	const now = Math.floor(nowMs / 1000);
	switch (input.mode) {
		case 'default':
			return {};
		case 'lastHours':
			return {
				BeginTime: Math.floor(now - positive(input.hours, 'Hours', 1) * 3600),
				EndTime: now,
			};
		case 'lastDays':
			return {
				BeginTime: Math.floor(now - positive(input.days, 'Days', 24) * 86400),
				EndTime: now,
			};
		case 'custom': {
			const begin = toUnixSeconds(input.begin, zone, 'Begin Time');
			const end = toUnixSeconds(input.end, zone, 'End Time');
			if (begin === undefined) {
				throw new ParameterError(
					'Begin Time',
					end === undefined
						? 'is empty. A custom range needs a Begin Time (End Time defaults to now).'
						: 'is required when End Time is set',
				);
			}
			if (end !== undefined && begin > end) {
				const when = typedTimes(zone);
				throw new ParameterError(
					'Begin Time',
					`${when.time(begin)} is after End Time ${when.time(end)}${when.zone}`,
				);
			}
			return { BeginTime: begin, EndTime: end };
		}
	}
}

/** The span of the API's default window: BeginTime defaults to 24 hours before EndTime. */
const API_DEFAULT_SPAN = 86_400;

/** A clock a minute ahead of the API's is no mistake of the user's. */
const CLOCK_SKEW = 60;

/**
 * Item `i`'s Time Range as a range of what has happened, for what is reported after the fact
 * (statistics, logs): the default is the last 24 hours, explicitly; a range that reaches into
 * the future is refused, since nothing is reported for it.
 */
export function readPastRange(this: IExecuteFunctions, i: number, nowMs: number) {
	const window = readTimeRange.call(this, i, nowMs);
	const now = Math.floor(nowMs / 1000);
	const end = window.EndTime ?? now;
	const begin = window.BeginTime ?? end - API_DEFAULT_SPAN;
	const when = typedTimes(this.getTimezone());
	if (end > now + CLOCK_SKEW || begin >= now) {
		const [field, time] = begin >= now ? ['Begin Time', begin] : ['End Time', end];
		throw new ParameterError(field, `${when.time(time)}${when.zone} is in the future`);
	}
	return { begin, end };
}

/**
 * The window made explicit and fixed for a walk over several calls: it ends at the last whole
 * second before now (or earlier, as asked), so tasks created while the walk runs cannot enter
 * the list and shift it; without a Begin Time it spans the API's default 24 hours.
 */
export function pinWindow(window: TimeWindow, nowMs: number): Required<TimeWindow> {
	const lastSecond = Math.floor(nowMs / 1000) - 1;
	const begin = window.BeginTime;
	const end = Math.min(window.EndTime ?? lastSecond, lastSecond);
	if (begin === undefined) return { BeginTime: end - API_DEFAULT_SPAN, EndTime: end };
	return { BeginTime: begin, EndTime: Math.max(begin, end) };
}
