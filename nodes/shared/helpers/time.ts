import { DateTime } from 'luxon';

import { excerpt } from '../../../credentials/common/ucloud/excerpt';
import { ParameterError, shown } from './errors';

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
export const MAX_SECONDS = 253_402_300_800;
/** Numbers at or above this are milliseconds (as Date.now() gives), below it seconds. */
const MILLISECONDS_FROM = 100_000_000_000;
/** 2000-01-01T00:00:00Z: a Unix time before it is a mistake, such as a date without separators. */
export const PLAUSIBLE_FROM = 946_684_800;
/** No date is written longer; longer text is not parsed. */
const MAX_DATE_TEXT = 100;

function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/** Dates written as numbers, by their length: read as Unix time they land far from what was meant. */
const SPELLED_FORMATS: Record<number, string> = {
	4: 'yyyy',
	8: 'yyyyMMdd',
	12: 'yyyyMMddHHmm',
	14: 'yyyyMMddHHmmss',
};

/** The date a number spells without separators (`20240501`, `20240501120000`), if it spells one. */
function spelledDate(number: number): DateTime | undefined {
	const digits = String(number);
	const format = /^\d+$/.test(digits) ? SPELLED_FORMATS[digits.length] : undefined;
	const meant = format ? DateTime.fromFormat(digits, format, { zone: 'UTC' }) : undefined;
	return meant?.isValid ? meant : undefined;
}

/** Why a number is no plausible date: `20240501` and `2024` are dates written as numbers. */
function implausible(number: number, seconds: number): string {
	const digits = String(number);
	const meant = spelledDate(number);
	if (meant) {
		const iso = digits.length > 8 ? meant.toFormat("yyyy-MM-dd'T'HH:mm:ss") : meant.toISODate();
		const year = new Date(seconds * 1000).getUTCFullYear();
		return `${digits} is not a date: write it as ${iso} (a number is read as Unix seconds, and ${digits} would be in ${year})`;
	}
	return `${excerpt(digits)} is before 2000 as Unix time, so it is not a plausible date. Use a date such as 2024-05-01T12:00:00, or Unix seconds from 2000 on.`;
}

function fromNumber(seconds: number, parameter: string): number {
	if (!Number.isFinite(seconds)) throw new ParameterError(parameter, `${seconds} is not a date`);
	const whole = Math.floor(seconds >= MILLISECONDS_FROM ? seconds / 1000 : seconds);
	if (whole >= MAX_SECONDS)
		throw new ParameterError(parameter, `${seconds} is after the year 9999`);
	// 14 digits are milliseconds after 2286: a date and time without separators is meant.
	if (whole < PLAUSIBLE_FROM || (String(seconds).length === 14 && spelledDate(seconds)))
		throw new ParameterError(parameter, implausible(seconds, whole));
	return whole;
}

function fromDateTime(value: DateTime, parameter: string, shown: string): number {
	if (!value.isValid) {
		throw new ParameterError(
			parameter,
			`"${excerpt(shown)}" is not a date. Use the date picker, an ISO date such as 2024-05-01T12:00:00, a Luxon DateTime or Unix seconds.`,
		);
	}
	const seconds = Math.floor(value.toMillis() / 1000);
	if (seconds < 0 || seconds >= MAX_SECONDS) {
		throw new ParameterError(parameter, `"${excerpt(shown)}" is out of range (1970 to 9999)`);
	}
	return seconds;
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
		const parsed =
			text.length > MAX_DATE_TEXT ? DateTime.invalid('too long') : parseText(text, zone);
		return fromDateTime(parsed, parameter, text);
	}
	throw new ParameterError(parameter, `expected a date, got ${typeof value}`);
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
				// As typed, in the workflow's timezone; in UTC if luxon does not know that zone.
				const known = DateTime.now().setZone(zone).isValid;
				const typed = (seconds: number) =>
					DateTime.fromSeconds(seconds, { zone: known ? zone : 'UTC' }).toFormat(
						known ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss'Z'",
					);
				throw new ParameterError(
					'Begin Time',
					`${typed(begin)} is after End Time ${typed(end)}${known ? ` (${zone} time)` : ''}`,
				);
			}
			return { BeginTime: begin, EndTime: end };
		}
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
