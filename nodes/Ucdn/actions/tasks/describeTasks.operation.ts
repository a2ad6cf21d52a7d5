import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

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
import type { Bounds, Choices, Switch } from '../../../shared/parameters/facts';
import {
	booleanProperty,
	numberProperty,
	optionsProperty,
	readChoice,
	readSwitch,
	readWholeNumber,
	checkEntries,
} from '../../../shared/parameters/facts';
import { ParameterError } from '../../../shared/errors';
import { taskItems, tasksToItems } from '../../../shared/output/items';
import { MAX_PAGE_SIZE, describeAll } from '../../../shared/paging';
import { parseList } from '../../../shared/parameters/lists';
import {
	readWaitSettings,
	waitProperties,
	WAIT_FOR_COMPLETION,
} from './waitForCompletion/parameters';
import { waitForTasks } from './waitForCompletion/waitForTasks';
import type { Prepared, TaskContext } from '../operation';
import {
	pinWindow,
	readTimeRange,
	timeRangeProperties,
} from '../../../shared/parameters/timeRange';

/** Describe Tasks only reads. */
export const createsTasks = false;

/** Task IDs per item: every one goes into each request, and each poll while waiting. */
const MAX_TASK_IDS = 1000;
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
export const RETURN_ALL: Switch = { displayName: 'Return All', name: 'returnAll', default: false };
export const LIMIT: Bounds = {
	displayName: 'Limit',
	name: 'limit',
	min: 1,
	max: MAX_TASKS,
	default: 50,
};
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
	{
		displayName: 'Task IDs',
		name: 'taskIds',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: '20190121141137_4d8031d5, 20190121141138_9f00aa12',
		description:
			"Only these tasks. Separate IDs with commas, spaces or new lines, or use an expression that returns one ID or a list of them. Read per input item: an expression giving the current item's TaskId checks each item's task in its own call; a list of all items' IDs in one call needs Settings → Execute Once. Leave empty for all tasks in the time range.",
	},
	...timeRangeProperties({
		what: 'Tasks created',
		which: 'Which tasks to include, by the time they were created',
	}),
	optionsProperty(STATUS, { description: 'Only tasks in this state', displayOptions: listing }),
	booleanProperty(RETURN_ALL, {
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: listing,
	}),
	numberProperty(LIMIT, {
		description: 'Max number of results to return',
		displayOptions: { show: { [RETURN_ALL.name]: [false], [WAIT_FOR_COMPLETION.name]: [false] } },
	}),
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
	{ show: { operation: ['describeTasks'] } },
	properties,
);

interface DescribeOptions extends CommonOptions {
	offset?: unknown;
	pageSize?: unknown;
}

/** Reads and checks every parameter of one item, before any request is made. */
function readQuery(this: IExecuteFunctions, i: number) {
	const taskIds = parseList(this.getNodeParameter('taskIds', i, ''), 'Task IDs');
	checkEntries(taskIds, 'Task IDs', { max: MAX_TASK_IDS, maxLength: 128 });
	const nowMs = Date.now();
	const window = readTimeRange.call(this, i, nowMs);
	const options = this.getNodeParameter('options', i, {}) as DescribeOptions;
	const scope: Record<string, ParamValue> = {
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
			throw new ParameterError('Task IDs', 'are required to wait for completion');
		return { taskIds, scope, output, requestSettings, wait };
	}
	const status = readChoice(this.getNodeParameter(STATUS.name, i), STATUS);
	const returnAll = readSwitch(this.getNodeParameter(RETURN_ALL.name, i), RETURN_ALL);
	const paging = {
		offset: readWholeNumber(options.offset ?? OFFSET.default, OFFSET),
		pageSize: readWholeNumber(options.pageSize ?? PAGE_SIZE.default, PAGE_SIZE),
		max: returnAll ? Infinity : readWholeNumber(this.getNodeParameter(LIMIT.name, i), LIMIT),
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
