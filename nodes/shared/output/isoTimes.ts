import { DateTime } from 'luxon';

import { MAX_SECONDS, PLAUSIBLE_FROM } from '../parameters/dates';

/**
 * Zones are at most 14 hours from UTC: an instant this close outside the years 2000 to 9999 in
 * UTC may still be inside them on the zone's clock, which decides (see isoTimesIn).
 */
const ZONE_REACH_SECONDS = 14 * 3600;

/**
 * Unix seconds, if the value is a time from 2000 up to 9999 (a number, or digits as text), or
 * `reach` seconds beyond those years.
 */
export function unixSeconds(value: unknown, reach = 0): number | undefined {
	const text = typeof value === 'string' ? value.trim() : undefined;
	const seconds = text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Number(text) : value;
	// 0 is what the API gives for a URL not finished yet; earlier than 2000 is no CDN task's time.
	if (
		typeof seconds !== 'number' ||
		!(seconds >= PLAUSIBLE_FROM - reach && seconds < MAX_SECONDS + reach)
	)
		return undefined;
	return seconds;
}

/** A Unix time of the API as ISO 8601 in one timezone, or undefined; see isoTimesIn. */
export type IsoTime = (value: unknown) => string | undefined;

/** Every offset since 2000 is a whole number of quarter hours, and so is every transition. */
const QUARTER_MS = 900_000;
/** No zone changes its offset twice within an hour: one the same at both ends holds throughout. */
const HOUR_MS = 3_600_000;
/** '00' to '999', so that building a time's text allocates nothing but the text. */
const DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const TWO_DIGITS = DIGITS.slice(0, 100).map((digits) => digits.slice(1));
const two = (n: number) => TWO_DIGITS[n] ?? String(n);
/** Local years that get a readable time: ISO 8601 writes others differently (`+010000-…`). */
const inYears = (year: number) => year >= 2000 && year <= 9999;
/**
 * Texts remembered per output, by the second they are in: a task's URLs share its CreateTime
 * and mostly their FinishTime, so most times are asked for again and again.
 */
const SLOTS = 1024;

/** What the texts of one quarter hour of time share: their start up to the hour, and the zone. */
interface Quarter {
	/** `2026-11-02T08:` */
	prefix: string;
	/** The local minute the quarter hour starts at. */
	minute: number;
	/** `+08:00`, or `Z` for a fixed zone's zero offset (UTC), as Luxon writes them. */
	suffix: string;
}

/** A quarter hour outside the years 2000 to 9999 on the zone's clock: no text for its times. */
const OUTSIDE = 'outside';

/**
 * Unix times of the API as ISO 8601 in `zone` (the workflow's timezone), with its offset:
 * `2026-11-02T08:00:00.000+08:00`, exactly as Luxon writes them. Undefined for anything that is
 * no such time (missing, 0, text, a local year before 2000 or after 9999, an unknown zone), so
 * no one reads a 1970 date or a malformed one.
 *
 * Luxon takes 10 to 40 µs per time in a named zone: seconds for 200,000 URL items. A zone's
 * offset is a whole number of quarter hours and changes only at its transitions, never twice
 * in an hour; so Luxon is asked for the offset at the start of each hour of time (a series of
 * 5-minute points over 30 days spans 720 of them), an hour's end being the next one's start,
 * then, only in an hour where it changes, at both ends of each quarter hour (one whose ends
 * differ is left to it), and each text is built from the quarter hour's start. Each text is built once
 * for as long as its slot holds it, and shared by every field that has the time. One per
 * output: it remembers the quarter hours it has seen.
 */
export function isoTimesIn(zone: string): IsoTime {
	const probe = DateTime.fromMillis(0, { zone });
	if (!probe.isValid) return () => undefined;
	const zulu = probe.zone.isUniversal;
	const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
	/** The offset at the start of each hour asked about: an hour's end is the next one's start. */
	const hourStarts = new Map<number, number>();
	const startOf = (hour: number) => {
		let offset = hourStarts.get(hour);
		if (offset === undefined) {
			offset = offsetAt(hour * HOUR_MS);
			hourStarts.set(hour, offset);
		}
		return offset;
	};
	const steadyOffset = (ms: number, length: number) => {
		const offset = offsetAt(ms);
		return offset === offsetAt(ms + length - 1) ? offset : undefined;
	};
	/**
	 * An hour's offset when it holds throughout, else undefined: the same at its start and the
	 * next hour's (it cannot change and change back within the hour), or at its last instant
	 * (it changes as the next hour starts, as most transitions do).
	 */
	const steadyHour = (hour: number) => {
		const offset = startOf(hour);
		if (offset === startOf(hour + 1)) return offset;
		return offset === offsetAt((hour + 1) * HOUR_MS - 1) ? offset : undefined;
	};
	/** Each hour's offset when it holds throughout, else undefined. */
	const hours = new Map<number, number | undefined>();
	const quarterOf = (index: number): Quarter | typeof OUTSIDE | undefined => {
		const start = index * QUARTER_MS;
		const hour = Math.floor(start / HOUR_MS);
		if (!hours.has(hour)) hours.set(hour, steadyHour(hour));
		const offset = hours.get(hour) ?? steadyOffset(start, QUARTER_MS);
		if (offset === undefined || offset % 15 !== 0) return undefined;
		const local = new Date(start + offset * 60_000);
		if (!inYears(local.getUTCFullYear())) return OUTSIDE;
		const text = local.toISOString();
		const minutes = Math.abs(offset);
		const suffix =
			offset === 0 && zulu
				? 'Z'
				: `${offset < 0 ? '-' : '+'}${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
		return { prefix: text.slice(0, 14), minute: Number(text.slice(14, 16)), suffix };
	};
	const quarters = new Map<number, Quarter | typeof OUTSIDE | undefined>();
	const write = (ms: number): string | undefined => {
		const index = Math.floor(ms / QUARTER_MS);
		if (!quarters.has(index)) quarters.set(index, quarterOf(index));
		const quarter = quarters.get(index);
		if (quarter === OUTSIDE) return undefined;
		if (quarter === undefined) {
			const time = DateTime.fromMillis(ms, { zone });
			return inYears(time.year) ? (time.toISO() ?? undefined) : undefined;
		}
		const within = ms - index * QUARTER_MS;
		const minute = quarter.minute + Math.floor(within / 60_000);
		const second = Math.floor(within / 1000) % 60;
		return `${quarter.prefix}${two(minute)}:${two(second)}.${DIGITS[within % 1000]}${quarter.suffix}`;
	};
	// NaN equals nothing: every slot starts empty.
	const slotTimes = new Float64Array(SLOTS).fill(Number.NaN);
	const slotTexts = new Array<string | undefined>(SLOTS);
	return (value) => {
		const seconds = unixSeconds(value, ZONE_REACH_SECONDS);
		if (seconds === undefined) return undefined;
		const ms = Math.round(seconds * 1000);
		const slot = Math.floor(seconds) % SLOTS;
		if (slotTimes[slot] !== ms) {
			slotTimes[slot] = ms;
			slotTexts[slot] = write(ms);
		}
		return slotTexts[slot];
	};
}
