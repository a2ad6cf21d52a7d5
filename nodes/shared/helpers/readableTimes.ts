import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { FINAL_STATUSES, isObject, urlInfos } from './taskInfo';
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

/** Formats a Unix time of the API as ISO 8601; see isoFormatter. */
export type IsoFormatter = (value: unknown) => string | undefined;

const HOUR_MS = 3_600_000;
const pad = (number: number) => String(number).padStart(2, '0');

/**
 * Formats Unix times of the API as ISO 8601 in `zone` (the workflow's timezone), with its
 * offset: `2026-11-02T08:00:00.000+08:00`, exactly as Luxon writes them. Anything that is no such
 * time (missing, 0, text, before 2000, after 9999) or an unknown zone gives undefined, so no one
 * reads a 1970 date.
 *
 * Luxon takes some 40 µs per time in a named zone: seconds for 200,000 URL items. A zone's
 * offset changes only at its transitions, never twice within an hour, so it is looked up once
 * per hour of time (an hour whose two ends differ is left to Luxon) and the text built from it.
 * Make one formatter per output: it remembers the hours it has seen.
 */
export function isoFormatter(zone: string): IsoFormatter {
	const probe = DateTime.fromMillis(0, { zone });
	if (!probe.isValid) return () => undefined;
	// Luxon writes a fixed zone's zero offset (UTC) as Z, a named zone's as +00:00.
	const zulu = probe.zone.isUniversal;
	const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
	const offsets = new Map<number, number | undefined>();
	return (value) => {
		const seconds = unixSeconds(value);
		if (seconds === undefined) return undefined;
		const ms = Math.round(seconds * 1000);
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
}

/**
 * For a task that has finished (success or failure): seconds from its CreateTime to the latest
 * FinishTime of its URLs, URLs without a usable FinishTime left out. Undefined when the task is
 * not finished, or a time is missing, or the latest FinishTime is before the CreateTime.
 */
export function durationSeconds(task: IDataObject): number | undefined {
	if (!FINAL_STATUSES.has(String(task.Status))) return undefined;
	const created = unixSeconds(task.CreateTime);
	const finishes = urlInfos(task)
		.map((url) => unixSeconds(url.FinishTime))
		.filter((time) => time !== undefined);
	if (created === undefined || finishes.length === 0) return undefined;
	const duration = Math.max(...finishes) - created;
	return duration >= 0 ? duration : undefined;
}

/**
 * `object` with, right after each key of `additions`, that key's fields in their order; the
 * undefined ones are left out. A new object: the others stay as they were, in their place.
 */
function insertAfter(object: IDataObject, additions: Record<string, IDataObject>): IDataObject {
	const result: IDataObject = {};
	for (const [name, value] of Object.entries(object)) {
		result[name] = value;
		const fields = additions[name];
		if (fields === undefined) continue;
		for (const [field, added] of Object.entries(fields))
			if (added !== undefined) result[field] = added;
	}
	return result;
}

/** CreateTimeIso and FinishTimeIso after a URL's CreateTime and FinishTime. */
const urlTimes = (url: IDataObject, iso: IsoFormatter): Record<string, IDataObject> =>
	Object.fromEntries(URL_TIMES.map((key) => [key, { [`${key}Iso`]: iso(url[key]) }]));

/**
 * A TaskInfo with readable times: CreateTimeIso and (when finished) DurationSeconds after its
 * CreateTime, CreateTimeIso and FinishTimeIso in each of its URLs.
 */
export function readableTask(task: IDataObject, iso: IsoFormatter): IDataObject {
	const urls = Array.isArray(task.UrlLists)
		? {
				UrlLists: task.UrlLists.map((url) =>
					isObject(url) ? insertAfter(url, urlTimes(url, iso)) : url,
				),
			}
		: {};
	return insertAfter(
		{ ...task, ...urls },
		{ CreateTime: { CreateTimeIso: iso(task.CreateTime), DurationSeconds: durationSeconds(task) } },
	);
}

/**
 * The items of One Item per URL of `task` (each a UrlProgressInfo with the task's TaskId,
 * TaskStatus and TaskCreateTime) with readable times: the URL's own, then TaskCreateTimeIso and
 * (when the task has finished) TaskDurationSeconds after TaskCreateTime.
 */
export function readableUrlItems(
	task: IDataObject,
	items: IDataObject[],
	iso: IsoFormatter,
): IDataObject[] {
	const ofTask = {
		TaskCreateTimeIso: iso(task.CreateTime),
		TaskDurationSeconds: durationSeconds(task),
	};
	return items.map((item) => insertAfter(item, { ...urlTimes(item, iso), TaskCreateTime: ofTask }));
}
