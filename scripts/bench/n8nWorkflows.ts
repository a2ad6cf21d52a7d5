/**
 * `npm run bench:n8n`'s contenders, each a workflow imported into n8n: the node (Describe Tasks,
 * Return All, One Item per URL, no readable times), the HTTP Request + Code + Split Out chain
 * (bench/http-chain.workflow.json, pointed at the simulator) and n8n alone (the Item Source
 * emitting the node's very items, ready-made).
 */
import type { WorkflowJson } from '../../dev/engine/package';
import { readWorkflow } from '../../dev/engine/package';
import { DESCRIBE_ALL_URLS, PAGE_SIZE, TASKS } from './dataset';

const CHAIN_FILE = 'bench/http-chain.workflow.json';
/** The credential each workflow's UCDN or HTTP Request node names. */
export const CREDENTIAL = { id: 'ucloud-api', name: 'UCloud API (simulator)' };
/** Each workflow's Manual Trigger, by which it is started. */
export const TRIGGER = 'When clicking ‘Execute workflow’';

export type Name = 'node' | 'chain' | 'alone';

export interface N8nContender {
	name: Name;
	id: string;
	workflow: WorkflowJson;
	/** The node whose items are the URLs. */
	last: string;
}

/** Each workflow starts at the Manual Trigger that the bench runs. */
const MANUAL_TRIGGER = {
	id: '1',
	name: TRIGGER,
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

function nodeWorkflow(): WorkflowJson {
	return {
		name: 'UCDN node: Describe Tasks, Return All, One Item per URL',
		nodes: [
			MANUAL_TRIGGER,
			{
				id: '2',
				name: 'Describe refresh tasks',
				type: 'n8n-nodes-ucdn.ucdn',
				typeVersion: 1.1,
				position: [220, 0],
				parameters: {
					...DESCRIBE_ALL_URLS,
					// The chain's items have no readable times either.
					readableTimes: false,
					options: { pageSize: PAGE_SIZE },
				},
				credentials: { ucloudApi: CREDENTIAL },
			},
		],
		connections: {
			[TRIGGER]: { main: [[{ node: 'Describe refresh tasks', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** The saved chain, its HTTP Request nodes pointed at the simulator. */
function chainWorkflow(endpoint: string): WorkflowJson {
	const workflow = readWorkflow(CHAIN_FILE);
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type === 'n8n-nodes-base.httpRequest'
				? { ...node, parameters: { ...node.parameters, url: `${endpoint}/` } }
				: node,
		),
	};
}

/** n8n alone: the Item Source emits the node's items for the simulator's tasks, without a call. */
function aloneWorkflow(newest: number): WorkflowJson {
	return {
		name: 'n8n alone: the same 200,000 URL items, ready-made',
		nodes: [
			MANUAL_TRIGGER,
			{
				id: '2',
				name: 'Ready-made URL items',
				type: 'CUSTOM.itemSource',
				typeVersion: 1,
				position: [220, 0],
				parameters: { tasks: TASKS, newest },
			},
		],
		connections: {
			[TRIGGER]: { main: [[{ node: 'Ready-made URL items', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/**
 * The three contenders: the chain's HTTP Request nodes call `endpoint` (the simulator), and n8n
 * alone makes the items of the simulator's tasks, the newest created at `newest`.
 */
export function n8nContenders(endpoint: string, newest: number): N8nContender[] {
	return [
		{
			name: 'node',
			id: 'ucdnBenchNode001',
			workflow: nodeWorkflow(),
			last: 'Describe refresh tasks',
		},
		{
			name: 'chain',
			id: 'ucdnBenchChain01',
			workflow: chainWorkflow(endpoint),
			last: 'URLs with task fields',
		},
		{
			name: 'alone',
			id: 'ucdnBenchAlone01',
			workflow: aloneWorkflow(newest),
			last: 'Ready-made URL items',
		},
	];
}
