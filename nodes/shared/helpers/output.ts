import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { IsoFormatter } from './readableTimes';
import { isoFormatter, readableTask, readableUrlItems } from './readableTimes';
import { urlInfos } from './taskInfo';

export type OutputMode = 'task' | 'url' | 'raw';

/**
 * One object per URL of a task: the UrlProgressInfo as returned, plus the task it belongs to
 * under names that cannot be confused with the URL's own Status and CreateTime; with `iso`,
 * plus readable times.
 */
export function urlsOfTask(task: IDataObject, iso?: IsoFormatter): IDataObject[] {
	const items = urlInfos(task).map((url) => ({
		...url,
		TaskId: task.TaskId,
		TaskStatus: task.Status,
		TaskCreateTime: task.CreateTime,
	}));
	return iso ? readableUrlItems(task, items, iso) : items;
}

/** Readable times are on when the output has a zone to show them in. */
const formatterIn = (zone?: string) => (zone === undefined ? undefined : isoFormatter(zone));

/** The tasks as items' JSON: per URL, else per task; with `iso`, plus readable times. */
function tasksJson(output: OutputMode, tasks: IDataObject[], iso?: IsoFormatter): IDataObject[] {
	if (output === 'url') return tasks.flatMap((task) => urlsOfTask(task, iso));
	return iso ? tasks.map((task) => readableTask(task, iso)) : tasks;
}

/**
 * Tasks as output items, paired with the input item: per task, per URL, or the raw responses.
 * A `zone` (Readable Times on) adds readable times in it, except to raw responses.
 */
export function tasksToItems(
	output: OutputMode,
	tasks: IDataObject[],
	responses: IDataObject[],
	itemIndex: number,
	zone?: string,
): INodeExecutionData[] {
	const pairedItem = { item: itemIndex };
	const toItem = (json: IDataObject): INodeExecutionData => ({ json, pairedItem });
	if (output === 'raw') return responses.map(toItem);
	return tasksJson(output, tasks, formatterIn(zone)).map(toItem);
}

/**
 * A trigger's items: each task, or each of its URLs, with the Resource it belongs to; a `zone`
 * adds readable times in it.
 */
export function resourceTasksToItems(
	output: OutputMode,
	list: Array<{ resource: string; task: IDataObject }>,
	zone?: string,
): INodeExecutionData[] {
	const iso = formatterIn(zone);
	return list.flatMap(({ resource, task }) =>
		tasksJson(output, [task], iso).map(
			(json): INodeExecutionData => ({ json: { ...json, Resource: resource } }),
		),
	);
}
