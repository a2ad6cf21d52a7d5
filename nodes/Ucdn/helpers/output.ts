import type { IDataObject } from 'n8n-workflow';

export type OutputMode = 'task' | 'url' | 'raw';

/**
 * One object per URL of a task: the UrlProgressInfo as returned, plus the task it belongs to
 * under names that cannot be confused with the URL's own Status and CreateTime.
 */
export function urlsOfTask(task: IDataObject): IDataObject[] {
	const urls = Array.isArray(task.UrlLists) ? (task.UrlLists as IDataObject[]) : [];
	return urls.map((url) => ({
		...url,
		TaskId: task.TaskId,
		TaskStatus: task.Status,
		TaskCreateTime: task.CreateTime,
	}));
}
