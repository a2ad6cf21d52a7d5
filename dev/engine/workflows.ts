import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { UcdnSimulator } from '../simulator/server';
import { SEED_DOMAINS, TEST_PRIVATE_KEY, TEST_PUBLIC_KEY } from '../simulator/server';
import type { WorkflowJson } from './package';

export const CREDENTIAL_REF = {
	ucloudApi: { id: 'ucloud-simulator', name: 'UCloud API (simulator)' },
};

/**
 * Credentials of the simulator's account at `url`, as a user would enter them with a Custom
 * endpoint: for a process that has the simulator's address but not the simulator.
 */
export function endpointCredentials(
	url: string,
	overrides: IDataObject = {},
): { ucloudApi: ICredentialDataDecryptedObject } {
	return {
		ucloudApi: {
			publicKey: TEST_PUBLIC_KEY,
			privateKey: TEST_PRIVATE_KEY,
			endpoint: 'custom',
			customEndpoint: url,
			projectId: '',
			...overrides,
		},
	};
}

/** Credentials of the simulator's account (see endpointCredentials). */
export const simulatorCredentials = (simulator: UcdnSimulator, overrides: IDataObject = {}) =>
	endpointCredentials(simulator.url, overrides);

/** A time as the editor's date field saves it, in the workflow's timezone (UTC here). */
const utcField = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', '');

/**
 * Log → Get Many, with Download unless told, of static.example.com's file(s) whose five minutes
 * start at `time` (two on the hour: the file in two parts), in a workflow whose timezone is UTC.
 */
export function logDownloadWorkflow(time: number, download = true): WorkflowJson {
	return ucdnWorkflow(
		{
			resource: 'log',
			operation: 'getMany',
			domains: { __rl: true, mode: 'name', value: SEED_DOMAINS.static.Domain },
			timeRange: 'custom',
			beginTime: utcField(time),
			endTime: utcField(time + 60),
			returnAll: true,
			options: { download },
		},
		{ typeVersion: 1.2, timezone: 'UTC' },
	);
}

export interface UcdnWorkflowOptions {
	/** Items the node receives, pinned on an upstream node as n8n's pinned data. */
	input?: IDataObject[];
	continueOnFail?: boolean;
	/** The node's Settings → Execute Once: it runs for the first input item only. */
	executeOnce?: boolean;
	timezone?: string;
	/** The UCDN node's version (default 1: what workflows saved before version 1.1 hold). */
	typeVersion?: number;
}

/** Manual Trigger → Input → UCDN, with the UCDN node's parameters as the editor would save them. */
export function ucdnWorkflow(
	parameters: INodeParameters,
	options: UcdnWorkflowOptions = {},
): WorkflowJson {
	return {
		name: 'UCDN test',
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
				name: 'UCDN',
				type: 'n8n-nodes-ucdn.ucdn',
				typeVersion: options.typeVersion ?? 1,
				position: [400, 0],
				parameters,
				credentials: CREDENTIAL_REF,
				...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				...(options.executeOnce ? { executeOnce: true } : {}),
			},
		],
		connections: {
			'Manual Trigger': { main: [[{ node: 'Input', type: 'main', index: 0 }]] },
			Input: { main: [[{ node: 'UCDN', type: 'main', index: 0 }]] },
		},
		settings: options.timezone ? { timezone: options.timezone } : {},
		pinData: options.input ? { Input: options.input.map((json) => ({ json })) } : undefined,
	};
}
