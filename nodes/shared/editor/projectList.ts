import type {
	IDataObject,
	ILoadOptionsFunctions,
	INode,
	INodeListSearchItems,
	INodeListSearchResult,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { withNotes } from '../errors';
import type { RequestSettings } from '../transport';
import { ACTIONS, NO_PERMISSION, getApiTarget, isTimeout, ucdnRequest } from '../transport';
import { isObject } from '../transport/answer';

/** UAccount's list of the account's projects; see the simulator's header for its shape. */
export const PROJECT_LIST_ACTION = ACTIONS.projectList.name;
const BY_ID = 'pick By ID and enter the project ID';
/**
 * The editor's dropdown waits on the list, and By ID needs none: one retry at most, 5 s a try,
 * where a node's calls may wait minutes (Retries and Request Timeout).
 */
export const LIST_SETTINGS: RequestSettings = { itemIndex: 0, retries: 1, timeoutMs: 5000 };

const LIST_TRIES = LIST_SETTINGS.retries + 1;
/**
 * A timeout of a list (made with LIST_SETTINGS), in words, and what to do `instead`: the nodes'
 * advice, to raise their Request Timeout, does not apply.
 */
const listGaveUp = (instead: string): string =>
	`The list gave up after ${LIST_TRIES} ${LIST_TRIES === 1 ? 'try' : 'tries'}, ${LIST_SETTINGS.timeoutMs / 1000} s each: ${instead} instead.`;

/** A field of the answer as text, trimmed; '' when it is no text (an object would read "[object Object]"). */
function text(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** The projects whose name or ID contains `filter` (any case), the default one first and marked. */
export function projectResults(projectSet: unknown, filter = ''): INodeListSearchItems[] {
	const wanted = filter.trim().toLowerCase();
	const projects = Array.isArray(projectSet) ? (projectSet as unknown[]).filter(isObject) : [];
	return projects
		.map(({ ProjectId, ProjectName, IsDefault }) => ({
			id: text(ProjectId),
			name: text(ProjectName),
			isDefault: IsDefault === true,
		}))
		.filter(({ id, name }) => id !== '' && `${name}\n${id}`.toLowerCase().includes(wanted))
		.sort((a, b) => Number(b.isDefault) - Number(a.isDefault))
		.map(({ id, name, isDefault }) => ({
			name: `${name ? `${name} (${id})` : id}${isDefault ? ', the default project' : ''}`,
			value: id,
		}));
}

/**
 * A failure of an editor list (a From List mode), as the list words it: made anew from
 * ucdnRequest's error, since an error is not changed after it was made. A timeout says the list
 * gave up, a key refused the call gets `refused`'s words, and any other failure points to
 * `instead`, a mode that needs no list. What is no NodeApiError, a fault of the code, is wrapped
 * as it is.
 */
export function listFailure(
	node: INode,
	caught: unknown,
	instead: string,
	refused: (error: NodeApiError) => { message: string; description: string },
): NodeApiError {
	if (!(caught instanceof NodeApiError)) return new NodeApiError(node, caught as JsonObject);
	const response = caught.errorResponse ?? {};
	if (response.RetCode === NO_PERMISSION) return new NodeApiError(node, response, refused(caught));
	const description = isTimeout(caught)
		? listGaveUp(instead)
		: withNotes(caught.description, `The list is optional: ${instead} instead.`);
	return new NodeApiError(node, response, { message: caught.message, description });
}

/**
 * The From List mode of Project ID: the account's projects, as the credential's key may list
 * them. When it may not, or the call fails, the error says so and points to By ID, which needs
 * no list.
 */
export async function searchProjects(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const target = await getApiTarget.call(this);
	let answer: IDataObject;
	try {
		// GetProjectList is not scoped by a project: the credential's Project ID is not sent.
		answer = await ucdnRequest.call(
			this,
			{ ...target, defaultProjectId: undefined },
			PROJECT_LIST_ACTION,
			{},
			LIST_SETTINGS,
		);
	} catch (caught) {
		throw listFailure(this.getNode(), caught, BY_ID, (error) => ({
			message: `This key may not list projects (RetCode ${NO_PERMISSION}): ${BY_ID}`,
			description: `${error.message}. The key's user needs permission for ${PROJECT_LIST_ACTION} (UAccount) to fill this list; By ID works without it.`,
		}));
	}
	return { results: projectResults(answer.ProjectSet, filter) };
}
