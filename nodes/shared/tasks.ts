import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { DescribeResult, Page, PagingOptions, PagingProblem } from './helpers/pagination';
import { describePages, readPage } from './helpers/pagination';
import type { ApiTarget, RequestSettings, UcdnFunctions } from './transport';
import { secretsOf, ucdnRequest } from './transport';
import { preview } from './transport/redact';
import type { ParamValue } from '../../credentials/common/ucloud/signing';

/** One Describe call, read as a page of tasks; a response that cannot be read is a NodeApiError. */
export async function fetchTaskPage(
	this: UcdnFunctions,
	target: ApiTarget,
	action: string,
	params: Record<string, ParamValue>,
	settings: RequestSettings,
): Promise<Page> {
	const response = await ucdnRequest.call(this, target, action, params, settings);
	const page = readPage(response);
	if ('problem' in page) {
		throw new NodeApiError(this.getNode(), { action } as JsonObject, {
			message: `UCloud API ${action} returned a task list that cannot be read`,
			description: `${page.problem}. HTTP 200, body: ${preview(response, secretsOf(target, action, params))}`,
			itemIndex: settings.itemIndex,
		});
	}
	return page;
}

/**
 * Every page of a Describe action (see describePages), with one set of parameters. A list the
 * API cannot page soundly comes back with its `problem` set, for the caller to report with
 * pagingError: describeTaskPages does so at once.
 */
export async function walkTaskPages(
	this: UcdnFunctions,
	target: ApiTarget,
	action: string,
	params: Record<string, ParamValue>,
	settings: RequestSettings,
	paging: PagingOptions,
): Promise<DescribeResult> {
	return await describePages(
		async ({ offset, limit }) =>
			await fetchTaskPage.call(
				this,
				target,
				action,
				{ ...params, Offset: offset, Limit: limit },
				settings,
			),
		paging,
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

/**
 * Every page of a Describe action (see describePages), with one set of parameters; a list the
 * API cannot page soundly is a NodeApiError naming the action, never a shorter list.
 */
export async function describeTaskPages(
	this: UcdnFunctions,
	target: ApiTarget,
	action: string,
	params: Record<string, ParamValue>,
	settings: RequestSettings,
	paging: PagingOptions,
): Promise<DescribeResult> {
	const result = await walkTaskPages.call(this, target, action, params, settings, paging);
	if (result.problem) throw pagingError.call(this, action, result.problem, settings.itemIndex);
	return result;
}
