import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	PROJECT_LIST_METHOD,
	optionsCollection,
	readRequestSettings,
	readScope,
} from '../shared/descriptions/options';
import type { CommonOptions } from '../shared/descriptions/options';
import {
	outputChoices,
	readableTimesProperties,
	readReadableTimes,
	READABLE_TIMES,
} from '../shared/descriptions/output';
import type { Bounds, Choices } from '../shared/descriptions/parameters';
import {
	numberProperty,
	optionsProperty,
	readChoice,
	readNumber,
} from '../shared/descriptions/parameters';
import { ParameterError, parameterFailure } from '../shared/helpers/errors';
import { resourceTasksToItems } from '../shared/helpers/output';
import { pinWindow } from '../shared/helpers/time';
import { searchProjects } from '../shared/projects';
import { optionalText } from '../shared/helpers/values';
import type { ResourceKey } from '../shared/resources';
import { RESOURCES } from '../shared/resources';
import { describeTaskPages } from '../shared/tasks';
import { getApiTarget } from '../shared/transport';
import { testCredentials } from '../shared/transport/credentialTest';
import type { Candidate, TriggerEvent } from './events';
import {
	finishedAt,
	isEvent,
	latest,
	pendingBefore,
	readMemory,
	selectNew,
	statusFilter,
	windowStart,
} from './events';

/** Large pages while polling: the first poll walks all of Look Back in few calls. */
const PAGING = { offset: 0, pageSize: 1000, max: Infinity };
/** Pending tasks asked for by TaskId in one Describe call. */
const IDS_PER_CALL = 100;
const MAX_URL_FILTER_LENGTH = 4096;

const RESOURCE: Choices<ResourceKey | 'both'> = {
	displayName: 'Resource',
	name: 'resource',
	options: [
		{ name: 'Both', value: 'both', description: 'Refresh and prefetch tasks' },
		{
			name: RESOURCES.prefetch.name,
			value: 'prefetch',
			description: 'Tasks that load URLs into the CDN cache',
		},
		{
			name: RESOURCES.refresh.name,
			value: 'refresh',
			description: 'Tasks that purge URLs from the CDN cache',
		},
	],
	default: 'refresh',
};
const EVENT: Choices<TriggerEvent> = {
	displayName: 'Event',
	name: 'event',
	options: [
		{ name: 'Task Failed', value: 'failed', description: 'A task ended with status failure' },
		{
			name: 'Task Finished',
			value: 'finished',
			description: 'A task ended, successfully or not',
		},
		{
			name: 'Task Succeeded',
			value: 'succeeded',
			description: 'A task ended with status success',
		},
	],
	default: 'finished',
};
const LOOK_BACK_HOURS: Bounds = {
	displayName: 'Look Back (Hours)',
	name: 'lookBack',
	min: 1,
	max: 720,
	default: 24,
};
const OUTPUT = outputChoices({
	task: 'The task as the API returns it, plus its Resource',
	url: 'Each URL with its task’s TaskId, TaskStatus and TaskCreateTime, plus its Resource',
});

export class UcdnTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UCDN Trigger',
		name: 'ucdnTrigger',
		icon: { light: 'file:../../icons/ucdn.svg', dark: 'file:../../icons/ucdn.dark.svg' },
		group: ['trigger'],
		version: [1, 1.1],
		subtitle: '={{ $parameter["event"] + ": " + $parameter["resource"] }}',
		description:
			'Starts the workflow when UCloud CDN (UCDN, SurferCloud) refresh or prefetch tasks finish or fail',
		defaults: { name: 'UCDN Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ucloudApi', required: true, testedBy: 'ucloudApiTest' }],
		properties: [
			optionsProperty(RESOURCE, { noDataExpression: true }),
			optionsProperty(EVENT, { noDataExpression: true }),
			...readableTimesProperties(),
			optionsCollection(
				[
					numberProperty(LOOK_BACK_HOURS, {
						description:
							'How long a task may run before it finishes. Tasks are found by when they were created, so the trigger looks this far back.',
					}),
					optionsProperty(OUTPUT),
					{
						displayName: 'URL Contains',
						name: 'urlFilter',
						type: 'string',
						default: '',
						placeholder: 'www.example.com',
						description: 'Only tasks with a URL that contains this text, for example a domain',
					},
				],
				{
					projectId: "Project to watch instead of the credential's Project ID",
					isDcdn: 'Whether to watch whole-site acceleration (DCDN) tasks instead of CDN tasks',
				},
			),
		],
	};

	methods = {
		credentialTest: { ucloudApiTest: testCredentials },
		listSearch: { [PROJECT_LIST_METHOD]: searchProjects },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		let settings;
		try {
			settings = readSettings.call(this);
		} catch (error) {
			throw error instanceof ParameterError ? parameterFailure(this.getNode(), error) : error;
		}
		const { resources, event, lookBackSeconds, urlFilter, output, zone, scope, requestSettings } =
			settings;
		const target = await getApiTarget.call(this);
		// Each poll reads a fixed window, up to the last whole second, as Describe Tasks' walks do.
		const { EndTime: until } = pinWindow({}, Date.now());
		const since = until - lookBackSeconds;
		const describe = async (resource: ResourceKey, params: IDataObject) =>
			(
				await describeTaskPages.call(
					this,
					target,
					RESOURCES[resource].describeAction,
					{ ...scope, EndTime: until, ...params },
					requestSettings,
					PAGING,
				)
			).tasks;

		if (this.getMode() === 'manual') {
			// "Fetch Test Event": the latest matching task, so its fields can be mapped; nothing is remembered.
			const candidates: Candidate[] = [];
			for (const resource of resources) {
				const tasks = await describe(resource, { BeginTime: since, Status: statusFilter(event) });
				for (const task of tasks)
					if (isEvent(task, event, urlFilter)) candidates.push({ resource, task });
			}
			const last = latest(candidates);
			return last ? [resourceTasksToItems(output, [last], zone)] : null;
		}

		// All statuses are read: the pending tasks are remembered, so that a task is new when it
		// was pending last time or was created since, and was not seen in that state before
		// (see selectNew and the README).
		const staticData = this.getWorkflowStaticData('node');
		const remembered = staticData.memory;
		const memories = { ...(remembered as IDataObject | undefined) };
		const legacy = legacyKeys(staticData.seen);
		const fresh: Candidate[] = [];
		for (const resource of resources) {
			const memory = readMemory(memories[resource]);
			const begin = windowStart(memory, until, since);
			const listed = await describe(resource, { BeginTime: begin });
			const older = pendingBefore(memory, begin, since);
			for (let n = 0; n < older.length; n += IDS_PER_CALL) {
				const TaskId = older.slice(n, n + IDS_PER_CALL);
				listed.push(...(await describe(resource, { BeginTime: since, TaskId })));
			}
			const selection = selectNew(memory, listed, {
				now: until,
				since,
				legacy: memory || !legacy ? undefined : (legacy.get(resource) ?? new Set()),
			});
			memories[resource] = selection.memory as unknown as IDataObject;
			for (const task of selection.fresh)
				if (isEvent(task, event, urlFilter)) fresh.push({ resource, task });
		}
		// n8n starts a poll even while the previous one still runs. If one that started later has
		// finished meanwhile, it read a later window from the same memory and emitted all this one
		// found: this one gives way rather than emit those tasks again.
		if (staticData.memory !== remembered) return null;
		staticData.memory = memories;
		delete staticData.seen;
		fresh.sort((a, b) => finishedAt(a.task) - finishedAt(b.task));
		return fresh.length > 0 ? [resourceTasksToItems(output, fresh, zone)] : null;
	}
}

/**
 * What versions before the memory remembered: `resource:TaskId:Status` keys of the tasks they
 * had emitted (or seen final on their first poll), as `TaskId:Status` per resource.
 */
function legacyKeys(seen: unknown): Map<string, Set<string>> | undefined {
	if (typeof seen !== 'object' || seen === null) return undefined;
	const keys = new Map<string, Set<string>>();
	for (const key of Object.keys(seen)) {
		const at = key.indexOf(':');
		const resource = key.slice(0, at);
		if (!keys.has(resource)) keys.set(resource, new Set());
		keys.get(resource)?.add(key.slice(at + 1));
	}
	return keys;
}

interface TriggerOptions extends CommonOptions {
	lookBack?: unknown;
	output?: unknown;
	urlFilter?: unknown;
}

/** Reads and checks the trigger's parameters. */
function readSettings(this: IPollFunctions) {
	const resource = readChoice(this.getNodeParameter(RESOURCE.name), RESOURCE);
	const event = readChoice(this.getNodeParameter(EVENT.name), EVENT);
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	return {
		resources: resource === 'both' ? (['refresh', 'prefetch'] as const) : [resource],
		event,
		lookBackSeconds:
			3600 * readNumber(options.lookBack ?? LOOK_BACK_HOURS.default, LOOK_BACK_HOURS),
		urlFilter: optionalText(options.urlFilter, 'URL Contains', MAX_URL_FILTER_LENGTH),
		output: readChoice(options.output ?? OUTPUT.default, OUTPUT),
		zone: readReadableTimes(this.getNodeParameter(READABLE_TIMES.name), this.getTimezone()),
		scope: readScope(options),
		requestSettings: readRequestSettings(options, 0),
	};
}
