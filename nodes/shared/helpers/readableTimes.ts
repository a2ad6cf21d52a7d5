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

/**
 * A Unix time of the API as ISO 8601 in `zone` (the workflow's timezone), with its offset:
 * `2026-11-02T08:00:00.000+08:00`. Undefined for anything that is no such time (missing, 0,
 * text, before 2000, after 9999, an unknown zone), so no one reads a 1970 date.
 */
export function isoTime(value: unknown, zone: string): string | undefined {
	const seconds = unixSeconds(value);
	if (seconds === undefined) return undefined;
	return DateTime.fromMillis(seconds * 1000, { zone }).toISO() ?? undefined;
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

/** `object` with `fields` right after its `key`, in the same order; undefined fields are left out. */
function insertAfter(object: IDataObject, key: string, fields: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [name, value] of Object.entries(object)) {
		result[name] = value;
		if (name !== key) continue;
		for (const [field, added] of Object.entries(fields))
			if (added !== undefined) result[field] = added;
	}
	return result;
}

/** A UrlProgressInfo (or a URL item) with CreateTimeIso and FinishTimeIso. */
function readableUrl(url: IDataObject, zone: string): IDataObject {
	return URL_TIMES.reduce(
		(result, key) => insertAfter(result, key, { [`${key}Iso`]: isoTime(url[key], zone) }),
		url,
	);
}

/**
 * A TaskInfo with readable times: CreateTimeIso and (when finished) DurationSeconds after its
 * CreateTime, CreateTimeIso and FinishTimeIso in each of its URLs. A new object: every field of
 * the task stays as it was, in its place.
 */
export function readableTask(task: IDataObject, zone: string): IDataObject {
	const urls = Array.isArray(task.UrlLists)
		? { UrlLists: task.UrlLists.map((url) => (isObject(url) ? readableUrl(url, zone) : url)) }
		: {};
	return insertAfter({ ...task, ...urls }, 'CreateTime', {
		CreateTimeIso: isoTime(task.CreateTime, zone),
		DurationSeconds: durationSeconds(task),
	});
}

/**
 * An item of One Item per URL (a UrlProgressInfo with its task's TaskId, TaskStatus and
 * TaskCreateTime) with readable times: the URL's own, then TaskCreateTimeIso and (when the task
 * has finished) TaskDurationSeconds after TaskCreateTime.
 */
export function readableUrlItem(item: IDataObject, task: IDataObject, zone: string): IDataObject {
	return insertAfter(readableUrl(item, zone), 'TaskCreateTime', {
		TaskCreateTimeIso: isoTime(task.CreateTime, zone),
		TaskDurationSeconds: durationSeconds(task),
	});
}
