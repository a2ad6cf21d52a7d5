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
	const count = typeof response.TotalCount === 'string' ? Number(response.TotalCount) : response.TotalCount;
	const total = typeof count === 'number' && Number.isFinite(count) ? count : undefined;
	return { tasks: list as IDataObject[], total, response };
}

/**
 * Pages through a Describe action with Offset/Limit until `max` tasks are collected, the
 * offset reaches TotalCount, or a page is empty. A task seen on an earlier page (the list can
 * shift while it is read) is not emitted again, and a page that brings nothing new ends the
 * walk, so a server that ignores Offset cannot make it loop.
 */
export async function describePages(
	fetchPage: (request: PageRequest) => Promise<Page>,
	{ offset: start, pageSize, max }: PagingOptions,
): Promise<DescribeResult> {
	const tasks: IDataObject[] = [];
	const responses: IDataObject[] = [];
	const seen = new Set<string>();
	let offset = start;
	while (tasks.length < max) {
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
		const endReached = page.total === undefined ? page.tasks.length < limit : offset >= page.total;
		if (page.tasks.length === 0 || fresh === 0 || endReached) break;
	}
	return { tasks, responses };
}
