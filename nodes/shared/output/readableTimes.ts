import type { IDataObject } from 'n8n-workflow';

import { FINAL_STATUSES, urlInfos } from '../tasks/taskInfo';
import { isObject } from '../transport/answer';
import type { IsoTime } from './isoTimes';
import { unixSeconds } from './isoTimes';
import type { PlainObjectMaker } from './plainObjects';
import { plainObjects, put } from './plainObjects';

/**
 * The fields of a UrlProgressInfo that hold a Unix time, each with the field its ISO form gets
 * right after it (a TaskInfo's CreateTime gets its CreateTimeIso with its duration).
 */
const ISO_FIELDS = new Map([
	['CreateTime', 'CreateTimeIso'],
	['FinishTime', 'FinishTimeIso'],
]);

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

/**
 * `object` with, given `iso`, `<Field>Iso` after each of its ISO_FIELDS, and the `added` fields
 * after theirs; every field of `object` as it was, in its place. A plain loop, not a spread: it
 * runs for each of 200,000 URL items, and V8 copies a spread that gains fields several times
 * slower. A new object, from `make`.
 */
function withTimes(
	make: PlainObjectMaker,
	object: IDataObject,
	iso?: IsoTime,
	added?: Added,
): IDataObject {
	const result = make();
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
 * the task stays as it was, in its place. `make` makes the objects (see plainObjects): one for
 * all the tasks of an output.
 */
export function readableTask(task: IDataObject, iso: IsoTime, make = plainObjects()): IDataObject {
	const urls = Array.isArray(task.UrlLists)
		? { UrlLists: task.UrlLists.map((url) => (isObject(url) ? withTimes(make, url, iso) : url)) }
		: {};
	return withTimes(make, { ...task, ...urls }, undefined, {
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
 * TaskDurationSeconds (worked out once per task: it reads all its URLs). `make` makes the items
 * (see plainObjects): one for all the tasks of an output.
 */
export function urlItems(task: IDataObject, iso?: IsoTime, make = plainObjects()): IDataObject[] {
	const taskFields = {
		TaskId: task.TaskId,
		TaskStatus: task.Status,
		TaskCreateTime: task.CreateTime,
	};
	const createdIso = iso?.(task.CreateTime);
	const duration = iso && durationSeconds(task);
	const ofTask: Added = {
		after: 'TaskCreateTime',
		fields: [
			['TaskCreateTimeIso', createdIso],
			['TaskDurationSeconds', duration],
		],
	};
	return urlInfos(task).map((url) => {
		// A URL with a TaskCreateTime of its own keeps it in place: the Iso fields follow it there.
		if (Object.hasOwn(url, 'TaskCreateTime'))
			return withTimes(make, { ...url, ...taskFields }, iso, ofTask);
		const item = withTimes(make, url, iso);
		// Field by field, not Object.assign: this runs for each of 200,000 URL items.
		item.TaskId = taskFields.TaskId;
		item.TaskStatus = taskFields.TaskStatus;
		item.TaskCreateTime = taskFields.TaskCreateTime;
		if (createdIso !== undefined) item.TaskCreateTimeIso = createdIso;
		if (duration !== undefined) item.TaskDurationSeconds = duration;
		return item;
	});
}

/** Any object of the API (a domain, …) with `<Field>Iso` after each of its Unix times, every field kept in its place. */
export function readableObject(
	object: IDataObject,
	iso: IsoTime,
	make = plainObjects(),
): IDataObject {
	return withTimes(make, object, iso);
}
