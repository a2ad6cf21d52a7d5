/**
 * `usableAsTool`: the node run the way n8n runs a tool for an AI Agent. The agent stand-in gets
 * the tool from n8n-core (createNodeAsTool, with the schema built from the `$fromAI()` calls in
 * the node's parameters) and invokes it with the arguments an LLM would choose.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { generateTasks } from '../../dev/simulator/data';
import type { UcdnSimulator } from '../../dev/simulator/server';
import { startSimulator } from '../../dev/simulator/server';
import type { WorkflowJson } from '../../dev/engine/package';
import { runWorkflow } from '../../dev/engine/run';
import { CREDENTIAL_REF, simulatorCredentials } from '../../dev/engine/workflows';
import { at } from '../at';

let sim: UcdnSimulator;
beforeAll(async () => {
	sim = await startSimulator({ seed: false });
	sim.addTasks(
		generateTasks({
			kind: 'refresh',
			count: 5,
			newest: Math.floor(Date.now() / 1000) - 60,
			prefix: 'r',
		}),
	);
});
afterAll(async () => {
	await sim.close();
});

/** Manual Trigger → Input (the LLM's arguments) → Agent, with UCDN Tool connected to the Agent. */
function agentWorkflow(
	toolParameters: INodeParameters,
	toolArgs: IDataObject,
	toolVersion = 1,
): WorkflowJson {
	return {
		nodes: [
			{
				id: '1',
				name: 'Manual Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '2',
				name: 'Input',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [200, 0],
				parameters: {},
			},
			{
				id: '3',
				name: 'Agent',
				type: 'test.toolCaller',
				typeVersion: 1,
				position: [400, 0],
				parameters: {},
			},
			{
				id: '4',
				name: 'UCDN Tool',
				type: 'n8n-nodes-ucdn.ucdnTool',
				typeVersion: toolVersion,
				position: [400, 200],
				parameters: toolParameters,
				credentials: CREDENTIAL_REF,
			},
		],
		connections: {
			'Manual Trigger': { main: [[{ node: 'Input', type: 'main', index: 0 }]] },
			Input: { main: [[{ node: 'Agent', type: 'main', index: 0 }]] },
			'UCDN Tool': { ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]] },
		},
		pinData: { Input: [{ json: { toolArgs } }] },
	};
}

test('an agent describes the tasks whose IDs it chose, through $fromAI()', async () => {
	const before = sim.requests.length;
	const result = await runWorkflow(
		agentWorkflow(
			{
				resource: 'refresh',
				operation: 'describeTasks',
				taskIds: "={{ $fromAI('taskIds', 'Task IDs, separated by commas', 'string') }}",
				output: 'task',
			},
			{ taskIds: 'r_000001, r_000003' },
		),
		{ credentials: simulatorCredentials(sim) },
	);
	expect(result.error).toBeUndefined();
	const call = at(result.json('Agent'), 0);
	expect(call.tool).toBe('UCDN_Tool');
	expect(call.fields).toEqual(['taskIds']);
	const answer = JSON.parse(String(call.answer)) as IDataObject[];
	expect(answer.map((task) => task.TaskId)).toEqual(['r_000001', 'r_000003']);
	expect(sim.requests.slice(before).map((request) => request.params)).toEqual([
		expect.objectContaining({
			Action: 'DescribeNewUcdnRefreshCacheTask',
			'TaskId.0': 'r_000001',
			'TaskId.1': 'r_000003',
		}),
	]);
});

test('bad arguments from the agent end in an error naming the field, and nothing is sent', async () => {
	const before = sim.requests.length;
	const result = await runWorkflow(
		agentWorkflow(
			{
				resource: 'prefetch',
				operation: 'submit',
				urls: "={{ $fromAI('urls', 'URLs to prefetch', 'string') }}",
			},
			{ urls: 'www.example.com/no-scheme.js' },
		),
		{ credentials: simulatorCredentials(sim) },
	);
	expect(sim.requests.length).toBe(before);
	expect(result.error?.name).toBe('NodeOperationError');
	expect(result.error?.message).toMatch(
		/URLs: URL 1 "www\.example\.com\/no-scheme\.js" must start with http:\/\/ or https:\/\//,
	);
});

test('version 1.1 (Add Readable Times, one parameter name for two defaults): the agent gets ISO times and $fromAI() for them', async () => {
	const result = await runWorkflow(
		agentWorkflow(
			{
				resource: 'refresh',
				operation: 'describeTasks',
				taskIds: "={{ $fromAI('taskIds', 'Task IDs, separated by commas', 'string') }}",
				readableTimes: "={{ $fromAI('readableTimes', 'Add ISO times', 'boolean') }}",
			},
			{ taskIds: 'r_000001', readableTimes: true },
			1.1,
		),
		{ credentials: simulatorCredentials(sim) },
	);
	expect(result.error).toBeUndefined();
	const call = at(result.json('Agent'), 0);
	expect(call.fields).toEqual(['taskIds', 'readableTimes']);
	const task = at(JSON.parse(String(call.answer)) as IDataObject[], 0);
	expect(task.TaskId).toBe('r_000001');
	expect(task.CreateTimeIso).toEqual(expect.any(String));
});

test('version 1.2: an agent asks the quota of a domain it names, read-only: the domain list and one quota call', async () => {
	const before = sim.requests.length;
	const result = await runWorkflow(
		agentWorkflow(
			{
				resource: 'domain',
				operation: 'getQuota',
				domains: {
					__rl: true,
					mode: 'name',
					value: "={{ $fromAI('domain', 'The domain to check', 'string') }}",
				},
			},
			{ domain: 'static.example.com' },
			1.2,
		),
		{ credentials: simulatorCredentials(sim) },
	);
	expect(result.error).toBeUndefined();
	const call = at(result.json('Agent'), 0);
	expect(call.fields).toEqual(['domain']);
	const quota = at(JSON.parse(String(call.answer)) as IDataObject[], 0);
	expect(quota).toMatchObject({ Domain: 'static.example.com', RefreshDirLeft: 20 });
	expect(sim.requests.slice(before).map((request) => request.action)).toEqual([
		'GetUcdnDomainConfig',
		'GetUcdnDomainPrefetchRefreshState',
	]);
});

test("an agent asks a domain's 5xx share over the last hour: a Status Codes Summary of the domain it names", async () => {
	const before = sim.requests.length;
	const result = await runWorkflow(
		agentWorkflow(
			{
				resource: 'statistics',
				operation: 'get',
				metric: 'statusCodes',
				domains: {
					__rl: true,
					mode: 'name',
					value: "={{ $fromAI('domain', 'The domain to report on', 'string') }}",
				},
				timeRange: 'lastHours',
				hours: "={{ $fromAI('hours', 'How many hours back', 'number') }}",
				output: 'summary',
			},
			{ domain: 'static.example.com', hours: 1 },
			1.2,
		),
		{ credentials: simulatorCredentials(sim) },
	);
	expect(result.error).toBeUndefined();
	const call = at(result.json('Agent'), 0);
	expect(call.fields).toEqual(['domain', 'hours']);
	const summary = at(JSON.parse(String(call.answer)) as IDataObject[], 0);
	expect(summary).toMatchObject({ Granularity: 'minute', Http5xxShare: expect.any(Number) });
	expect(summary.Http5xxShare).toBeLessThan(1);
	const calls = sim.requests.slice(before);
	expect(calls.map((request) => request.action)).toEqual([
		'GetUcdnDomainConfig',
		'GetUcdnDomainHttpCodeV2',
	]);
	expect(
		Number(at(calls, 1).params.EndTime) - Number(at(calls, 1).params.BeginTime),
	).toBeGreaterThanOrEqual(3600);
});
