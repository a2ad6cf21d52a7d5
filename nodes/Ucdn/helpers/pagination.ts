import type { IDataObject } from 'n8n-workflow';

export interface PageRequest {
	offset: number;
	limit: number;
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
	pages: IDataObject[];
}

/** A response that cannot be paged through: the caller reports it with the action's name. */
export class MalformedPageError extends Error {}

function taskListOf(page: IDataObject): IDataObject[] {
	const list = page.TaskList;
	if (list === undefined || list === null) return [];
	if (!Array.isArray(list)) throw new MalformedPageError(`TaskList is ${typeof list}, not a list`);
	return list as IDataObject[];
}

function totalOf(page: IDataObject): number | undefined {
	const total = typeof page.TotalCount === 'string' ? Number(page.TotalCount) : page.TotalCount;
	return typeof total === 'number' && Number.isFinite(total) ? total : undefined;
}

/**
 * Pages through a Describe action with Offset/Limit until `max` tasks are collected, the
 * offset reaches TotalCount, or a page is empty. A task seen on an earlier page (the list can
 * shift while it is read) is not emitted again, and a page that brings nothing new ends the
 * walk, so a server that ignores Offset cannot make it loop.
 */
export async function describePages(
	fetchPage: (request: PageRequest) => Promise<IDataObject>,
	{ offset: start, pageSize, max }: PagingOptions,
): Promise<DescribeResult> {
	const tasks: IDataObject[] = [];
	const pages: IDataObject[] = [];
	const seen = new Set<unknown>();
	let offset = start;
	while (tasks.length < max) {
		const limit = Math.min(pageSize, max - tasks.length);
		const page = await fetchPage({ offset, limit });
		pages.push(page);
		const list = taskListOf(page);
		let fresh = 0;
		for (const task of list) {
			const id = task?.TaskId;
			if (typeof id === 'string') {
				if (seen.has(id)) continue;
				seen.add(id);
			}
			fresh++;
			tasks.push(task);
			if (tasks.length >= max) break;
		}
		offset += list.length;
		const total = totalOf(page);
		const endReached = total === undefined ? list.length < limit : offset >= total;
		if (list.length === 0 || fresh === 0 || endReached) break;
	}
	return { tasks, pages };
}
