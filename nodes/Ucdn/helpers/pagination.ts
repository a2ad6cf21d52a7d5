import type { IDataObject } from 'n8n-workflow';

export interface PageRequest {
	offset: number;
	limit: number;
}

/** One Describe response, read: its tasks, its TotalCount (if usable) and the response itself. */
export interface Page {
	tasks: IDataObject[];
	total?: number;
	response: IDataObject;
}

export interface PagingOptions {
	/** Where to start in the API's list. */
	offset: number;
	/** Tasks asked for per call. */
	pageSize: number;
	/** Tasks wanted in all: Infinity for Return All. */
	max: number;
}

export interface DescribeResult {
	tasks: IDataObject[];
	/** Every response, in order: the Raw Response output emits them. */
	responses: IDataObject[];
}

/**
 * Reads a Describe response. An absent TaskList is an empty page (the API omits it when
 * nothing matches); anything else that is not a list makes the response unreadable.
 */
export function readPage(response: IDataObject): Page | { problem: string } {
	const list = response.TaskList ?? [];
	if (!Array.isArray(list)) return { problem: `TaskList is ${typeof list}, not a list` };
	const bad = list.findIndex(
		(task) => task === null || typeof task !== 'object' || Array.isArray(task),
	);
	if (bad !== -1) return { problem: `TaskList entry ${bad + 1} is not a task object` };
	const count =
		typeof response.TotalCount === 'string' ? Number(response.TotalCount) : response.TotalCount;
	const total = typeof count === 'number' && Number.isFinite(count) ? count : undefined;
	return { tasks: list as IDataObject[], total, response };
}

/** Beyond this many calls a walk stops, whatever the server says: it cannot loop forever. */
export const MAX_PAGES = 10_000;

/**
 * Whether the walk has reached the end of the list after a page. TotalCount is trusted while
 * it agrees with the pages: a short page before TotalCount means the server caps the page size,
 * and full pages beyond TotalCount mean TotalCount is stale; then only a short page ends it.
 */
function endReached(
	offset: number,
	received: number,
	asked: number,
	total: number | undefined,
): boolean {
	if (total === undefined || offset > total) return received < asked;
	return offset === total;
}

/**
 * Pages through a Describe action with Offset/Limit until `max` tasks are collected or the end
 * of the list is reached (see endReached). A task seen on an earlier page (the list can shift
 * while it is read) is not emitted again, and an empty page or one that brings nothing new ends
 * the walk, so a server that ignores Offset cannot make it loop.
 */
export async function describePages(
	fetchPage: (request: PageRequest) => Promise<Page>,
	{ offset: start, pageSize, max }: PagingOptions,
): Promise<DescribeResult> {
	const tasks: IDataObject[] = [];
	const responses: IDataObject[] = [];
	const seen = new Set<string>();
	let offset = start;
	for (let call = 0; call < MAX_PAGES && tasks.length < max; call++) {
		const limit = Math.min(pageSize, max - tasks.length);
		const page = await fetchPage({ offset, limit });
		responses.push(page.response);
		let fresh = 0;
		for (const task of page.tasks) {
			const id = task?.TaskId;
			if (typeof id === 'string') {
				if (seen.has(id)) continue;
				seen.add(id);
			}
			fresh++;
			tasks.push(task);
			if (tasks.length >= max) break;
		}
		offset += page.tasks.length;
		if (
			page.tasks.length === 0 ||
			fresh === 0 ||
			endReached(offset, page.tasks.length, limit, page.total)
		)
			break;
	}
	return { tasks, responses };
}
