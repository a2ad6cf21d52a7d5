/** What the runners share: the engine's Workflow and the additional data n8n hands it. */
import './userFolder';

import type { ExecutionLifecycleHooks } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';
import type { PackageNodeTypes } from './nodeTypes';
import type { WorkflowJson } from './package';

/** The engine's Workflow for workflow JSON, with this package's node types. */
export function toWorkflow(
	workflowJson: WorkflowJson,
	nodeTypes: PackageNodeTypes,
	{
		active,
		settings,
		staticData,
	}: { active: boolean; settings: IWorkflowSettings; staticData: IDataObject },
): Workflow {
	return new Workflow({
		id: 'test-workflow',
		name: workflowJson.name ?? 'test',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		active,
		nodeTypes,
		settings,
		staticData,
	});
}

/** What n8n hands the engine besides the workflow: credentials, hooks, URLs. */
export function additionalDataFor(
	nodeTypes: PackageNodeTypes,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(nodeTypes, credentials),
		hooks,
		executionId: 'test-execution',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1/form',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1/form-test',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
		currentNodeExecutionIndex: 0,
		variables: {},
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used by these tests');
		},
		startRunnerTask: async () => {
			throw new Error('task runners are not used by these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}
