/**
 * Runs workflow JSON (the format a user imports into n8n) through n8n-core's real engine,
 * WorkflowExecute, with this package loaded from dist/ the way n8n loads it: by the paths in
 * package.json's `n8n` block. Credentials are served by a helper that calls the credential
 * type's own `authenticate`, as n8n's CredentialsHelper does; HTTP goes out for real.
 */
import './userFolder';

import {
	CredentialTestContext,
	ExecutionLifecycleHooks,
	PollContext,
	TriggersAndPollers,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunction,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeCredentialTestResult,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IConnections,
	IPinData,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The package's root, whether this file runs from test/ (jest) or from build/ (scripts). */
function findRoot(dir: string): string {
	const manifest = path.join(dir, 'package.json');
	if (
		existsSync(manifest) &&
		(JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'n8n-nodes-ucdn'
	) {
		return dir;
	}
	const parent = path.dirname(dir);
	if (parent === dir) throw new Error('Cannot find the n8n-nodes-ucdn package root');
	return findRoot(parent);
}

export const ROOT = findRoot(__dirname);
export const PACKAGE_NAME = 'n8n-nodes-ucdn';

interface PackageJson {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
}

/** Loads every node and credential class listed in package.json's `n8n` block from dist/. */
export function loadPackage(root = ROOT) {
	const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson;
	const instantiate = <T>(file: string): T[] => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- n8n loads these built files by path, and so do the tests
		const exports = require(path.join(root, file)) as Record<string, new () => T>;
		return Object.values(exports).map((Class) => new Class());
	};
	const nodes = pkg.n8n.nodes.flatMap((file) => instantiate<INodeType>(file));
	const credentials = pkg.n8n.credentials.flatMap((file) => instantiate<ICredentialType>(file));
	return { name: pkg.name, nodes, credentials };
}

/**
 * Stand-ins for the two n8n-nodes-base nodes the example workflows start with. They only pass
 * items on; everything under test is this package's own code.
 */
function passThrough(name: string, displayName: string, inputs: 'main'[]): INodeType {
	return {
		description: {
			displayName,
			name,
			group: ['input'],
			version: 1,
			description: `Stand-in for ${displayName}`,
			defaults: { name: displayName },
			inputs,
			outputs: ['main'],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			return [this.getInputData()];
		},
	} as unknown as INodeType;
}

/**
 * Stand-in for n8n's Edit Fields (Set) node in its manual mapping mode: each item becomes the
 * assignments, whose expressions n8n's engine has resolved.
 */
const editFields = {
	description: {
		displayName: 'Edit Fields (Set)',
		name: 'set',
		group: ['input'],
		version: [3, 3.1, 3.2, 3.3, 3.4],
		description: 'Stand-in for Edit Fields (Set), manual mapping',
		defaults: { name: 'Edit Fields' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [
			{ displayName: 'Fields', name: 'assignments', type: 'assignmentCollection', default: {} },
		],
	},
	async execute(this: IExecuteFunctions) {
		return [
			this.getInputData().map((_item, i) => {
				const assignments = this.getNodeParameter('assignments.assignments', i, []) as Array<{
					name: string;
					value: unknown;
				}>;
				return {
					json: Object.fromEntries(assignments.map(({ name, value }) => [name, value])),
					pairedItem: { item: i },
				};
			}),
		];
	},
} as unknown as INodeType;

/**
 * Stand-in for an AI Agent: takes the tools connected to it the way n8n's agent does
 * (`getInputConnectionData('ai_tool')`, which makes each tool with n8n-core's createNodeAsTool)
 * and, for each item, calls the first one with the arguments an LLM would have chosen: the
 * item's `toolArgs`. Outputs the tool's name, schema fields and answer.
 */
const toolCaller = {
	description: {
		displayName: 'Tool Caller',
		name: 'toolCaller',
		group: ['transform'],
		version: 1,
		description: 'Stand-in for an AI Agent calling one tool',
		defaults: { name: 'Agent' },
		inputs: ['main', { type: 'ai_tool', displayName: 'Tools', maxConnections: 1 }],
		outputs: ['main'],
		properties: [],
	},
	async execute(this: IExecuteFunctions) {
		const tool = (await this.getInputConnectionData('ai_tool', 0)) as {
			name: string;
			description: string;
			schema: { shape: Record<string, unknown> };
			invoke(args: IDataObject): Promise<unknown>;
		};
		const items = this.getInputData();
		const output = [];
		for (let i = 0; i < items.length; i++) {
			const answer = await tool.invoke(items[i].json.toolArgs as IDataObject);
			output.push({
				json: {
					tool: tool.name,
					description: tool.description,
					fields: Object.keys(tool.schema.shape),
					answer,
				} as IDataObject,
				pairedItem: { item: i },
			});
		}
		return [output];
	},
} as unknown as INodeType;

/**
 * For the benchmark's "engine cost" contender: a node that does no work of its own and emits
 * `count` items shaped like `template`, so what n8n itself costs per item can be measured.
 */
const itemSource = {
	description: {
		displayName: 'Item Source',
		name: 'itemSource',
		group: ['transform'],
		version: 1,
		description: 'Emits ready-made items',
		defaults: { name: 'Item Source' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [
			{ displayName: 'Count', name: 'count', type: 'number', default: 1 },
			{ displayName: 'Template', name: 'template', type: 'json', default: '{}' },
		],
	},
	async execute(this: IExecuteFunctions) {
		const count = this.getNodeParameter('count', 0) as number;
		const template = this.getNodeParameter('template', 0) as IDataObject;
		return [
			Array.from({ length: count }, (_, n) => ({
				json: { ...template, n },
				pairedItem: { item: 0 },
			})),
		];
	},
} as unknown as INodeType;

const BASE_NODES: Record<string, INodeType> = {
	'n8n-nodes-base.manualTrigger': passThrough('manualTrigger', 'Manual Trigger', []),
	'n8n-nodes-base.noOp': passThrough('noOp', 'No Operation, do nothing', ['main']),
	'n8n-nodes-base.set': editFields,
	'test.toolCaller': toolCaller,
	'test.itemSource': itemSource,
};

/**
 * The tool variant n8n's node loader adds for a node with `usableAsTool`: the same node, named
 * `<name>Tool`, with no inputs, an `ai_tool` output and a Tool Description parameter.
 */
function asTool(node: INodeType): INodeType {
	const { usableAsTool: _usableAsTool, ...description } = node.description;
	return Object.assign(Object.create(node) as INodeType, {
		description: {
			...description,
			name: `${description.name}Tool`,
			displayName: `${description.displayName} Tool`,
			inputs: [],
			outputs: ['ai_tool'],
			properties: [
				{
					displayName: 'Description',
					name: 'toolDescription',
					type: 'string',
					default: description.description,
				},
				...description.properties,
			],
		},
	});
}

export class PackageNodeTypes implements INodeTypes {
	readonly types: Record<string, INodeType> = { ...BASE_NODES };

	readonly credentialTypes: Record<string, ICredentialType> = {};

	constructor() {
		const pkg = loadPackage();
		for (const node of pkg.nodes) {
			this.types[`${pkg.name}.${node.description.name}`] = node;
			if (node.description.usableAsTool)
				this.types[`${pkg.name}.${node.description.name}Tool`] = asTool(node);
		}
		for (const credential of pkg.credentials) this.credentialTypes[credential.name] = credential;
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return NodeHelpers.getVersionedNodeType(type, version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly nodeTypes: PackageNodeTypes,
		private readonly credentials: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const type = this.nodeTypes.credentialTypes[typeName];
		if (typeof type?.authenticate !== 'function') return requestOptions;
		return await type.authenticate(credentials, requestOptions);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const credentials = this.credentials[type];
		if (!credentials) throw new Error(`No test credentials of type ${type}`);
		return structuredClone(credentials);
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string) {
		return this.nodeTypes.credentialTypes[type]?.properties ?? [];
	}
}

export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
}

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

export function readWorkflow(file: string): WorkflowJson {
	return JSON.parse(readFileSync(path.resolve(ROOT, file), 'utf8')) as WorkflowJson;
}

/** The engine's Workflow for workflow JSON, with this package's node types. */
function toWorkflow(
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
function additionalDataFor(
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

/** Finds a credential type's test the way n8n's CredentialsTester does: a node naming it in `testedBy`. */
export function credentialTestFor(type: string): ICredentialTestFunction {
	const nodeTypes = new PackageNodeTypes();
	for (const node of Object.values(nodeTypes.types)) {
		for (const { name, testedBy } of node.description.credentials ?? []) {
			if (name === type && typeof testedBy === 'string') {
				const test = node.methods?.credentialTest?.[testedBy];
				if (test) return test;
			}
		}
	}
	throw new Error(`No credential test for ${type}`);
}

/** Runs the UCloud API credential's test on these values, as the editor's "Test" button does. */
export async function testCredentials(
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const credential = { id: 'test', name: 'UCloud API (simulator)', type: 'ucloudApi', data };
	return await credentialTestFor('ucloudApi').call(new CredentialTestContext(), credential);
}

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
	error?: Error;
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
