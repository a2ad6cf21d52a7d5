/** One poll of a polling trigger, run as n8n runs it for an active workflow. */
import './userFolder';

import { ExecutionLifecycleHooks, PollContext, TriggersAndPollers } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	IWorkflowBase,
} from 'n8n-workflow';

import { additionalDataFor, toWorkflow } from './execution';
import { PackageNodeTypes } from './nodeTypes';
import type { WorkflowJson } from './package';
import type { RunResult } from './run';

export interface PollOptions {
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** 'trigger' for an active workflow's poll, 'manual' for the editor's "Fetch Test Event". */
	mode?: 'trigger' | 'manual';
	/** The workflow's static data as n8n saved it after the previous poll. */
	staticData?: IDataObject;
	/**
	 * Static data used as it is, not copied: polls given the same object share it as overlapping
	 * polls of one active workflow do in n8n.
	 */
	liveStaticData?: IDataObject;
}

export interface PollResult {
	items: INodeExecutionData[][] | null;
	/** The static data as n8n would save it (a JSON round trip, as through the database). */
	staticData: IDataObject;
	error?: RunResult['error'];
}

/**
 * One poll of the workflow's polling trigger, run as n8n runs it for an active workflow:
 * n8n-core's PollContext and TriggersAndPollers, with the workflow's static data.
 */
export async function pollTrigger(
	workflowJson: WorkflowJson,
	options: PollOptions,
): Promise<PollResult> {
	const nodeTypes = new PackageNodeTypes();
	const workflow = toWorkflow(workflowJson, nodeTypes, {
		active: true,
		settings: workflowJson.settings ?? {},
		staticData:
			options.liveStaticData ??
			(JSON.parse(JSON.stringify(options.staticData ?? {})) as IDataObject),
	});
	const node = workflowJson.nodes.find(
		(n) => nodeTypes.getByNameAndVersion(n.type).description.polling,
	);
	if (!node) throw new Error('The workflow has no polling trigger');
	const mode = options.mode ?? 'trigger';
	const hooks = new ExecutionLifecycleHooks(
		mode,
		'test-poll',
		workflowJson as unknown as IWorkflowBase,
	);
	const context = new PollContext(
		workflow,
		node,
		additionalDataFor(nodeTypes, options.credentials, hooks),
		mode,
		'activate',
	);
	let items: INodeExecutionData[][] | null = null;
	let error: Error | undefined;
	try {
		items = (await new TriggersAndPollers().runPollFunction(workflow, node, context)) ?? null;
	} catch (caught) {
		error = caught as Error;
	}
	return {
		items,
		staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
		error,
	};
}
