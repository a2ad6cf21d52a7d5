/**
 * The UCDN Trigger's workflow and a poller that keeps its static data between polls, as an
 * active workflow does, for the trigger's tests.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from '../../dev/engine/package';
import { pollTrigger } from '../../dev/engine/poll';
import { CREDENTIAL_REF, simulatorCredentials } from '../../dev/engine/workflows';
import type { UcdnSimulator } from '../../dev/simulator/server';

/** The trigger's workflow; version 1 (what workflows saved before 1.1 hold) unless told. */
export function triggerWorkflow(
	parameters: INodeParameters,
	{ typeVersion = 1, timezone }: { typeVersion?: number; timezone?: string } = {},
): WorkflowJson {
	return {
		nodes: [
			{
				id: '1',
				name: 'UCDN Trigger',
				type: 'n8n-nodes-ucdn.ucdnTrigger',
				typeVersion,
				position: [0, 0],
				parameters,
				credentials: CREDENTIAL_REF,
			},
		],
		connections: {},
		settings: timezone ? { timezone } : {},
	};
}

/** A poller that keeps the static data between polls, as an active workflow does. */
export function poller(
	sim: UcdnSimulator,
	parameters: INodeParameters,
	workflowOptions?: Parameters<typeof triggerWorkflow>[1],
) {
	let staticData: IDataObject = {};
	const workflow = triggerWorkflow(parameters, workflowOptions);
	return {
		async poll(mode: 'trigger' | 'manual' = 'trigger') {
			const result = await pollTrigger(workflow, {
				credentials: simulatorCredentials(sim),
				mode,
				staticData,
			});
			if (result.error) throw result.error;
			staticData = result.staticData;
			return (result.items?.[0] ?? []).map((item) => item.json);
		},
		/** The static data as n8n saves it. */
		get saved() {
			return staticData;
		},
		set saved(data: IDataObject) {
			staticData = data;
		},
		/** What the trigger remembers of a resource. */
		memory(resource = 'refresh') {
			const node = staticData['node:UCDN Trigger'] as { memory?: IDataObject } | undefined;
			return node?.memory?.[resource] as
				| { until: number; pending: object; recent: object; undated: object }
				| undefined;
		},
	};
}
