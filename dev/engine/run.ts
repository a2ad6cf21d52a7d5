/**
 * Runs workflow JSON through n8n-core's real engine, WorkflowExecute, with this package loaded
 * from dist/ the way n8n loads it; HTTP goes out for real.
 */
import './userFolder';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	IRun,
	IWorkflowBase,
} from 'n8n-workflow';

import { additionalDataFor, toWorkflow } from './execution';
import { PackageNodeTypes } from './nodeTypes';
import type { WorkflowJson } from './package';

export interface RunOptions {
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Overrides the workflow's timezone setting. */
	timezone?: string;
	/** Called once the execution runs, with a handle to cancel it as the editor's Stop button does. */
	onStarted?: (execution: { cancel(): void }) => void;
}

export interface RunResult {
	run: IRun;
	/** When the engine had stopped all work (for a cancelled run, later than the run's end). */
	stoppedAt: number;
	/** The error that stopped the execution, if any. */
	error?: Error & { description?: string | null; context?: IDataObject };
	/** Items a node emitted on its first output (empty if it did not run). */
	items(nodeName: string): INodeExecutionData[];
	/** `json` of those items. */
	json(nodeName: string): IDataObject[];
}

/** Runs a workflow from its trigger (the node without inputs), as "Execute workflow" does. */
export async function runWorkflow(
	workflowJson: WorkflowJson,
	options: RunOptions,
): Promise<RunResult> {
	const nodeTypes = new PackageNodeTypes();
	const settings = { ...workflowJson.settings };
	if (options.timezone) settings.timezone = options.timezone;
	const workflow = toWorkflow(workflowJson, nodeTypes, { active: false, settings, staticData: {} });

	const workflowData = {
		id: 'test-workflow',
		name: workflowJson.name ?? 'test',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		settings,
		active: false,
	} as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	let resolveRun!: (run: IRun) => void;
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));

	const additionalData = additionalDataFor(nodeTypes, options.credentials, hooks);

	const startNode = workflowJson.nodes.find(
		(node) => nodeTypes.getByNameAndVersion(node.type).description.inputs.length === 0,
	);
	const execution = new WorkflowExecute(additionalData, 'manual').run({
		workflow,
		startNode,
		pinData: workflowJson.pinData,
	});
	options.onStarted?.(execution);
	await execution;
	const stoppedAt = Date.now();
	const run = await finished;

	const items = (nodeName: string): INodeExecutionData[] =>
		run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
	return {
		run,
		stoppedAt,
		error: run.data.resultData.error as RunResult['error'],
		items,
		json: (nodeName) => items(nodeName).map((item) => item.json),
	};
}
