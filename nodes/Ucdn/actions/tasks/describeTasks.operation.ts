import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ParameterError } from '../../../shared/errors';
import { taskItems, tasksToItems } from '../../../shared/output/items';
import {
	READABLE_TIMES,
	outputChoices,
	readOutputSettings,
	readableTimesProperties,
} from '../../../shared/output/parameters';
import { MAX_PAGE_SIZE, describeAll } from '../../../shared/paging';
import { limitBounds, readMax, returnAllProperties } from '../../../shared/paging/parameters';
import type { Bounds, Choices } from '../../../shared/parameters/facts';
import {
	numberProperty,
	optionsProperty,
	readChoice,
	readWholeNumber,
} from '../../../shared/parameters/facts';
import type { CommonOptions } from '../../../shared/parameters/options';
import {
	optionsCollection,
	readRequestSettings,
	readScope,
} from '../../../shared/parameters/options';
import {
	pinWindow,
	readTimeRange,
	timeRangeProperties,
} from '../../../shared/parameters/timeRange';
import type { ApiParams } from '../../../shared/transport/params';
import type { Prepared, TaskContext } from '../operation';
import { TASK_IDS, readTaskIds, taskIdsProperty } from './taskIds';
import {
	WAIT_FOR_COMPLETION,
	readWaitSettings,
	waitProperties,
} from './waitForCompletion/parameters';
import { waitForTasks } from './waitForCompletion/waitForTasks';

export const option = {
	name: 'Describe Tasks',
	value: 'describeTasks',
	description: 'Get tasks with their status and the progress of each URL',
	action: 'Describe tasks',
};

/** Describe Tasks only reads. */
export const createsTasks = false;

/** The most tasks a list may skip or return. */
const MAX_TASKS = 1_000_000;

export const STATUS: Choices<string> = {
	displayName: 'Status',
	name: 'status',
	options: [
		{ name: 'All', value: 'all' },
		{ name: 'Failed', value: 'failure' },
		{ name: 'Processing', value: 'process' },
		{ name: 'Success', value: 'success' },
		{ name: 'Unknown', value: 'unknow' },
		{ name: 'Waiting', value: 'wait' },
	],
	default: 'all',
};
export const LIMIT = limitBounds(MAX_TASKS);
export const OFFSET: Bounds = {
	displayName: 'Offset',
	name: 'offset',
	min: 0,
	max: MAX_TASKS,
	default: 0,
};
export const PAGE_SIZE: Bounds = {
	displayName: 'Page Size',
	name: 'pageSize',
	min: 1,
	max: MAX_PAGE_SIZE,
	default: 100,
};
export const OUTPUT = outputChoices({
	task: 'Each task as the API returns it, with its URLs in UrlLists',
	url: "Each URL's progress, with its task's TaskId, TaskStatus and TaskCreateTime",
	raw: 'Each API response as returned: TotalCount and TaskList',
});

const listing = { show: { [WAIT_FOR_COMPLETION.name]: [false] } };

const properties: INodeProperties[] = [
	taskIdsProperty,
	...timeRangeProperties({
		what: 'Tasks created',
		which: 'Which tasks to include, by the time they were created',
	}),
	optionsProperty(STATUS, { description: 'Only tasks in this state', displayOptions: listing }),
	...returnAllProperties(LIMIT, listing.show),
	...waitProperties,
	optionsProperty(OUTPUT, { description: 'How to turn the tasks into items' }),
	...readableTimesProperties('Raw Response output stays as the API returned it.'),
	optionsCollection(
		[
			numberProperty(OFFSET, { description: 'Number of matching tasks to skip, newest first' }),
			numberProperty(PAGE_SIZE, { description: 'Tasks fetched per API call' }),
		],
		{
			projectId: "Project to query instead of the credential's Project ID",
			isDcdn: 'Whether to query whole-site acceleration (DCDN) tasks instead of CDN tasks',
		},
	),
];

export const description = updateDisplayOptions(
	{ show: { operation: [option.value] } },
	properties,
);

interface DescribeOptions extends CommonOptions {
	offset?: unknown;
	pageSize?: unknown;
}

/** Reads and checks every parameter of one item, before any request is made. */
function readQuery(this: IExecuteFunctions, i: number) {
	const taskIds = readTaskIds(this.getNodeParameter(TASK_IDS.name, i, ''));
	const nowMs = Date.now();
	const window = readTimeRange.call(this, i, nowMs);
	const options = this.getNodeParameter('options', i, {}) as DescribeOptions;
	const scope: ApiParams = {
		...window,
		...readScope(options),
	};
	const output = readOutputSettings(
		OUTPUT,
		this.getNodeParameter(OUTPUT.name, i),
		this.getNodeParameter(READABLE_TIMES.name, i),
		this.getTimezone(),
	);
	const requestSettings = readRequestSettings(options, i);

	const wait = readWaitSettings.call(this, i);
	if (wait) {
		if (taskIds.length === 0)
			throw new ParameterError(TASK_IDS.displayName, 'are required to wait for completion');
		return { taskIds, scope, output, requestSettings, wait };
	}
	const status = readChoice(this.getNodeParameter(STATUS.name, i), STATUS);
	const paging = {
		offset: readWholeNumber(options.offset ?? OFFSET.default, OFFSET),
		pageSize: readWholeNumber(options.pageSize ?? PAGE_SIZE.default, PAGE_SIZE),
		max: readMax.call(this, i, LIMIT),
	};
	// A list walked page by page is pinned to one window, so new tasks cannot shift it. Task IDs
	// fix the list already, and keep tasks created this second (or by a server clock ahead) in.
	const params = {
		...scope,
		...(taskIds.length === 0 ? pinWindow(window, nowMs) : {}),
		TaskId: taskIds,
		Status: status === 'all' ? undefined : status,
	};
	return { taskIds, scope, output, requestSettings, params, paging };
}

/** Reads and checks item `i`'s parameters; what it returns runs the query. */
export function prepare(this: IExecuteFunctions, i: number, context: TaskContext): Prepared {
	const query = readQuery.call(this, i);
	return { run: async () => await execute.call(this, i, query, context) };
}

async function execute(
	this: IExecuteFunctions,
	i: number,
	query: ReturnType<typeof readQuery>,
	context: TaskContext,
): Promise<INodeExecutionData[]> {
	if (query.wait) {
		const { tasks, responses } = await waitForTasks.call(
			this,
			context,
			query.requestSettings,
			query.taskIds,
			query.scope,
			query.wait,
		);
		return tasksToItems(query.output, tasks, responses, i);
	}
	const { target, resource } = context;
	const { output } = query;
	// Items are made page by page, so that the parsed pages need not outlive the walk.
	const items: INodeExecutionData[] = [];
	const add = output.mode === 'raw' ? undefined : taskItems(output, i);
	const result = await describeAll.call(
		this,
		target,
		resource.describeAction,
		query.params,
		query.requestSettings,
		{ ...query.paging, onTask: add && ((task) => add(task, items)) },
	);
	return add ? items : tasksToItems(output, result.tasks, result.responses, i);
}
