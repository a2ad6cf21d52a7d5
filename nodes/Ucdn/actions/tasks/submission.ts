import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ParamValue } from '../../../../credentials/common/ucloud/signing';
import type { CommonOptions } from '../../../shared/parameters/options';
import {
	optionsCollection,
	readRequestSettings,
	readScope,
} from '../../../shared/parameters/options';
import {
	outputChoices,
	readableTimesProperties,
	readOutputSettings,
	READABLE_TIMES,
} from '../../../shared/output/parameters';
import type { Bounds, VersionedSwitch } from '../../../shared/parameters/facts';
import {
	numberProperty,
	optionsProperty,
	readSwitch,
	readWholeNumber,
	versionedBooleanProperties,
} from '../../../shared/parameters/facts';
import { tasksToItems } from '../../../shared/output/items';
import type { RequestSettings } from '../../../shared/transport';
import { ucdnRequest } from '../../../shared/transport';
import { CHECK_NAME } from '../../../shared/domains/purgeCheck';
import type { PurgeKind } from '../../../shared/domains/matching';
import { chunk } from '../../../shared/parameters/lists';
import type { RefreshType } from '../../../shared/parameters/urls';
import {
	readWaitSettings,
	waitProperties,
	WAIT_FOR_COMPLETION,
} from './waitForCompletion/parameters';
import { waitForTasks } from './waitForCompletion/waitForTasks';
import type { Prepared, TaskContext } from '../operation';

/** Check Domains and Quota: on for nodes from version 1.2 on; workflows saved before keep it off. */
export const CHECK_DOMAINS: VersionedSwitch = {
	displayName: CHECK_NAME,
	name: 'checkDomainsAndQuota',
	onFrom: 1.2,
};
/** 30 is the smallest per-call cap the providers document (UCloud SDK and console). */
export const BATCH_SIZE: Bounds = {
	displayName: 'Batch Size',
	name: 'batchSize',
	min: 1,
	max: 1000,
	default: 30,
};
export const OUTPUT = outputChoices({
	task: 'Each finished task as the API returns it, with its URLs in UrlLists',
	url: "Each URL's final state, with its task's TaskId, TaskStatus and TaskCreateTime",
});

/** The parameters of every operation that submits, after its own: the check, Wait for Completion, Output and Options. */
export const submissionProperties: INodeProperties[] = [
	...versionedBooleanProperties(CHECK_DOMAINS, {
		description:
			"Whether to check, before anything is submitted, that every URL's host is an enabled accelerated domain of the account and that the purges of all input items fit in what is left of each domain's daily quota. Costs one read of the domain list and one quota read per domain, once per execution.",
	}),
	...waitProperties,
	optionsProperty(OUTPUT, {
		description: 'How to turn the finished tasks into items',
		displayOptions: { show: { [WAIT_FOR_COMPLETION.name]: [true] } },
	}),
	...readableTimesProperties('', {
		displayOptions: { show: { [WAIT_FOR_COMPLETION.name]: [true] } },
	}),
	optionsCollection(
		[
			numberProperty(BATCH_SIZE, {
				description:
					'URLs per API call. More URLs are split into several calls, each creating its own task. 30 is the smallest cap the providers document; SurferCloud accepts up to 100 for refresh and 1000 for prefetch.',
			}),
		],
		{
			projectId: "Project to submit to instead of the credential's Project ID",
			isDcdn: 'Whether the URLs belong to a whole-site acceleration (DCDN) domain',
		},
	),
];

interface SubmitOptions extends CommonOptions {
	batchSize?: unknown;
}

/** What to submit for one item, read and checked before any request is made. */
export interface Submission {
	urls: string[];
	/** The parameter the URLs come from, for the check's errors. */
	parameter: string;
	type?: RefreshType;
	/** What the URLs count against in the domains' daily quota. */
	kind: PurgeKind;
}

/** How item `i` submits, from the parameters every submitting operation shares, read and checked. */
export interface SubmitSettings {
	batchSize: number;
	scope: Record<string, ParamValue>;
	requestSettings: RequestSettings;
	wait?: Batches['wait'];
	/** Check Domains and Quota is on. */
	checked: boolean;
	/** Whole-Site Acceleration is on: the domain list need not hold the URLs' domains. */
	wholeSite: boolean;
}

/** Reads and checks item `i`'s shared parameters (before the operation finds its URLs). */
export function readSubmitSettings(this: IExecuteFunctions, i: number): SubmitSettings {
	const options = this.getNodeParameter('options', i, {}) as SubmitOptions;
	const settings = readWaitSettings.call(this, i);
	const scope = readScope(options);
	return {
		batchSize: readWholeNumber(options.batchSize ?? BATCH_SIZE.default, BATCH_SIZE),
		scope,
		requestSettings: readRequestSettings(options, i),
		wait: settings && {
			settings,
			output: readOutputSettings(
				OUTPUT,
				this.getNodeParameter(OUTPUT.name, i, OUTPUT.default),
				this.getNodeParameter(READABLE_TIMES.name, i),
				this.getTimezone(),
			),
		},
		checked: readSwitch(this.getNodeParameter(CHECK_DOMAINS.name, i, false), CHECK_DOMAINS),
		wholeSite: scope.IsDcdn === true,
	};
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

interface Batches {
	batches: string[][];
	type?: RefreshType;
	scope: Record<string, ParamValue>;
	wait?: {
		settings: NonNullable<ReturnType<typeof readWaitSettings>>;
		output: ReturnType<typeof readOutputSettings>;
	};
	requestSettings: RequestSettings;
}

/** Submits each batch as one call (each creates a task, recorded in the ledger), then waits if asked. */
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
			{ ...requestSettings, createsTasks: true, part },
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
		context.ledger.record(taskId);
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
