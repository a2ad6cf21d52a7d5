import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { FINAL_STATUSES, urlInfos } from './taskInfo';
import { isObject } from './values';
import { MAX_SECONDS, PLAUSIBLE_FROM } from './time';

/**
 * The fields of a UrlProgressInfo that hold a Unix time, each with the field its ISO form gets
 * right after it (a TaskInfo's CreateTime gets its CreateTimeIso with its duration).
 */
const ISO_FIELDS = new Map([
	['CreateTime', 'CreateTimeIso'],
	['FinishTime', 'FinishTimeIso'],
]);

/**
 * Zones are at most 14 hours from UTC: an instant this close outside the years 2000 to 9999 in
 * UTC may still be inside them on the zone's clock, which decides (see isoTimesIn).
 */
const ZONE_REACH_SECONDS = 14 * 3600;

/**
 * Unix seconds, if the value is a time from 2000 up to 9999 (a number, or digits as text), or
 * `reach` seconds beyond those years.
 */
function unixSeconds(value: unknown, reach = 0): number | undefined {
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
 * in a quarter hour; so Luxon is asked once per quarter hour of time (one whose two ends differ
 * is left to it) and each text is built from the quarter hour's start. Each text is built once
 * for as long as its slot holds it, and shared by every field that has the time. One per
 * output: it remembers the quarter hours it has seen.
 */
export function isoTimesIn(zone: string): IsoTime {
	const probe = DateTime.fromMillis(0, { zone });
	if (!probe.isValid) return () => undefined;
	const zulu = probe.zone.isUniversal;
	const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
	const quarterOf = (index: number): Quarter | typeof OUTSIDE | undefined => {
		const start = index * QUARTER_MS;
		const offset = offsetAt(start);
		if (offset !== offsetAt(start + QUARTER_MS - 1) || offset % 15 !== 0) return undefined;
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

/**
 * For a task that has finished (success or failure): seconds from its CreateTime to the latest
 * FinishTime of its URLs, URLs without a usable FinishTime left out. Undefined when the task is
 * not finished, or a time is missing, or the latest FinishTime is before the CreateTime.
 */
export function durationSeconds(task: IDataObject): number | undefined {
	if (!FINAL_STATUSES.has(String(task.Status))) return undefined;
	const created = unixSeconds(task.CreateTime);
	if (created === undefined) return undefined;
	// A loop, not Math.max(...): a list longer than a call's arguments may be would overflow the stack.
	let last = -Infinity;
	for (const url of urlInfos(task)) last = Math.max(last, unixSeconds(url.FinishTime) ?? -Infinity);
	const duration = last - created;
	return duration >= 0 ? duration : undefined;
}

/** Fields added right after the field `after`, in this order; undefined values are left out. */
interface Added {
	after: string;
	fields: Array<[string, unknown]>;
}

/** Sets a field as data, also one named like Object's own (`__proto__`), which `=` would not. */
function put(target: IDataObject, field: string, value: unknown): void {
	if (field === '__proto__')
		Object.defineProperty(target, field, {
			value,
			enumerable: true,
			writable: true,
			configurable: true,
		});
	else target[field] = value as IDataObject[string];
}

/**
 * `object` with, given `iso`, `<Field>Iso` after each of its ISO_FIELDS, and the `added` fields
 * after theirs; every field of `object` as it was, in its place. A plain loop, not a spread: it
 * runs for each of 200,000 URL items, and V8 copies a spread that gains fields several times
 * slower.
 */
function withTimes(object: IDataObject, iso?: IsoTime, added?: Added): IDataObject {
	const result: IDataObject = {};
	for (const field of Object.keys(object)) {
		const value = object[field];
		put(result, field, value);
		const isoField = iso === undefined ? undefined : ISO_FIELDS.get(field);
		if (isoField !== undefined) {
			const time = iso?.(value);
			if (time !== undefined) result[isoField] = time;
		}
		if (field === added?.after)
			for (const [name, fieldValue] of added.fields)
				if (fieldValue !== undefined) put(result, name, fieldValue);
	}
	return result;
}

/**
 * A TaskInfo with readable times: CreateTimeIso and (when finished) DurationSeconds after its
 * CreateTime, CreateTimeIso and FinishTimeIso in each of its URLs. A new object: every field of
 * the task stays as it was, in its place.
 */
export function readableTask(task: IDataObject, iso: IsoTime): IDataObject {
	const urls = Array.isArray(task.UrlLists)
		? { UrlLists: task.UrlLists.map((url) => (isObject(url) ? withTimes(url, iso) : url)) }
		: {};
	return withTimes({ ...task, ...urls }, undefined, {
		after: 'CreateTime',
		fields: [
			['CreateTimeIso', iso(task.CreateTime)],
			['DurationSeconds', durationSeconds(task)],
		],
	});
}

/**
 * The items of One Item per URL of `task`: each of its UrlProgressInfos (see urlInfos) as returned,
 * then the task it belongs to under names that cannot be confused with the URL's own Status and
 * CreateTime: TaskId, TaskStatus, TaskCreateTime. Given `iso`, also readable times: each URL's
 * CreateTimeIso and FinishTimeIso, then TaskCreateTimeIso and, when the task has finished,
 * TaskDurationSeconds (worked out once per task: it reads all its URLs).
 */
export function urlItems(task: IDataObject, iso?: IsoTime): IDataObject[] {
	const taskFields = {
		TaskId: task.TaskId,
		TaskStatus: task.Status,
		TaskCreateTime: task.CreateTime,
	};
	const ofTask: Added = {
		after: 'TaskCreateTime',
		fields:
			iso === undefined
				? []
				: [
						['TaskCreateTimeIso', iso(task.CreateTime)],
						['TaskDurationSeconds', durationSeconds(task)],
					],
	};
	const [createdIso, duration] = ofTask.fields.map(([, value]) => value);
	return urlInfos(task).map((url) => {
		// A URL with a TaskCreateTime of its own keeps it in place: the Iso fields follow it there.
		if (Object.hasOwn(url, 'TaskCreateTime'))
			return withTimes({ ...url, ...taskFields }, iso, ofTask);
		const item = withTimes(url, iso);
		// Field by field, not Object.assign: this runs for each of 200,000 URL items.
		item.TaskId = taskFields.TaskId;
		item.TaskStatus = taskFields.TaskStatus;
		item.TaskCreateTime = taskFields.TaskCreateTime;
		if (createdIso !== undefined) item.TaskCreateTimeIso = createdIso as string;
		if (duration !== undefined) item.TaskDurationSeconds = duration as number;
		return item;
	});
}
