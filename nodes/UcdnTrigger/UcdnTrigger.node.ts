import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../credentials/common/ucloud/credentialType';
import { testCredentials } from '../shared/editor/credentialTest';
import { searchProjects } from '../shared/editor/projectList';
import { asNodeError } from '../shared/errors';
import { describeAll } from '../shared/paging';
import { PROJECT_LIST_METHOD } from '../shared/parameters/options';
import { pinWindow } from '../shared/parameters/timeRange';
import type { TaskResourceKey } from '../shared/tasks/resources';
import { TASK_RESOURCES } from '../shared/tasks/resources';
import { getApiTarget } from '../shared/transport';
import type { CertificateSettings } from './certificates';
import { CERTIFICATE_EXPIRING, pollCertificates } from './certificates';
import { readTriggerSettings, triggerProperties } from './description';
import type { Candidate } from './events';
import { finishedAt, isEvent, latest, statusFilter } from './events';
import { resourceTasksToItems } from './items';
import {
	IDS_PER_CALL,
	PAGING,
	legacyKeys,
	pendingBefore,
	readMemory,
	selectNew,
	windowStart,
} from './pollState';

type Settings = Exclude<ReturnType<typeof readTriggerSettings>, CertificateSettings>;
type Describe = (resource: TaskResourceKey, params: IDataObject) => Promise<IDataObject[]>;

export class UcdnTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UCDN Trigger',
		name: 'ucdnTrigger',
		icon: { light: 'file:../../icons/ucdn.svg', dark: 'file:../../icons/ucdn.dark.svg' },
		group: ['trigger'],
		version: [1, 1.1],
		subtitle:
			'={{ $parameter["event"] === "certificateExpiring" ? "certificate expiring" : $parameter["event"] + ": " + $parameter["resource"] }}',
		description:
			'Starts the workflow when UCloud CDN (UCDN, SurferCloud) refresh or prefetch tasks finish or fail, or a certificate nears its end',
		defaults: { name: 'UCDN Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true, testedBy: 'ucloudApiTest' }],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: { ucloudApiTest: testCredentials },
		listSearch: { [PROJECT_LIST_METHOD]: searchProjects },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		let settings: ReturnType<typeof readTriggerSettings>;
		try {
			settings = readTriggerSettings.call(this);
		} catch (error) {
			throw asNodeError(this.getNode(), error);
		}
		const target = await getApiTarget.call(this);
		if (settings.event === CERTIFICATE_EXPIRING) {
			const items = await pollCertificates.call(this, settings, target);
			return items.length === 0 ? null : [items];
		}
		// Each poll reads a fixed window, up to the last whole second, as Describe Tasks' walks do.
		const { EndTime: until } = pinWindow({}, Date.now());
		const describe: Describe = async (resource, params) =>
			(
				await describeAll.call(
					this,
					target,
					TASK_RESOURCES[resource].describeAction,
					{ ...settings.scope, EndTime: until, ...params },
					settings.requestSettings,
					PAGING,
				)
			).tasks;
		const fresh =
			this.getMode() === 'manual'
				? await testEvent(settings, describe, until)
				: await newlyFinished.call(this, settings, describe, until);
		return fresh === undefined || fresh.length === 0
			? null
			: [resourceTasksToItems(settings.output, fresh)];
	}
}

/**
 * "Fetch Test Event": the task that finished last, asking for the event's status only, so its
 * fields can be mapped; nothing is remembered.
 */
async function testEvent(
	{ resources, event, urlFilter, lookBackSeconds }: Settings,
	describe: Describe,
	until: number,
): Promise<Candidate[]> {
	const candidates: Candidate[] = [];
	for (const resource of resources) {
		const params = { BeginTime: until - lookBackSeconds, Status: statusFilter(event) };
		for (const task of await describe(resource, params))
			if (isEvent(task, event, urlFilter)) candidates.push({ resource, task });
	}
	const last = latest(candidates);
	return last ? [last] : [];
}

/**
 * The tasks that finished since the last poll and are the Event, oldest first, and what to
 * remember of each resource (see selectNew, and docs/trigger.md for why). All statuses are read:
 * the pending tasks are remembered, so that a task is new when it was pending last time or was
 * created since, and was not seen in that state before. Undefined when a later poll has already
 * finished (see below).
 */
async function newlyFinished(
	this: IPollFunctions,
	{ resources, event, urlFilter, lookBackSeconds }: Settings,
	describe: Describe,
	until: number,
): Promise<Candidate[] | undefined> {
	const since = until - lookBackSeconds;
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
	if (staticData.memory !== remembered) return undefined;
	staticData.memory = memories;
	delete staticData.seen;
	return fresh.sort((a, b) => finishedAt(a.task) - finishedAt(b.task));
}
