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
	/**
	 * Takes each task as soon as its page is read, instead of `tasks` collecting them, and the
	 * responses are not kept: the parsed pages can be freed while the walk goes on, which for
	 * 200,000 URLs is some 25 MB less at the peak.
	 */
	onTask?: (task: IDataObject) => void;
}

/** Why a walk could not give every task once: the caller names the action and fails. */
export interface PagingProblem {
	message: string;
	description: string;
}

export interface DescribeResult {
	tasks: IDataObject[];
	/** Every response, in order: the Raw Response output emits them. */
	responses: IDataObject[];
	/** Set when the list cannot be walked soundly: `tasks` are then incomplete. */
	problem?: PagingProblem;
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

/** The most tasks the node asks for in one Describe call: Page Size's maximum, a wait's page size. */
export const MAX_PAGE_SIZE = 1000;

/** Beyond this many calls a walk fails, whatever the server says: it cannot loop forever. */
export const MAX_PAGES = 10_000;

/** What identifies each task of a page: its TaskId, or all of it when it has none. */
const keysOf = (tasks: IDataObject[]) =>
	tasks.map((task) => (typeof task.TaskId === 'string' ? task.TaskId : JSON.stringify(task)));

/**
 * Calls a walk may make: twice the pages needed for `wanted` tasks at the server's page size,
 * plus a few, so re-reading after the list shifts fits but a server that never ends does not.
 */
function callBudget(wanted: number, serverPageSize: number): number {
	const pages = Math.ceil(Math.max(0, wanted) / Math.max(1, serverPageSize));
	return Math.min(MAX_PAGES, 2 * pages + 3);
}

/**
 * Pages through a Describe action with Offset/Limit until `max` tasks are collected or the offset
 * reaches TotalCount, and returns each task once. The caller pins the time window, so tasks
 * created during the walk cannot enter the list; should some still enter (at the head: the list
 * is newest first) the pages shift and repeat tasks, which are skipped, and the walk goes on to
 * the new TotalCount. When TotalCount shrinks (tasks left the list, e.g. by changing status) the
 * walk steps back as far, so no task slips past. A server that caps the page size (short pages
 * before TotalCount) is followed; a TotalCount below what the pages bring is followed until a
 * short page. Whatever cannot give every task once ends the walk with a `problem` (callers fail):
 * a page identical to the previous one at another offset (the API ignores Offset), an empty
 * page before TotalCount, or more calls than TotalCount justifies (see callBudget).
 */
export async function describePages(
	fetchPage: (request: PageRequest) => Promise<Page>,
	{ offset: start, pageSize, max, onTask }: PagingOptions,
): Promise<DescribeResult> {
	const tasks: IDataObject[] = [];
	const responses: IDataObject[] = [];
	const take = onTask ?? ((task: IDataObject) => void tasks.push(task));
	let taken = 0;
	let pages = 0;
	const seen = new Set<string>();
	const failed = (message: string, description: string) => ({
		tasks,
		responses,
		problem: { message, description },
	});
	let offset = start;
	let previous: { offset: number; content: string; total?: number } | undefined;
	let largestTotal: number | undefined;
	/** The TotalCount while every page has given the same one; undefined once it differs. */
	let steadyTotal: number | undefined;
	let serverPageSize = 0;
	for (let calls = 0; taken < max; calls++) {
		const budget =
			largestTotal === undefined
				? MAX_PAGES
				: callBudget(Math.min(largestTotal - start, max), serverPageSize);
		if (calls >= budget) {
			return failed(
				`Paging did not reach the end of the list after ${calls} calls`,
				`TotalCount is ${previous?.total ?? 'absent'} and pages hold up to ${serverPageSize} tasks, yet the list went on at Offset ${offset}. The API's paging cannot be trusted for this query: narrow the time range or filter by Status.`,
			);
		}
		const limit = Math.min(pageSize, max - taken);
		const page = await fetchPage({ offset, limit });
		pages++;
		if (!onTask) responses.push(page.response);
		const keys = keysOf(page.tasks);
		const content = keys.join('\n');
		// Grown by as much as the offset moved, the list shifted onto the same page: not a repeat.
		const shifted =
			previous?.total !== undefined &&
			page.total !== undefined &&
			page.total - previous.total === offset - previous.offset;
		if (
			previous !== undefined &&
			previous.offset !== offset &&
			keys.length > 0 &&
			content === previous.content &&
			!shifted
		) {
			return failed(
				'The API ignores Offset: paging cannot go past the first page',
				`The page at Offset ${offset} holds the same ${keys.length} tasks as Offset ${previous.offset}. Set Return All off with a Limit up to the Page Size, or raise the Page Size (up to 1000) so that one call returns every task.`,
			);
		}
		for (const [n, key] of keys.entries()) {
			if (seen.has(key)) continue;
			seen.add(key);
			take(page.tasks[n] as IDataObject);
			if (++taken >= max) break;
		}
		const total = page.total ?? previous?.total;
		const left =
			previous?.total !== undefined && page.total !== undefined
				? Math.max(0, previous.total - page.total)
				: 0;
		previous = { offset, content, total };
		if (total !== undefined) largestTotal = Math.max(largestTotal ?? 0, total);
		steadyTotal = pages === 1 || page.total === steadyTotal ? page.total : undefined;
		serverPageSize = Math.max(serverPageSize, page.tasks.length);
		if (page.tasks.length === 0) {
			if (page.total !== undefined && offset < page.total) {
				return failed(
					`The API listed ${taken} tasks, then an empty page before its TotalCount of ${page.total}`,
					`The page at Offset ${offset} is empty although TotalCount is ${page.total}: the API stops paging early or miscounts. Narrow the time range so that fewer pages are needed.`,
				);
			}
			break;
		}
		const next = offset + page.tasks.length;
		if (left === 0) {
			const short = page.tasks.length < limit;
			// Full pages beyond TotalCount: it is stale, go on until a short page.
			if (page.total === undefined || next > page.total ? short : next === page.total) break;
		}
		// Tasks that left before this offset moved the rest back: re-read from as far back.
		offset = left > 0 ? Math.max(start, offset - left) : next;
	}
	// The list ended, its count never changed, yet fewer tasks came: the order changed between
	// calls (tasks created in the same second can swap places) and some were on no page.
	if (taken < max && steadyTotal !== undefined && taken < steadyTotal - start) {
		return failed(
			`The API listed ${taken} different tasks in ${pages} pages, although its TotalCount of ${steadyTotal} did not change`,
			`Some tasks came on two pages and others on none: the order of the list changed between calls (tasks created in the same second can swap places). Raise the Page Size (up to 1000) so that fewer calls are needed, or narrow the time range.`,
		);
	}
	return { tasks, responses };
}
