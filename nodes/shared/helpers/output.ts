import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

export type OutputMode = 'task' | 'url' | 'raw';

/** A task's UrlLists entries that are objects; anything else in the list is skipped. */
export function urlInfos(task: IDataObject): IDataObject[] {
	const urls = Array.isArray(task.UrlLists) ? (task.UrlLists as unknown[]) : [];
	return urls.filter(
		(url): url is IDataObject => url !== null && typeof url === 'object' && !Array.isArray(url),
	);
}

/**
 * One object per URL of a task: the UrlProgressInfo as returned, plus the task it belongs to
 * under names that cannot be confused with the URL's own Status and CreateTime.
 */
export function urlsOfTask(task: IDataObject): IDataObject[] {
	return urlInfos(task).map((url) => ({
		...url,
		TaskId: task.TaskId,
		TaskStatus: task.Status,
		TaskCreateTime: task.CreateTime,
	}));
}

/** Tasks as output items, paired with the input item: per task, per URL, or the raw responses. */
export function tasksToItems(
	output: OutputMode,
	tasks: IDataObject[],
	responses: IDataObject[],
	itemIndex: number,
): INodeExecutionData[] {
	const pairedItem = { item: itemIndex };
	const toItem = (json: IDataObject): INodeExecutionData => ({ json, pairedItem });
	if (output === 'raw') return responses.map(toItem);
	if (output === 'url') return tasks.flatMap(urlsOfTask).map(toItem);
	return tasks.map(toItem);
}

/** A trigger's items: each task, or each of its URLs, with the Resource it belongs to. */
export function resourceTasksToItems(
	output: OutputMode,
	list: Array<{ resource: string; task: IDataObject }>,
): INodeExecutionData[] {
	return list.flatMap(({ resource, task }) =>
		(output === 'url' ? urlsOfTask(task) : [task]).map(
			(json): INodeExecutionData => ({ json: { ...json, Resource: resource } }),
		),
	);
}
