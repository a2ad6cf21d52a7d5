import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../transport/answer';

/** Statuses a task does not leave; any other (wait, process, unknow) may still change. */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(['success', 'failure']);

/** A task's UrlLists entries that are objects; anything else in the list is skipped. */
export function urlInfos(task: IDataObject): IDataObject[] {
	const urls = Array.isArray(task.UrlLists) ? (task.UrlLists as unknown[]) : [];
	return urls.filter(isObject);
}
