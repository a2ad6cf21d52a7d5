import type { IDataObject } from 'n8n-workflow';

import { urlInfos } from '../shared/tasks/taskInfo';

/** The trigger's events, and the task statuses that end a task. */
export type TriggerEvent = 'succeeded' | 'failed' | 'finished';

const EVENT_STATUSES: Record<TriggerEvent, readonly string[]> = {
	succeeded: ['success'],
	failed: ['failure'],
	finished: ['success', 'failure'],
};

/** The Status to ask the API for, when one status covers the event. */
export function statusFilter(event: TriggerEvent): string | undefined {
	const statuses = EVENT_STATUSES[event];
	return statuses.length === 1 ? statuses[0] : undefined;
}

/** A task in a final state that is this event, with a URL containing `urlFilter` (if given). */
export function isEvent(task: IDataObject, event: TriggerEvent, urlFilter?: string): boolean {
	if (!EVENT_STATUSES[event].includes(String(task.Status))) return false;
	if (!urlFilter) return true;
	return urlInfos(task).some((url) => typeof url.Url === 'string' && url.Url.includes(urlFilter));
}

const numberOf = (value: unknown) => (typeof value === 'number' ? value : Number(value) || 0);

/** When a task finished: its last URL's FinishTime, or its CreateTime if none is given. */
export function finishedAt(task: IDataObject): number {
	return Math.max(
		numberOf(task.CreateTime),
		...urlInfos(task).map((url) => numberOf(url.FinishTime)),
	);
}

export interface Candidate {
	resource: string;
	task: IDataObject;
}

/** The candidate that finished last, for a manual test run. */
export function latest(candidates: Candidate[]): Candidate | undefined {
	return candidates.reduce<Candidate | undefined>(
		(best, candidate) =>
			best === undefined || finishedAt(candidate.task) > finishedAt(best.task) ? candidate : best,
		undefined,
	);
}
