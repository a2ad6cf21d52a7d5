/**
 * The rules of the walk (see walk in index.ts), each a small pure function: when to stop, how
 * far to step back, and what proves that the API cannot be paged soundly.
 */

/** Why a walk could not give every task once: the caller names the action and fails. */
export interface PagingProblem {
	message: string;
	description: string;
}

/** What the walk knows of the page it read last. */
export interface Previous {
	offset: number;
	/** The page's tasks, by key (see entryKeys), one per line. */
	content: string;
	/** Its TotalCount, or the one before it when it gave none. */
	total?: number;
}

/** The most tasks the node asks for in one Describe call: Page Size's maximum, a wait's page size. */
export const MAX_PAGE_SIZE = 1000;

/** Beyond this many calls a walk fails, whatever the server says: it cannot loop forever. */
export const MAX_PAGES = 10_000;

/** What identifies each entry of a page: its `key` field (TaskId), or all of it when it has none. */
export const entryKeys = (tasks: Array<Record<string, unknown>>, key = 'TaskId'): string[] =>
	tasks.map((task) => {
		const id = task[key];
		return typeof id === 'string' ? id : JSON.stringify(task);
	});

/**
 * Calls a walk may make: twice the pages needed for `wanted` tasks at the server's page size,
 * plus a few, so re-reading after the list shifts fits but a server that never ends does not.
 */
export function callBudget(wanted: number, serverPageSize: number): number {
	const pages = Math.ceil(Math.max(0, wanted) / Math.max(1, serverPageSize));
	return Math.min(MAX_PAGES, 2 * pages + 3);
}

/** The walk has made more calls than TotalCount justifies (see callBudget). */
export function outOfCalls(
	calls: number,
	previous: Previous | undefined,
	serverPageSize: number,
	offset: number,
): PagingProblem {
	return {
		message: `Paging did not reach the end of the list after ${calls} calls`,
		description: `TotalCount is ${previous?.total ?? 'absent'} and pages hold up to ${serverPageSize} tasks, yet the list went on at Offset ${offset}. The API's paging cannot be trusted for this query: narrow the time range or filter by Status.`,
	};
}

/**
 * The API ignores Offset: the page holds the same tasks as the previous one at another offset.
 * Not so when TotalCount grew by as much as the offset moved: the list shifted onto the page.
 */
export function offsetIgnored(
	previous: Previous | undefined,
	offset: number,
	content: string,
	total: number | undefined,
): boolean {
	if (previous === undefined || previous.offset === offset || content === '') return false;
	const shifted =
		previous.total !== undefined &&
		total !== undefined &&
		total - previous.total === offset - previous.offset;
	return content === previous.content && !shifted;
}

export function offsetIgnoredProblem(
	offset: number,
	previousOffset: number,
	count: number,
): PagingProblem {
	return {
		message: 'The API ignores Offset: paging cannot go past the first page',
		description: `The page at Offset ${offset} holds the same ${count} tasks as Offset ${previousOffset}. Set Return All off with a Limit up to the Page Size, or raise the Page Size (up to ${MAX_PAGE_SIZE}) so that one call returns every task.`,
	};
}

/**
 * How many tasks left the list since the previous page (TotalCount shrank, e.g. as tasks changed
 * status under a Status filter): the rest moved back as far, so the walk steps back as far.
 */
export function stepBack(previousTotal: number | undefined, total: number | undefined): number {
	return previousTotal !== undefined && total !== undefined
		? Math.max(0, previousTotal - total)
		: 0;
}

/** An empty page before TotalCount: the API stops paging early or miscounts. */
export function emptyTooEarly(
	offset: number,
	total: number | undefined,
	taken: number,
	noun = 'task',
): PagingProblem | undefined {
	if (total === undefined || offset >= total) return undefined;
	return {
		message: `The API listed ${taken} ${noun}s, then an empty page before its TotalCount of ${total}`,
		description: `The page at Offset ${offset} is empty although TotalCount is ${total}: the API stops paging early or miscounts. Narrow the time range so that fewer pages are needed.`,
	};
}

/**
 * Whether a non-empty page at `offset` ends the list: it reaches TotalCount, or, when there is
 * none or the pages went beyond it (a stale TotalCount), it is short of what was asked. A
 * server that answers fewer tasks than asked before TotalCount is followed on.
 */
export function endReached(
	offset: number,
	count: number,
	limit: number,
	total: number | undefined,
): boolean {
	const next = offset + count;
	return total === undefined || next > total ? count < limit : next === total;
}

/**
 * Whether a page is the whole list although more may seem to follow (see ListShape's
 * oversizedIsWhole): it holds more entries than the `limit` asked for, and no TotalCount says
 * the list goes on beyond them.
 */
export function answeredWhole(
	offset: number,
	count: number,
	limit: number,
	total: number | undefined,
): boolean {
	return count > limit && (total === undefined || offset + count >= total);
}

/** The most entries a list that may be answered whole (see askAgainFor) is asked for in one call. */
export const MAX_WHOLE_LIST = 12_800;

/**
 * The Limit to ask again with, from the start, when a list that may be answered whole (ListShape's
 * oversizedIsWhole) repeated a page and gave no TotalCount: twice the last, so an API that
 * ignores Offset, and Limit as well, answers short, which ends the list. Undefined when a
 * TotalCount came (it is followed instead) or MAX_WHOLE_LIST would be passed.
 */
export function askAgainFor(pageSize: number, total: number | undefined): number | undefined {
	const larger = pageSize * 2;
	return total === undefined && larger <= MAX_WHOLE_LIST ? larger : undefined;
}

/**
 * The list ended and its TotalCount never changed, yet fewer different tasks came than it holds
 * from `start` on: the order changed between calls (tasks created in the same second can swap
 * places), so some tasks were on two pages and others on none.
 */
export function tasksMissed(
	taken: number,
	{ start, max }: { start: number; max: number },
	steadyTotal: number | undefined,
	pages: number,
	noun = 'task',
): PagingProblem | undefined {
	if (steadyTotal === undefined || taken >= max || taken >= steadyTotal - start) return undefined;
	return {
		message: `The API listed ${taken} different ${noun}s in ${pages} pages, although its TotalCount of ${steadyTotal} did not change`,
		description: `Some tasks came on two pages and others on none: the order of the list changed between calls (tasks created in the same second can swap places). Raise the Page Size (up to ${MAX_PAGE_SIZE}) so that fewer calls are needed, or narrow the time range.`,
	};
}
