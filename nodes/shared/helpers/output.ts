import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { readableTask, readableUrlItems } from './readableTimes';
import { urlInfos } from './taskInfo';

export type OutputMode = 'task' | 'url' | 'raw';

/**
 * One object per URL of a task: the UrlProgressInfo as returned, plus the task it belongs to
 * under names that cannot be confused with the URL's own Status and CreateTime; with a `zone`,
 * plus readable times in it.
 */
export function urlsOfTask(task: IDataObject, zone?: string): IDataObject[] {
	const items = urlInfos(task).map((url) => ({
		...url,
		TaskId: task.TaskId,
		TaskStatus: task.Status,
		TaskCreateTime: task.CreateTime,
	}));
	return zone === undefined ? items : readableUrlItems(task, items, zone);
}

/** The tasks as items' JSON: per URL, else per task; with a `zone`, plus readable times in it. */
function tasksJson(output: OutputMode, tasks: IDataObject[], zone?: string): IDataObject[] {
	if (output === 'url') return tasks.flatMap((task) => urlsOfTask(task, zone));
	return zone === undefined ? tasks : tasks.map((task) => readableTask(task, zone));
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
	return tasksJson(output, tasks, zone).map(toItem);
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
	return list.flatMap(({ resource, task }) =>
		tasksJson(output, [task], zone).map(
			(json): INodeExecutionData => ({ json: { ...json, Resource: resource } }),
		),
	);
}
