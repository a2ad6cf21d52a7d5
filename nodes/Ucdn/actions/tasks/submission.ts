import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { PurgeKind } from '../../../shared/domains/matching';
import { CHECK_NAME } from '../../../shared/domains/purgeCheck';
import { tasksToItems } from '../../../shared/output/items';
import { chunk } from '../../../shared/parameters/lists';
import type { RefreshType } from '../../../shared/parameters/urls';
import type { NamedCause, RequestSettings } from '../../../shared/transport';
import { ucdnRequest } from '../../../shared/transport';
import type { Scope } from '../../../shared/transport/params';
import type { Prepared, TaskContext } from '../operation';
import type { SubmitSettings, SubmitWait } from './submitParameters';
import { waitForTasks } from './waitForCompletion/waitForTasks';

/** What to submit for one item, read and checked before any request is made. */
export interface Submission {
	urls: string[];
	/** The parameter the URLs come from, for the check's errors. */
	parameter: string;
	type?: RefreshType;
	/** What the URLs count against in the domains' daily quota. */
	kind: PurgeKind;
}

/**
 * Item `i`, ready: it submits `submission` in batches (see Prepared) and, with Check Domains
 * and Quota on, tells the check what it would purge.
 */
export function prepareSubmission(
	this: IExecuteFunctions,
	i: number,
	{ urls, parameter, type, kind }: Submission,
	{ batchSize, scope, requestSettings, wait, checked, wholeSite }: SubmitSettings,
	context: TaskContext,
): Prepared {
	const batches = chunk(urls, batchSize);
	return {
		run: async () =>
			await submit.call(this, i, { batches, type, scope, wait, requestSettings }, context),
		...(checked && {
			purge: { urls, parameter, kind, scope, settings: requestSettings, wholeSite },
		}),
	};
}

const SUBMIT_CLOCK_MARGIN_SECONDS = 3600;

/**
 * What a refused purge's Message may name: no source documents the RetCodes of a used-up daily
 * quota or of a host the account does not accelerate, so the Message's words tell.
 */
const PURGE_CAUSES: readonly NamedCause[] = [
	{
		words: /quota/i,
		hint: `The API's message mentions a quota: a domain's daily purge quota may be used up. Domain → Get Quota shows what is left; ${CHECK_NAME} refuses such purges before anything is sent.`,
	},
	{
		words: /domain/i,
		hint: "The API's message mentions a domain: check that every URL's host is an enabled accelerated domain of this account and project (Domain → Get Many).",
	},
];

interface Batches {
	batches: string[][];
	type?: RefreshType;
	scope: Scope;
	wait?: SubmitWait;
	requestSettings: RequestSettings;
}

/** Submits each batch as one call (each creates a task, recorded in createdTasks), then waits if asked. */
async function submit(
	this: IExecuteFunctions,
	i: number,
	{ batches, type, scope, wait, requestSettings }: Batches,
	context: TaskContext,
): Promise<INodeExecutionData[]> {
	const action = context.resource.submitAction;
	const submitted: IDataObject[] = [];
	const startedAt = Math.floor(Date.now() / 1000);
	for (const [n, urls] of batches.entries()) {
		// Earlier batches did create tasks: the router's error names them, this says where it stopped.
		const part = n > 0 ? `batch ${n + 1} of ${batches.length}` : undefined;
		const response = await ucdnRequest.call(
			this,
			context.target,
			action,
			{ ...scope, Type: type, UrlList: urls },
			{ ...requestSettings, part, causes: PURGE_CAUSES },
		);
		const taskId = response.TaskId;
		if (typeof taskId !== 'string' || taskId === '') {
			throw new NodeApiError(this.getNode(), { action } as JsonObject, {
				message: `UCloud API ${action} answered RetCode 0 without a TaskId${part ? ` (${part})` : ''}`,
				description:
					'The URLs may have been submitted. Check with Describe Tasks before submitting them again.',
				itemIndex: i,
			});
		}
		context.createdTasks.record(taskId);
		submitted.push({ TaskId: taskId, Urls: urls, ...(type ? { Type: type } : {}), Action: action });
	}

	if (!wait) return submitted.map((json) => ({ json, pairedItem: { item: i } }));
	const taskIds = submitted.map((call) => call.TaskId as string);
	// Left to the API, each check would list only tasks created in its last 24 hours, and a wait
	// may last longer. An hour's margin covers an API clock behind n8n's.
	const since = { BeginTime: startedAt - SUBMIT_CLOCK_MARGIN_SECONDS };
	const { tasks, responses } = await waitForTasks.call(
		this,
		context,
		requestSettings,
		taskIds,
		{ ...scope, ...since },
		wait.settings,
	);
	return tasksToItems(wait.output, tasks, responses, i);
}
