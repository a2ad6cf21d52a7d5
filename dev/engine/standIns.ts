/**
 * Stand-ins for the n8n-nodes-base nodes the example workflows use, and the nodes the tests and
 * the benchmark add; and the tool variant n8n's loader makes of a node. Everything under test is
 * this package's own code.
 */
import { writeFile } from 'node:fs/promises';

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

/** A node that only passes its items on. */
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
		for (const [i, item] of items.entries()) {
			const answer = await tool.invoke(item.json.toolArgs as IDataObject);
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
 * Stand-in for n8n's IF node (version 2): each item goes to the first output when its
 * conditions hold (their left values as n8n's engine resolved them), else to the second. The
 * operators the examples use: boolean true and false, string and number equals.
 */
const ifNode = {
	description: {
		displayName: 'If',
		name: 'if',
		group: ['transform'],
		version: [2, 2.1, 2.2],
		description: 'Stand-in for If',
		defaults: { name: 'If' },
		inputs: ['main'],
		outputs: ['main', 'main'],
		properties: [{ displayName: 'Conditions', name: 'conditions', type: 'filter', default: {} }],
	},
	async execute(this: IExecuteFunctions) {
		const [yes, no]: [INodeExecutionData[], INodeExecutionData[]] = [[], []];
		for (const [i, item] of this.getInputData().entries()) {
			const { conditions = [], combinator = 'and' } = this.getNodeParameter('conditions', i) as {
				conditions?: Array<{
					leftValue: unknown;
					rightValue: unknown;
					operator: { operation: string };
				}>;
				combinator?: string;
			};
			const results = conditions.map(({ leftValue, rightValue, operator }) => {
				if (operator.operation === 'true') return leftValue === true;
				if (operator.operation === 'false') return leftValue === false;
				if (operator.operation === 'equals') return String(leftValue) === String(rightValue);
				throw new Error(`The If stand-in does not know the operation ${operator.operation}`);
			});
			const holds = combinator === 'or' ? results.some(Boolean) : results.every(Boolean);
			(holds ? yes : no).push({ ...item, pairedItem: { item: i } });
		}
		return [yes, no];
	},
} as unknown as INodeType;

/**
 * Stand-in for n8n's Read/Write Files from Disk node, its Write File to Disk operation: writes
 * each item's binary data (`dataPropertyName`) to `fileName`, in a folder that must exist, as in
 * n8n, and passes the item on with `fileName` added.
 */
const readWriteFile = {
	description: {
		displayName: 'Read/Write Files from Disk',
		name: 'readWriteFile',
		group: ['input'],
		version: [1, 1.1],
		description: 'Stand-in for Read/Write Files from Disk, Write File to Disk',
		defaults: { name: 'Read/Write Files from Disk' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [
			{ displayName: 'Operation', name: 'operation', type: 'string', default: 'write' },
			{ displayName: 'File Path and Name', name: 'fileName', type: 'string', default: '' },
			{
				displayName: 'Input Binary Field',
				name: 'dataPropertyName',
				type: 'string',
				default: 'data',
			},
		],
	},
	async execute(this: IExecuteFunctions) {
		const output: INodeExecutionData[] = [];
		for (const [i, item] of this.getInputData().entries()) {
			if (this.getNodeParameter('operation', i) !== 'write')
				throw new Error('The Read/Write Files from Disk stand-in only writes');
			const fileName = this.getNodeParameter('fileName', i) as string;
			const field = this.getNodeParameter('dataPropertyName', i) as string;
			const content = await this.helpers.getBinaryDataBuffer(i, field);
			await writeFile(fileName, content);
			output.push({ ...item, json: { ...item.json, fileName }, pairedItem: { item: i } });
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

export const STAND_INS: Record<string, INodeType> = {
	'n8n-nodes-base.manualTrigger': passThrough('manualTrigger', 'Manual Trigger', []),
	'n8n-nodes-base.noOp': passThrough('noOp', 'No Operation, do nothing', ['main']),
	// The engine tests do not wait: what follows a Wait node is what they check.
	'n8n-nodes-base.wait': passThrough('wait', 'Wait', ['main']),
	'n8n-nodes-base.if': ifNode,
	'n8n-nodes-base.set': editFields,
	'n8n-nodes-base.readWriteFile': readWriteFile,
	'test.toolCaller': toolCaller,
	'test.itemSource': itemSource,
};

/**
 * The tool variant n8n's node loader adds for a node with `usableAsTool`: the same node, named
 * `<name>Tool`, with no inputs, an `ai_tool` output and a Tool Description parameter.
 */
export function asTool(node: INodeType): INodeType {
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
