import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiTarget, RequestSettings, UcdnFunctions } from '../transport';
import type { ApiParams } from '../transport/params';
import type { ListShape, Page, PageRequest } from './page';
import { TASK_LIST, fetchPage } from './page';
import type { PagingProblem, Previous } from './rules';
import {
	MAX_PAGES,
	answeredWhole,
	askAgainFor,
	callBudget,
	emptyTooEarly,
	endReached,
	entryKeys,
	offsetIgnored,
	offsetIgnoredProblem,
	outOfCalls,
	stepBack,
	tasksMissed,
} from './rules';

export type { ListShape, Page, PageRequest } from './page';
export { TASK_LIST, fetchPage } from './page';
export type { PagingProblem } from './rules';
export { MAX_PAGE_SIZE, MAX_PAGES } from './rules';

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
	/** Which list is walked, for its entries' key and its problems' words (default TASK_LIST). */
	shape?: ListShape;
}

export interface PagingResult {
	tasks: IDataObject[];
	/** Every response, in order: the Raw Response output emits them. */
	responses: IDataObject[];
	/** Set when the list cannot be walked soundly: `tasks` are then incomplete. */
	problem?: PagingProblem;
}

/**
 * Pages through a Describe action's list with Offset/Limit until `max` tasks are taken or the
 * list ends (endReached), and takes each task once. The caller pins the time window, so tasks
 * created during the walk cannot enter the list; should some still enter (at the head: the list
 * is newest first) the pages shift and repeat tasks, which are skipped, and the walk goes on to
 * the new TotalCount. When TotalCount shrinks the walk steps back as far (stepBack), so no task
 * slips past. A list whose shape allows it ends with a page larger than asked for (answeredWhole),
 * and one that repeats a page is asked again from the start for more (askAgainFor).
 * Whatever cannot give every task once ends the walk with a `problem`: the API
 * ignores Offset (offsetIgnored), an empty page before TotalCount (emptyTooEarly), more calls
 * than TotalCount justifies (outOfCalls), or an unchanging TotalCount with tasks on no page
 * (tasksMissed). docs/paging.md tells the same for users.
 */
export async function readPages(
	fetch: (request: PageRequest) => Promise<Page>,
	{ offset: start, pageSize: asked, max, onTask, shape = TASK_LIST }: PagingOptions,
): Promise<PagingResult> {
	const tasks: IDataObject[] = [];
	const responses: IDataObject[] = [];
	const take = onTask ?? ((task: IDataObject) => void tasks.push(task));
	const ended = (problem?: PagingProblem) => ({ tasks, responses, ...(problem && { problem }) });
	const seen = new Set<string>();
	let taken = 0;
	let offset = start;
	let previous: Previous | undefined;
	let largestTotal: number | undefined;
	/** The TotalCount while every page has given the same one; undefined once it differs. */
	let steadyTotal: number | undefined;
	let serverPageSize = 0;
	let pages = 0;
	let pageSize = asked;
	while (taken < max) {
		const budget =
			largestTotal === undefined
				? MAX_PAGES
				: callBudget(Math.min(largestTotal - start, max), serverPageSize);
		if (pages >= budget) return ended(outOfCalls(pages, previous, serverPageSize, offset));
		const limit = Math.min(pageSize, max - taken);
		const page = await fetch({ offset, limit });
		pages++;
		if (!onTask) responses.push(page.response);
		const keys = entryKeys(page.tasks, shape.key);
		const content = keys.join('\n');
		if (offsetIgnored(previous, offset, content, page.total)) {
			const larger = shape.oversizedIsWhole ? askAgainFor(pageSize, page.total) : undefined;
			if (larger === undefined)
				return ended(offsetIgnoredProblem(offset, previous?.offset ?? 0, keys.length));
			// From the start for more than came: a short answer is then the whole list.
			pageSize = larger;
			offset = start;
			previous = undefined;
			continue;
		}
		for (const [n, key] of keys.entries()) {
			if (seen.has(key)) continue;
			seen.add(key);
			take(page.tasks[n] as IDataObject);
			if (++taken >= max) break;
		}
		const left = stepBack(previous?.total, page.total);
		const total = page.total ?? previous?.total;
		previous = { offset, content, total };
		if (total !== undefined) largestTotal = Math.max(largestTotal ?? 0, total);
		steadyTotal = pages === 1 || page.total === steadyTotal ? page.total : undefined;
		serverPageSize = Math.max(serverPageSize, page.tasks.length);
		if (page.tasks.length === 0) {
			const early = emptyTooEarly(offset, page.total, taken, shape.noun);
			if (early) return ended(early);
			break;
		}
		if (left === 0 && endReached(offset, page.tasks.length, limit, page.total)) break;
		if (shape.oversizedIsWhole && answeredWhole(offset, page.tasks.length, limit, page.total))
			break;
		// Tasks that left before this offset moved the rest back: re-read from as far back.
		offset = left > 0 ? Math.max(start, offset - left) : offset + page.tasks.length;
	}
	return ended(tasksMissed(taken, { start, max }, steadyTotal, pages, shape.noun));
}

/**
 * The walk over a Describe action with one set of parameters (the TaskIds, the pinned window…),
 * each call adding Offset and Limit. A list it cannot walk soundly comes back with its
 * `problem`, for the caller to report (see pagingError).
 */
export async function readDescribePages(
	this: UcdnFunctions,
	target: ApiTarget,
	action: string,
	params: ApiParams,
	settings: RequestSettings,
	options: PagingOptions,
): Promise<PagingResult> {
	return await readPages(
		async (request) => await fetchPage.call(this, target, action, params, settings, request),
		options,
	);
}

/** Why a walk could not give every task once, as the NodeApiError naming the action. */
export function pagingError(
	this: UcdnFunctions,
	action: string,
	problem: PagingProblem,
	itemIndex: number,
): NodeApiError {
	return new NodeApiError(this.getNode(), { action } as JsonObject, {
		message: `UCloud API ${action}: ${problem.message}`,
		description: problem.description,
		itemIndex,
	});
}

/** Every task of a Describe action's list, each once; a list it cannot walk soundly is a NodeApiError, never a shorter list. */
export async function describeAll(
	this: UcdnFunctions,
	target: ApiTarget,
	action: string,
	params: ApiParams,
	settings: RequestSettings,
	options: PagingOptions,
): Promise<PagingResult> {
	const result = await readDescribePages.call(this, target, action, params, settings, options);
	if (result.problem) throw pagingError.call(this, action, result.problem, settings.itemIndex);
	return result;
}
