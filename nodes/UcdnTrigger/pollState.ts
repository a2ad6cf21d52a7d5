import type { IDataObject } from 'n8n-workflow';

import { MAX_PAGE_SIZE } from '../shared/paging';
import { FINAL_STATUSES } from '../shared/tasks/taskInfo';

/**
 * What the trigger remembers between polls, in the workflow's static data, and what it makes
 * of it: which listed tasks are newly final (selectNew) and which window the next poll reads.
 */

/** Large pages while polling: the first poll walks all of Look Back in few calls. */
export const PAGING = { offset: 0, pageSize: MAX_PAGE_SIZE, max: Infinity };
/** Pending tasks asked for by TaskId in one Describe call. */
export const IDS_PER_CALL = 100;

/**
 * Seconds before a poll's EndTime that the next poll reads again: a task the API lists late
 * (committed late, or stamped by a server clock behind ours) is still found, and told apart
 * from those already seen by `recent`.
 */
export const MARGIN = 600;

/** What the trigger remembers of one resource between polls (in the workflow's static data). */
export interface Memory {
	/** The EndTime of the last poll (Unix seconds): a final task created after it is new. */
	until: number;
	/** Tasks not final at the last poll: TaskId → CreateTime. */
	pending: Record<string, number>;
	/**
	 * The final states seen of tasks created within MARGIN before `until`, or pending again
	 * since: `TaskId:Status` → CreateTime.
	 */
	recent: Record<string, number>;
	/**
	 * The final states seen of tasks listed without a CreateTime, for Look Back or while pending
	 * again: `TaskId:Status` → when first seen.
	 */
	undated: Record<string, number>;
}

const isTimes = (value: unknown): value is Record<string, number> =>
	typeof value === 'object' &&
	value !== null &&
	!Array.isArray(value) &&
	Object.values(value).every((time) => typeof time === 'number');

/** A Memory read back from static data, or undefined if there is none (or it is not one). */
export function readMemory(value: unknown): Memory | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const { until, pending, recent, undated } = value as Record<string, unknown>;
	if (typeof until !== 'number' || !isTimes(pending) || !isTimes(recent) || !isTimes(undated))
		return undefined;
	return { until, pending, recent, undated };
}

/** The CreateTime of a task in Unix seconds, if it has a usable one. */
function createdAt(task: IDataObject): number | undefined {
	const value = task.CreateTime;
	const time = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof time === 'number' && Number.isFinite(time) ? time : undefined;
}

/**
 * Where the next poll's window starts: from MARGIN before the last poll's EndTime (tasks that
 * were final before that were seen then), within Look Back (`since`); the whole Look Back on a
 * first poll.
 */
export function windowStart(memory: Memory | undefined, now: number, since: number): number {
	if (!memory) return since;
	return Math.min(now, Math.max(since, memory.until - MARGIN));
}

/** Pending tasks created before `begin`, still inside Look Back: the window does not list them, so they are asked for by TaskId. */
export function pendingBefore(memory: Memory | undefined, begin: number, since: number): string[] {
	return Object.entries(memory?.pending ?? {})
		.filter(([, created]) => created < begin && created >= since)
		.map(([id]) => id);
}

export interface Selection {
	/** Tasks newly final since the last poll, in the order listed. */
	fresh: IDataObject[];
	/** What to remember for the next poll. */
	memory: Memory;
}

/** The key a task is remembered by in one final state. */
const stateKey = (id: string, status: string) => `${id}:${status}`;
const idOf = (key: string) => key.slice(0, key.lastIndexOf(':'));

/**
 * Whether a final task, in the state `key`, is new since the last poll. Already seen in this
 * state (in `recent` or `undated`): not new, whatever it was listed as since, as a replica that
 * lags lists a task that has ended as pending again; another final state is new. Else pending
 * at the last poll: new (it has ended since), however old. Else new if it has no CreateTime
 * (not seen in this state is all that tells), or was created after MARGIN before the last
 * poll's EndTime: an older one was final then, and read then.
 */
function isNewState(memory: Memory, id: string, key: string, created: number | undefined): boolean {
	if (Object.hasOwn(memory.recent, key) || Object.hasOwn(memory.undated, key)) return false;
	// Own fields only: a TaskId such as `constructor` is no field of every object.
	if (Object.hasOwn(memory.pending, id)) return true;
	return created === undefined || created >= memory.until - MARGIN;
}

/**
 * The entries of `from` to keep: while the API can list their task again in a way the trigger
 * reads, from `oldest` on (in the window, or in Look Back for undated tasks), and while it is
 * pending again, as it is then asked for by TaskId however old.
 */
function keepStates(
	from: Record<string, number>,
	to: Record<string, number>,
	oldest: number,
	pending: Record<string, number>,
) {
	for (const [key, time] of Object.entries(from))
		if (time >= oldest || Object.hasOwn(pending, idOf(key))) to[key] = time;
}

/**
 * Which listed tasks of one resource are newly final, and what to remember. `tasks` are those
 * the poll listed: its window from windowStart to `now`, plus the pending tasks asked for by
 * TaskId. A final task is new as isNewState says. Without a memory (first poll) nothing is new,
 * unless `legacy` holds the `TaskId:Status` keys an earlier version of the trigger had emitted:
 * then what is not in it. Pending tasks are kept while the API can list them (created within
 * Look Back, `since`); final states as keepStates says.
 */
export function selectNew(
	memory: Memory | undefined,
	tasks: IDataObject[],
	{ now, since, legacy }: { now: number; since: number; legacy?: ReadonlySet<string> },
): Selection {
	const next: Memory = { until: now, pending: {}, recent: {}, undated: {} };
	if (memory)
		for (const [id, created] of Object.entries(memory.pending))
			if (created >= since) next.pending[id] = created;
	const fresh: IDataObject[] = [];
	const listed = new Set<string>();
	for (const task of tasks) {
		const id = task.TaskId;
		if (typeof id !== 'string' || listed.has(id)) continue;
		listed.add(id);
		const created = createdAt(task);
		if (!FINAL_STATUSES.has(String(task.Status))) {
			next.pending[id] = created ?? memory?.pending[id] ?? now;
			continue;
		}
		delete next.pending[id];
		const key = stateKey(id, String(task.Status));
		const isNew = memory
			? isNewState(memory, id, key, created)
			: legacy !== undefined && !legacy.has(key);
		if (created === undefined) next.undated[key] = memory?.undated[key] ?? now;
		else if (created >= now - MARGIN) next.recent[key] = created;
		if (isNew) fresh.push(task);
	}
	// After the loop: which tasks are pending again is known only once all are read.
	if (memory) {
		keepStates(memory.recent, next.recent, now - MARGIN, next.pending);
		keepStates(memory.undated, next.undated, since, next.pending);
	}
	return { fresh, memory: next };
}

/**
 * What versions before the memory remembered: `resource:TaskId:Status` keys of the tasks they
 * had emitted (or seen final on their first poll), as `TaskId:Status` per resource.
 */
export function legacyKeys(seen: unknown): Map<string, Set<string>> | undefined {
	if (typeof seen !== 'object' || seen === null) return undefined;
	const keys = new Map<string, Set<string>>();
	for (const key of Object.keys(seen)) {
		const at = key.indexOf(':');
		const resource = key.slice(0, at);
		if (!keys.has(resource)) keys.set(resource, new Set());
		keys.get(resource)?.add(key.slice(at + 1));
	}
	return keys;
}
