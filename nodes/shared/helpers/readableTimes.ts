import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { FINAL_STATUSES, urlInfos } from './taskInfo';
import { isObject } from './values';
import { MAX_SECONDS, PLAUSIBLE_FROM } from './time';

/**
 * The fields of the API's answers that hold a Unix time: CreateTime of a TaskInfo, CreateTime
 * and FinishTime of a UrlProgressInfo. Each gets `<Field>Iso` right after it.
 */
const URL_TIMES = ['CreateTime', 'FinishTime'];

/** Unix seconds, if the value is a time from 2000 up to 9999 (a number, or digits as text). */
function unixSeconds(value: unknown): number | undefined {
	const text = typeof value === 'string' ? value.trim() : undefined;
	const seconds = text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Number(text) : value;
	// 0 is what the API gives for a URL not finished yet; earlier than 2000 is no CDN task's time.
	if (typeof seconds !== 'number' || !(seconds >= PLAUSIBLE_FROM && seconds < MAX_SECONDS))
		return undefined;
	return seconds;
}

/** A Unix time of the API as ISO 8601 in one timezone, or undefined; see isoTimesIn. */
export type IsoTime = (value: unknown) => string | undefined;

const HOUR_MS = 3_600_000;
const pad = (number: number) => String(number).padStart(2, '0');

/**
 * Unix times of the API as ISO 8601 in `zone` (the workflow's timezone), with its offset:
 * `2026-11-02T08:00:00.000+08:00`, exactly as Luxon writes them. Undefined for anything that is
 * no such time (missing, 0, text, before 2000, after 9999, an unknown zone), so no one reads a
 * 1970 date.
 *
 * Luxon takes 10 to 40 µs per time in a named zone: seconds for 200,000 URL items. A zone's
 * offset changes only at its transitions, never twice within an hour, so it is looked up once
 * per hour of time (an hour whose two ends differ is left to Luxon) and the text is built from
 * it. One per output: it remembers the hours it has seen, and the last time (a URL's
 * CreateTime is mostly its task's).
 */
export function isoTimesIn(zone: string): IsoTime {
	const probe = DateTime.fromMillis(0, { zone });
	if (!probe.isValid) return () => undefined;
	// Luxon writes a fixed zone's zero offset (UTC) as Z, a named zone's as +00:00.
	const zulu = probe.zone.isUniversal;
	const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
	const offsets = new Map<number, number | undefined>();
	const format = (ms: number) => {
		const hour = Math.floor(ms / HOUR_MS);
		if (!offsets.has(hour)) {
			const start = offsetAt(hour * HOUR_MS);
			offsets.set(hour, start === offsetAt((hour + 1) * HOUR_MS - 1) ? start : undefined);
		}
		const offset = offsets.get(hour);
		if (offset === undefined) return DateTime.fromMillis(ms, { zone }).toISO() ?? undefined;
		const local = new Date(ms + offset * 60_000).toISOString().slice(0, -1);
		if (offset === 0 && zulu) return `${local}Z`;
		const minutes = Math.abs(offset);
		return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
	};
	let last: { ms: number; iso: string | undefined } | undefined;
	return (value) => {
		const seconds = unixSeconds(value);
		if (seconds === undefined) return undefined;
		const ms = Math.round(seconds * 1000);
		if (last?.ms !== ms) last = { ms, iso: format(ms) };
		return last.iso;
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

/** The fields to add, by the field they follow. */
type Additions = Map<string, IDataObject>;

/**
 * `object` with, right after each field named in `additions`, the fields added there (undefined
 * ones left out); every field of `object` as it was, in its place. Built from entries, so that
 * fields an answer may name like Object's own (`__proto__`) stay plain fields.
 */
function insertAfter(object: IDataObject, additions: Additions): IDataObject {
	const entries: Array<[string, unknown]> = [];
	for (const entry of Object.entries(object)) {
		entries.push(entry);
		for (const added of Object.entries(additions.get(entry[0]) ?? {}))
			if (added[1] !== undefined) entries.push(added);
	}
	return Object.fromEntries(entries) as IDataObject;
}

/** A UrlProgressInfo's (or a URL item's) CreateTimeIso and FinishTimeIso, after their fields. */
function urlTimes(url: IDataObject, iso: IsoTime): Array<[string, IDataObject]> {
	return URL_TIMES.map((key) => [key, { [`${key}Iso`]: iso(url[key]) }]);
}

/** A task's own readable fields: its CreateTime as ISO and, when finished, its duration. */
function taskTimes(task: IDataObject, iso: IsoTime) {
	return { CreateTimeIso: iso(task.CreateTime), DurationSeconds: durationSeconds(task) };
}

/**
 * A TaskInfo with readable times: CreateTimeIso and (when finished) DurationSeconds after its
 * CreateTime, CreateTimeIso and FinishTimeIso in each of its URLs. A new object: every field of
 * the task stays as it was, in its place.
 */
export function readableTask(task: IDataObject, iso: IsoTime): IDataObject {
	const urls = Array.isArray(task.UrlLists)
		? {
				UrlLists: task.UrlLists.map((url) =>
					isObject(url) ? insertAfter(url, new Map(urlTimes(url, iso))) : url,
				),
			}
		: {};
	return insertAfter({ ...task, ...urls }, new Map([['CreateTime', taskTimes(task, iso)]]));
}

/**
 * The items of One Item per URL of `task` (each a UrlProgressInfo with the task's TaskId,
 * TaskStatus and TaskCreateTime) with readable times: the URL's own, then TaskCreateTimeIso and
 * (when the task has finished) TaskDurationSeconds after TaskCreateTime. The task's are worked
 * out once, not per URL: its duration reads all its URLs.
 */
export function readableUrlItems(
	task: IDataObject,
	items: IDataObject[],
	iso: IsoTime,
): IDataObject[] {
	const { CreateTimeIso, DurationSeconds } = taskTimes(task, iso);
	const fields = { TaskCreateTimeIso: CreateTimeIso, TaskDurationSeconds: DurationSeconds };
	return items.map((item) =>
		insertAfter(item, new Map([...urlTimes(item, iso), ['TaskCreateTime', fields]])),
	);
}
