import { DateTime } from 'luxon';

import { excerpt } from '../../../credentials/common/ucloud/excerpt';
import { ParameterError } from '../errors';

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

/**
 * How messages show times as the user typed them: in the workflow's timezone (`zone`, named
 * after the time), or in UTC (with a Z) if Luxon does not know that zone.
 */
export function typedTimes(zone: string): { time: (seconds: number) => string; zone: string } {
	const known = DateTime.now().setZone(zone).isValid;
	return {
		time: (seconds) =>
			DateTime.fromSeconds(seconds, { zone: known ? zone : 'UTC' }).toFormat(
				known ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss'Z'",
			),
		zone: known ? ` (${zone} time)` : '',
	};
}
