import type { IDataObject } from 'n8n-workflow';

import { urlInfos } from './output';

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

/** What the trigger remembers: each emitted `resource:TaskId:Status` with the task's CreateTime. */
export type Seen = Record<string, number>;

/** Most entries kept, whatever Look Back says: a hard bound on the workflow's static data. */
export const MAX_SEEN = 50_000;

const keyOf = ({ resource, task }: Candidate) =>
	`${resource}:${String(task.TaskId)}:${String(task.Status)}`;

/**
 * Which candidates are new, and what to remember next. On the first poll (`seen` undefined)
 * everything already final is remembered and nothing is emitted. Entries older than the query
 * window (`oldest`, a CreateTime in Unix seconds) are forgotten: the API no longer lists them.
 * New candidates come out oldest finish first.
 */
export function selectNew(
	seen: Seen | undefined,
	candidates: Candidate[],
	oldest: number,
): { fresh: Candidate[]; seen: Seen } {
	const next: Seen = {};
	for (const [key, created] of Object.entries(seen ?? {}))
		if (created >= oldest) next[key] = created;
	const fresh: Candidate[] = [];
	for (const candidate of candidates) {
		const key = keyOf(candidate);
		if (key in next) continue;
		next[key] = numberOf(candidate.task.CreateTime);
		if (seen !== undefined) fresh.push(candidate);
	}
	const keys = Object.keys(next);
	if (keys.length > MAX_SEEN) {
		keys.sort((a, b) => next[a] - next[b]);
		for (const key of keys.slice(0, keys.length - MAX_SEEN)) delete next[key];
	}
	fresh.sort((a, b) => finishedAt(a.task) - finishedAt(b.task));
	return { fresh, seen: next };
}

/** The candidate that finished last, for a manual test run. */
export function latest(candidates: Candidate[]): Candidate | undefined {
	return candidates.reduce<Candidate | undefined>(
		(best, candidate) =>
			best === undefined || finishedAt(candidate.task) > finishedAt(best.task) ? candidate : best,
		undefined,
	);
}
