import type { IDataObject } from 'n8n-workflow';

import { FINAL_STATUSES, urlInfos } from '../../../../shared/tasks/taskInfo';

export interface WaitState {
	/** Every requested task was found in a final state. */
	done: boolean;
	/** The tasks found, in the order they were requested. */
	tasks: IDataObject[];
	/** Requested tasks not (yet) returned by the API. */
	missing: string[];
	/** Found tasks not yet in a final state. */
	pending: IDataObject[];
}

/** Where a set of tasks stands, from one Describe response. */
export function assess(taskIds: string[], list: IDataObject[]): WaitState {
	const byId = new Map<unknown, IDataObject>();
	for (const task of list) byId.set(String(task.TaskId), task);
	const tasks: IDataObject[] = [];
	const missing: string[] = [];
	for (const id of taskIds) {
		const task = byId.get(id);
		if (task) tasks.push(task);
		else missing.push(id);
	}
	const pending = tasks.filter((task) => !FINAL_STATUSES.has(String(task.Status)));
	return { done: missing.length === 0 && pending.length === 0, tasks, missing, pending };
}

/** A task's progress: the mean of its URLs' Progress, in percent. */
export function taskProgress(task: IDataObject): number {
	const values = urlInfos(task)
		.map((url) => Number(url.Progress))
		.filter(Number.isFinite);
	return values.length === 0
		? 0
		: Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
}

const MAX_LISTED = 20;

function listed(entries: string[]): string {
	const shown = entries.slice(0, MAX_LISTED).join(', ');
	return entries.length > MAX_LISTED ? `${shown} and ${entries.length - MAX_LISTED} more` : shown;
}

/** "t1 (process, 33%), t2 (not found yet)" */
export function describePending(state: WaitState): string {
	return listed([
		...state.pending.map(
			(task) => `${String(task.TaskId)} (${String(task.Status)}, ${taskProgress(task)}%)`,
		),
		...state.missing.map((id) => `${id} (not found yet)`),
	]);
}

/** URLs that failed, each with its task; a failed task without failed URLs counts as a whole. */
export function failedUrls(tasks: IDataObject[]): string[] {
	const failed: string[] = [];
	for (const task of tasks) {
		if (task.Status !== 'failure') continue;
		const urls = urlInfos(task).filter((url) => url.Status === 'failure');
		if (urls.length === 0) failed.push(`task ${String(task.TaskId)}`);
		for (const url of urls) failed.push(`${String(url.Url)} (task ${String(task.TaskId)})`);
	}
	return failed;
}

export function describeFailures(failed: string[]): string {
	return listed(failed);
}
