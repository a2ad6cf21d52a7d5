import { DateTime } from 'luxon';

import { ParameterError } from './errors';

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

/** Year 10000: beyond it no date is meant. */
const MAX_SECONDS = 253_402_300_800;
/** Numbers at or above this are milliseconds (as Date.now() gives), below it seconds. */
const MILLISECONDS_FROM = 100_000_000_000;

function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

function fromNumber(seconds: number, parameter: string): number {
	if (!Number.isFinite(seconds)) throw new ParameterError(parameter, `${seconds} is not a date`);
	const whole = Math.floor(seconds >= MILLISECONDS_FROM ? seconds / 1000 : seconds);
	if (whole < 0 || whole >= MAX_SECONDS) {
		throw new ParameterError(parameter, `${seconds} is out of range (1970 to 9999)`);
	}
	return whole;
}

function fromDateTime(value: DateTime, parameter: string, shown: string): number {
	if (!value.isValid) {
		throw new ParameterError(
			parameter,
			`"${shown}" is not a date. Use the date picker, an ISO date such as 2024-05-01T12:00:00, a Luxon DateTime or Unix seconds.`,
		);
	}
	return fromNumber(Math.floor(value.toMillis() / 1000), parameter);
}

function parseText(text: string, zone: string): DateTime {
	const options = { zone, setZone: true };
	for (const parse of [
		DateTime.fromISO,
		DateTime.fromSQL,
		DateTime.fromRFC2822,
		DateTime.fromHTTP,
	]) {
		const parsed = parse(text, options);
		if (parsed.isValid) return parsed;
	}
	return DateTime.invalid('unparseable');
}

/**
 * Converts a date parameter to Unix seconds. Accepts what the date picker stores (a wall-clock
 * time without zone, read in `zone`, the workflow's timezone), ISO and other common strings,
 * Luxon DateTimes, JS Dates and Unix seconds (or milliseconds). Empty gives undefined.
 */
export function toUnixSeconds(value: unknown, zone: string, parameter: string): number | undefined {
	if (isEmpty(value)) return undefined;
	if (typeof value === 'number') return fromNumber(value, parameter);
	if (DateTime.isDateTime(value)) return fromDateTime(value, parameter, value.toString());
	if (value instanceof Date)
		return fromDateTime(DateTime.fromJSDate(value), parameter, String(value));
	if (typeof value === 'string') {
		const text = value.trim();
		if (/^-?\d+(\.\d+)?$/.test(text)) return fromNumber(Number(text), parameter);
		return fromDateTime(parseText(text, zone), parameter, text);
	}
	throw new ParameterError(parameter, `expected a date, got ${typeof value}`);
}

/** Ten years: reaching further back than that is a mistake. */
const MAX_LOOK_BACK_HOURS = 87_600;

function positive(value: unknown, parameter: string, hoursEach: number): number {
	const amount = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	const max = MAX_LOOK_BACK_HOURS / hoursEach;
	if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0 || amount > max) {
		throw new ParameterError(
			parameter,
			`must be a number greater than 0 and at most ${max}, got ${JSON.stringify(value) ?? String(value)}`,
		);
	}
	return amount;
}

/** Resolves the Time Range parameters to BeginTime/EndTime, checking them before any request. */
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
				const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
				throw new ParameterError('Begin Time', `${iso(begin)} is after End Time ${iso(end)}`);
			}
			return { BeginTime: begin, EndTime: end };
		}
		default:
			throw new ParameterError(
				'Time Range',
				`must be one of default, lastHours, lastDays, custom, got ${JSON.stringify(input.mode) ?? String(input.mode)}`,
			);
	}
}

/** The span of the API's default window: BeginTime defaults to 24 hours before EndTime. */
const API_DEFAULT_SPAN = 86_400;

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
