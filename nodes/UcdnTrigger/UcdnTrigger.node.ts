import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { fetchTaskPage } from '../Ucdn/actions/tasks';
import { readRequestSettings, readScope, withCommonOptions } from '../Ucdn/actions/request';
import type { ResourceKey } from '../Ucdn/actions/resources';
import { RESOURCES } from '../Ucdn/actions/resources';
import type { Candidate, Seen, TriggerEvent } from '../Ucdn/helpers/events';
import { isEvent, latest, selectNew, statusFilter } from '../Ucdn/helpers/events';
import { urlsOfTask } from '../Ucdn/helpers/output';
import { describePages } from '../Ucdn/helpers/pagination';
import { choice, numberInRange, optionalText } from '../Ucdn/helpers/values';
import { getApiTarget } from '../Ucdn/transport';
import { testCredentials } from '../Ucdn/transport/credentials';

/** Tasks per Describe call while polling; the trigger walks every page of its window. */
const PAGE_SIZE = 100;
const MAX_LOOK_BACK_HOURS = 720;

export class UcdnTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UCDN Trigger',
		name: 'ucdnTrigger',
		icon: { light: 'file:ucdn.svg', dark: 'file:ucdn.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] + ": " + $parameter["resource"] }}',
		description:
			'Starts the workflow when UCloud CDN (UCDN, SurferCloud) refresh or prefetch tasks finish or fail',
		defaults: { name: 'UCDN Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ucloudApi', required: true, testedBy: 'ucloudApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
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
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
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
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: withCommonOptions(
					[
						{
							displayName: 'Look Back (Hours)',
							name: 'lookBack',
							type: 'number',
							typeOptions: { minValue: 1, maxValue: MAX_LOOK_BACK_HOURS },
							default: 24,
							description:
								'How long a task may run before it finishes. Tasks are found by when they were created, so the trigger looks this far back.',
						},
						{
							displayName: 'Output',
							name: 'output',
							type: 'options',
							options: [
								{
									name: 'One Item per Task',
									value: 'task',
									description: 'The task as the API returns it, plus its Resource',
								},
								{
									name: 'One Item per URL',
									value: 'url',
									description:
										'Each URL with its task’s TaskId, TaskStatus and TaskCreateTime, plus its Resource',
								},
							],
							default: 'task',
						},
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
			},
		],
	};

	methods = {
		credentialTest: { ucloudApiTest: testCredentials },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		let settings;
		try {
			settings = readSettings.call(this);
		} catch (error) {
			// readSettings throws only ParameterErrors ("Field: what is wrong").
			throw new NodeOperationError(this.getNode(), (error as Error).message);
		}
		const { resources, event, lookBackSeconds, urlFilter, output, scope, request } = settings;
		const target = await getApiTarget.call(this);
		const now = Math.floor(Date.now() / 1000);
		const window = { BeginTime: now - lookBackSeconds, EndTime: now, Status: statusFilter(event) };

		// One Describe per resource per poll (more only for more pages), never one per task.
		const candidates: Candidate[] = [];
		for (const resource of resources) {
			const action = RESOURCES[resource].describeAction;
			const { tasks } = await describePages(
				async ({ offset, limit }) =>
					await fetchTaskPage.call(
						this,
						target,
						action,
						{ ...scope, ...window, Offset: offset, Limit: limit },
						request,
					),
				{ offset: 0, pageSize: PAGE_SIZE, max: Infinity },
			);
			for (const task of tasks)
				if (isEvent(task, event, urlFilter)) candidates.push({ resource, task });
		}

		const toItems = (list: Candidate[]): INodeExecutionData[] =>
			list.flatMap(({ resource, task }) =>
				(output === 'url' ? urlsOfTask(task) : [task]).map(
					(json): INodeExecutionData => ({ json: { ...json, Resource: resource } }),
				),
			);

		if (this.getMode() === 'manual') {
			// "Fetch Test Event": the latest matching task, so its fields can be mapped; nothing is remembered.
			const last = latest(candidates);
			return last ? [toItems([last])] : null;
		}
		const staticData = this.getWorkflowStaticData('node');
		const { fresh, seen } = selectNew(
			staticData.seen as Seen | undefined,
			candidates,
			window.BeginTime,
		);
		staticData.seen = seen;
		return fresh.length > 0 ? [toItems(fresh)] : null;
	}
}

/** Reads and checks the trigger's parameters. */
function readSettings(this: IPollFunctions) {
	const resource = choice(this.getNodeParameter('resource'), 'Resource', [
		'both',
		'refresh',
		'prefetch',
	] as const);
	const event = choice<TriggerEvent>(this.getNodeParameter('event'), 'Event', [
		'succeeded',
		'failed',
		'finished',
	]);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	return {
		resources: (resource === 'both' ? ['refresh', 'prefetch'] : [resource]) as ResourceKey[],
		event,
		lookBackSeconds:
			3600 * numberInRange(options.lookBack ?? 24, 'Look Back (Hours)', 1, MAX_LOOK_BACK_HOURS),
		urlFilter: optionalText(options.urlFilter, 'URL Contains', 4096),
		output: choice(options.output ?? 'task', 'Output', ['task', 'url'] as const),
		scope: readScope(options),
		request: readRequestSettings(options, 0),
	};
}
