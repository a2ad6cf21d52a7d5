import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { URL_SEPARATORS, chunk, parseList } from '../helpers/lists';
import { choice, flag, wholeNumber } from '../../shared/helpers/values';
import type { OutputMode } from '../../shared/helpers/output';
import type { RefreshType } from '../helpers/urls';
import { validateUrls } from '../helpers/urls';
import { ucdnRequest } from '../../shared/transport';
import type { OperationContext } from './context';
import {
	readRequestSettings,
	readScope,
	withCommonOptions,
} from '../../shared/descriptions/options';
import { tasksToItems } from '../../shared/tasks';
import { readWaitSettings, waitForTasks, waitProperties } from './wait';

/** The smallest per-call cap the providers document (UCloud SDK and console). */
const DEFAULT_BATCH_SIZE = 30;
const MAX_BATCH_SIZE = 1000;

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
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
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
		description: 'What each URL stands for',
		displayOptions: { show: { resource: ['refresh'] } },
	},
	...waitProperties,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'One Item per Task',
				value: 'task',
				description: 'Each finished task as the API returns it, with its URLs in UrlLists',
			},
			{
				name: 'One Item per URL',
				value: 'url',
				description:
					"Each URL's final state, with its task's TaskId, TaskStatus and TaskCreateTime",
			},
		],
		default: 'task',
		description: 'How to turn the finished tasks into items',
		displayOptions: { show: { waitForCompletion: [true] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: withCommonOptions(
			[
				{
					displayName: 'Batch Size',
					name: 'batchSize',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
					default: DEFAULT_BATCH_SIZE,
					description:
						'URLs per API call. More URLs are split into several calls, each creating its own task. 30 is the smallest cap the providers document; SurferCloud accepts up to 100 for refresh and 1000 for prefetch.',
				},
			],
			{
				projectId: "Project to submit to instead of the credential's Project ID",
				isDcdn: 'Whether the URLs belong to a whole-site acceleration (DCDN) domain',
			},
		),
	},
];

export const description = updateDisplayOptions({ show: { operation: ['submit'] } }, properties);

interface SubmitOptions {
	batchSize?: unknown;
	projectId?: unknown;
	isDcdn?: unknown;
	retries?: unknown;
	requestTimeout?: unknown;
}

/** Reads and checks every parameter of one item, before any request is made. */
function readSubmission(this: IExecuteFunctions, i: number, { resource }: OperationContext) {
	const urls = parseList(this.getNodeParameter('urls', i, ''), 'URLs', URL_SEPARATORS);
	const type = resource.takesType
		? choice<RefreshType>(this.getNodeParameter('type', i, 'file'), 'Type', ['file', 'dir', 'm3u8'])
		: undefined;
	validateUrls(urls, { type, filesOnly: !resource.takesType });
	const options = this.getNodeParameter('options', i, {}) as SubmitOptions;
	const batchSize = wholeNumber(
		options.batchSize ?? DEFAULT_BATCH_SIZE,
		'Batch Size',
		1,
		MAX_BATCH_SIZE,
	);
	const scope = readScope(options);
	const wait = flag(this.getNodeParameter('waitForCompletion', i, false), 'Wait for Completion')
		? {
				settings: readWaitSettings.call(this, i),
				output: choice<OutputMode>(this.getNodeParameter('output', i, 'task'), 'Output', [
					'task',
					'url',
				]),
			}
		: undefined;
	return {
		batches: chunk(urls, batchSize),
		type,
		scope,
		wait,
		request: readRequestSettings(options, i),
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

async function execute(
	this: IExecuteFunctions,
	i: number,
	{ batches, type, scope, wait, request }: ReturnType<typeof readSubmission>,
	context: OperationContext,
): Promise<INodeExecutionData[]> {
	const action = context.resource.submitAction;
	const submitted: IDataObject[] = [];
	for (const [n, urls] of batches.entries()) {
		// Earlier batches did create tasks: the router's error names them, this says where it stopped.
		const where = n > 0 ? ` (batch ${n + 1} of ${batches.length})` : '';
		let taskId: unknown;
		try {
			const response = await ucdnRequest.call(
				this,
				context.target,
				action,
				{ ...scope, Type: type, UrlList: urls },
				{ ...request, createsTasks: true },
			);
			taskId = response.TaskId;
		} catch (error) {
			if (error instanceof NodeApiError) error.message += where;
			// Re-wrapping a NodeApiError hands back the same error.
			throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex: i });
		}
		if (typeof taskId !== 'string' || taskId === '') {
			throw new NodeApiError(this.getNode(), { action } as JsonObject, {
				message: `UCloud API ${action} answered RetCode 0 without a TaskId${where}`,
				description:
					'The URLs may have been submitted. Check with Describe Tasks before submitting them again.',
				itemIndex: i,
			});
		}
		context.createdTaskIds.push(taskId);
		submitted.push({ TaskId: taskId, Urls: urls, ...(type ? { Type: type } : {}), Action: action });
	}

	if (!wait) return submitted.map((json) => ({ json, pairedItem: { item: i } }));
	const taskIds = submitted.map((call) => call.TaskId as string);
	const { tasks, response } = await waitForTasks.call(
		this,
		context,
		request,
		taskIds,
		scope,
		wait.settings,
	);
	return tasksToItems(wait.output, tasks, [response], i);
}
