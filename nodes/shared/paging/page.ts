import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiTarget, RequestSettings, UcdnFunctions } from '../transport';
import { secretsOf, ucdnRequest } from '../transport';
import type { ApiParams } from '../transport/params';
import { preview } from '../transport/redact';

/** Where a call of the walk reads: Offset and Limit. */
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

/** Which list a paged action answers: its field, what identifies an entry, and what an entry is called. */
export interface ListShape {
	field: string;
	key: string;
	noun: string;
	/**
	 * A page holding more entries than were asked for, with no TotalCount saying there are more,
	 * is the whole list: an API that ignores Offset and Limit answers it whole on every call.
	 */
	oversizedIsWhole?: boolean;
}

/** The Describe actions' list of tasks. */
export const TASK_LIST: ListShape = { field: 'TaskList', key: 'TaskId', noun: 'task' };

/**
 * Reads a paged response (a Describe's by default). An absent list is an empty page (the API
 * omits it when nothing matches); anything else that is not a list makes the response unreadable.
 */
export function readPage(
	response: IDataObject,
	{ field, noun }: ListShape = TASK_LIST,
): Page | { problem: string } {
	const list = response[field] ?? [];
	if (!Array.isArray(list)) return { problem: `${field} is ${typeof list}, not a list` };
	const bad = list.findIndex(
		(task) => task === null || typeof task !== 'object' || Array.isArray(task),
	);
	if (bad !== -1) return { problem: `${field} entry ${bad + 1} is not a ${noun} object` };
	const count =
		typeof response.TotalCount === 'string' ? Number(response.TotalCount) : response.TotalCount;
	const total = typeof count === 'number' && Number.isFinite(count) ? count : undefined;
	return { tasks: list as IDataObject[], total, response };
}

/** One call of a paged action at `request`, read as a page; a response that cannot be read is a NodeApiError. */
export async function fetchPage(
	this: UcdnFunctions,
	target: ApiTarget,
	action: string,
	params: ApiParams,
	settings: RequestSettings,
	{ offset, limit }: PageRequest,
	shape: ListShape = TASK_LIST,
): Promise<Page> {
	const sent = { ...params, Offset: offset, Limit: limit };
	const response = await ucdnRequest.call(this, target, action, sent, settings);
	const page = readPage(response, shape);
	if ('problem' in page) {
		throw new NodeApiError(this.getNode(), { action } as JsonObject, {
			message: `UCloud API ${action} returned a ${shape.noun} list that cannot be read`,
			description: `${page.problem}. HTTP 200, body: ${preview(response, secretsOf(target, action, sent))}`,
			itemIndex: settings.itemIndex,
		});
	}
	return page;
}
