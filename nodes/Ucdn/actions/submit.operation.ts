import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import type { CommonOptions } from '../../shared/descriptions/options';
import {
	optionsCollection,
	readRequestSettings,
	readScope,
} from '../../shared/descriptions/options';
import {
	outputChoices,
	readableTimesProperties,
	readOutputSettings,
	READABLE_TIMES,
} from '../../shared/descriptions/output';
import type { Bounds, Choices } from '../../shared/descriptions/parameters';
import {
	numberProperty,
	optionsProperty,
	readChoice,
	readWholeNumber,
} from '../../shared/descriptions/parameters';
import { ucdnRequest } from '../../shared/transport';
import { URL_SEPARATORS, chunk, parseList } from '../helpers/lists';
import type { RefreshType } from '../helpers/urls';
import { validateUrls } from '../helpers/urls';
import { tasksToItems } from '../../shared/helpers/items';
import { readWaitSettings, waitProperties, WAIT_FOR_COMPLETION } from '../wait/parameters';
import { waitForTasks } from '../wait/waitForTasks';
import type { OperationContext } from './context';

/** Each batch creates a task: the router's errors name them (see TaskLedger). */
export const createsTasks = true;

export const TYPE: Choices<RefreshType> = {
	displayName: 'Type',
	name: 'type',
	options: [
		{ name: 'File', value: 'file', description: 'Purge exactly these URLs' },
		{
			name: 'Directory',
			value: 'dir',
			description: 'Purge everything under each URL; the URLs must end with /',
		},
		{ name: 'M3U8', value: 'm3u8', description: 'Purge HLS playlists and their segments' },
	],
	default: 'file',
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

const properties: INodeProperties[] = [
	{
		displayName: 'URLs',
		name: 'urls',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'https://www.example.com/index.html\nhttps://www.example.com/assets/',
		description:
			'Full URLs starting with http:// or https://, one per line (or separated by spaces, or by commas before the next URL). An expression may return one URL or a list of them. Duplicates are sent once.',
	},
	optionsProperty(TYPE, {
		description: 'What each URL stands for',
		displayOptions: { show: { resource: ['refresh'] } },
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

export const description = updateDisplayOptions({ show: { operation: ['submit'] } }, properties);

interface SubmitOptions extends CommonOptions {
	batchSize?: unknown;
}

/** Reads and checks every parameter of one item, before any request is made. */
function readSubmission(this: IExecuteFunctions, i: number, { resource }: OperationContext) {
	const urls = parseList(this.getNodeParameter('urls', i, ''), 'URLs', URL_SEPARATORS);
	const type = resource.takesType
		? readChoice(this.getNodeParameter(TYPE.name, i, TYPE.default), TYPE)
		: undefined;
	validateUrls(urls, { type, filesOnly: resource.filesOnly });
	const options = this.getNodeParameter('options', i, {}) as SubmitOptions;
	const batchSize = readWholeNumber(options.batchSize ?? BATCH_SIZE.default, BATCH_SIZE);
	const scope = readScope(options);
	const settings = readWaitSettings.call(this, i);
	const wait = settings && {
		settings,
		output: readOutputSettings(
			OUTPUT,
			this.getNodeParameter(OUTPUT.name, i, OUTPUT.default),
			this.getNodeParameter(READABLE_TIMES.name, i),
			this.getTimezone(),
		),
	};
	return {
		batches: chunk(urls, batchSize),
		type,
		scope,
		wait,
		requestSettings: readRequestSettings(options, i),
	};
}

/** Reads and checks item `i`'s parameters; what it returns submits the item. */
export function prepare(
	this: IExecuteFunctions,
	i: number,
	context: OperationContext,
): () => Promise<INodeExecutionData[]> {
	const submission = readSubmission.call(this, i, context);
	return async () => await execute.call(this, i, submission, context);
}

const SUBMIT_CLOCK_MARGIN_SECONDS = 3600;

async function execute(
	this: IExecuteFunctions,
	i: number,
	{ batches, type, scope, wait, requestSettings }: ReturnType<typeof readSubmission>,
	context: OperationContext,
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
