import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ParameterError } from '../../shared/helpers/errors';
import { parseList } from '../helpers/lists';
import { checkEntries, choice, flag, wholeNumber } from '../../shared/helpers/values';
import type { OutputMode } from '../../shared/helpers/output';
import type { TimeRangeMode } from '../../shared/helpers/time';
import { pinWindow, resolveTimeRange } from '../../shared/helpers/time';
import type { ParamValue } from '../../../credentials/common/ucloud/signing';
import type { OperationContext } from './context';
import {
	readRequestSettings,
	readScope,
	withCommonOptions,
} from '../../shared/descriptions/options';
import { describeTaskPages, tasksToItems } from '../../shared/tasks';
import { readWaitSettings, waitForTasks, waitProperties } from './wait';

const MAX_PAGE_SIZE = 1000;
const MAX_LIMIT = 1_000_000;

const properties: INodeProperties[] = [
	{
		displayName: 'Task IDs',
		name: 'taskIds',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: '20190121141137_4d8031d5, 20190121141138_9f00aa12',
		description:
			'Only these tasks. Separate IDs with commas, spaces or new lines, or use an expression that returns one ID or a list of them, such as the TaskId field of earlier items. Leave empty for all tasks in the time range.',
	},
	{
		displayName: 'Time Range',
		name: 'timeRange',
		type: 'options',
		options: [
			{
				name: 'Default (Last 24 Hours)',
				value: 'default',
				description: "The API's default: tasks created in the last 24 hours",
			},
			{ name: 'Last N Hours', value: 'lastHours' },
			{ name: 'Last N Days', value: 'lastDays' },
			{ name: 'Custom', value: 'custom', description: 'Tasks created between two dates' },
		],
		default: 'default',
		description: 'Which tasks to include, by the time they were created',
	},
	{
		displayName: 'Hours',
		name: 'hours',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 24,
		description: 'Tasks created in this many hours before now',
		displayOptions: { show: { timeRange: ['lastHours'] } },
	},
	{
		displayName: 'Days',
		name: 'days',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 7,
		description: 'Tasks created in this many days before now',
		displayOptions: { show: { timeRange: ['lastDays'] } },
	},
	{
		displayName: 'Begin Time',
		name: 'beginTime',
		type: 'dateTime',
		default: '',
		description:
			"Tasks created at or after this time, in the workflow's timezone unless the value names a zone. Expressions may give an ISO date, a Luxon DateTime or Unix seconds.",
		displayOptions: { show: { timeRange: ['custom'] } },
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		description: 'Tasks created at or before this time. Leave empty for now.',
		displayOptions: { show: { timeRange: ['custom'] } },
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'Failed', value: 'failure' },
			{ name: 'Processing', value: 'process' },
			{ name: 'Success', value: 'success' },
			{ name: 'Unknown', value: 'unknow' },
			{ name: 'Waiting', value: 'wait' },
		],
		default: 'all',
		description: 'Only tasks in this state',
		displayOptions: { show: { waitForCompletion: [false] } },
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: { waitForCompletion: [false] } },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false], waitForCompletion: [false] } },
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
				description: 'Each task as the API returns it, with its URLs in UrlLists',
			},
			{
				name: 'One Item per URL',
				value: 'url',
				description: "Each URL's progress, with its task's TaskId, TaskStatus and TaskCreateTime",
			},
			{
				name: 'Raw Response',
				value: 'raw',
				description: 'Each API response as returned: TotalCount and TaskList',
			},
		],
		default: 'task',
		description: 'How to turn the tasks into items',
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
					displayName: 'Offset',
					name: 'offset',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description: 'Number of matching tasks to skip, newest first',
				},
				{
					displayName: 'Page Size',
					name: 'pageSize',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
					default: 100,
					description: 'Tasks fetched per API call',
				},
			],
			{
				projectId: "Project to query instead of the credential's Project ID",
				isDcdn: 'Whether to query whole-site acceleration (DCDN) tasks instead of CDN tasks',
			},
		),
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['describeTasks'] } },
	properties,
);

const STATUSES = ['all', 'success', 'wait', 'process', 'failure', 'unknow'] as const;
/** Task IDs per item: every one goes into each request, and each poll while waiting. */
const MAX_TASK_IDS = 1000;

interface DescribeOptions {
	offset?: unknown;
	pageSize?: unknown;
	projectId?: unknown;
	isDcdn?: unknown;
	retries?: unknown;
	requestTimeout?: unknown;
}

/** Reads and checks every parameter of one item, before any request is made. */
function readQuery(this: IExecuteFunctions, i: number) {
	const taskIds = parseList(this.getNodeParameter('taskIds', i, ''), 'Task IDs');
	checkEntries(taskIds, 'Task IDs', { max: MAX_TASK_IDS, maxLength: 128 });
	const mode = this.getNodeParameter('timeRange', i) as TimeRangeMode;
	const nowMs = Date.now();
	const window = resolveTimeRange(
		{
			mode,
			hours: mode === 'lastHours' ? this.getNodeParameter('hours', i) : undefined,
			days: mode === 'lastDays' ? this.getNodeParameter('days', i) : undefined,
			begin: mode === 'custom' ? this.getNodeParameter('beginTime', i, '') : undefined,
			end: mode === 'custom' ? this.getNodeParameter('endTime', i, '') : undefined,
		},
		nowMs,
		this.getTimezone(),
	);
	const options = this.getNodeParameter('options', i, {}) as DescribeOptions;
	const scope: Record<string, ParamValue> = {
		...window,
		...readScope(options),
	};
	const output = choice<OutputMode>(this.getNodeParameter('output', i), 'Output', [
		'task',
		'url',
		'raw',
	]);
	const request = readRequestSettings(options, i);

	if (flag(this.getNodeParameter('waitForCompletion', i, false), 'Wait for Completion')) {
		if (taskIds.length === 0)
			throw new ParameterError('Task IDs', 'are required to wait for completion');
		return { taskIds, scope, output, request, wait: readWaitSettings.call(this, i) };
	}
	const status = choice(this.getNodeParameter('status', i), 'Status', STATUSES);
	const returnAll = flag(this.getNodeParameter('returnAll', i), 'Return All');
	const paging = {
		offset: wholeNumber(options.offset ?? 0, 'Offset', 0, MAX_LIMIT),
		pageSize: wholeNumber(options.pageSize ?? 100, 'Page Size', 1, MAX_PAGE_SIZE),
		max: returnAll
			? Infinity
			: wholeNumber(this.getNodeParameter('limit', i), 'Limit', 1, MAX_LIMIT),
	};
	// A list walked page by page is pinned to one window, so new tasks cannot shift it. Task IDs
	// fix the list already, and keep tasks created this second (or by a server clock ahead) in.
	const params = {
		...scope,
		...(taskIds.length === 0 ? pinWindow(window, nowMs) : {}),
		TaskId: taskIds,
		Status: status === 'all' ? undefined : status,
	};
	return { taskIds, scope, output, request, params, paging };
}

/** Reads and checks item `i`'s parameters; what it returns runs the query. */
export function prepare(
	this: IExecuteFunctions,
	i: number,
	context: OperationContext,
): () => Promise<INodeExecutionData[]> {
	const query = readQuery.call(this, i);
	return async () => await execute.call(this, i, query, context);
}

async function execute(
	this: IExecuteFunctions,
	i: number,
	query: ReturnType<typeof readQuery>,
	context: OperationContext,
): Promise<INodeExecutionData[]> {
	if (query.wait) {
		const { tasks, response } = await waitForTasks.call(
			this,
			context,
			query.request,
			query.taskIds,
			query.scope,
			query.wait,
		);
		return tasksToItems(query.output, tasks, [response], i);
	}
	const { target, resource } = context;
	const result = await describeTaskPages.call(
		this,
		target,
		resource.describeAction,
		query.params,
		query.request,
		query.paging,
	);
	return tasksToItems(query.output, result.tasks, result.responses, i);
}
