/**
 * What the queue test runs in n8n: a deploy webhook that purges and waits, and the UCDN Trigger;
 * how the scenarios call the webhook, and the tasks "someone else" creates for the trigger.
 */
import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import type { WorkflowJson } from '../../../dev/engine/package';
import { generateTasks } from '../../../dev/simulator/data';
import type { UcdnSimulator } from '../../../dev/simulator/server';

export const CREDENTIAL = { id: 'ucloud-api', name: 'UCloud API' };
export const DEPLOY_ID = 'ucdnQueueDeploy1';
export const TRIGGER_ID = 'ucdnQueueTrigger';
export const CERTIFICATE_TRIGGER_ID = 'ucdnQueueCerts01';
/** The trigger node's name in both trigger workflows. */
export const TRIGGER_NODE = 'UCDN Trigger';
/** The deploy workflow's UCDN node, whose items are the finished task. */
export const PURGE_NODE = 'Purge and wait';
const WEBHOOK_PATH = 'ucdn-queue-deploy';
/** URLs containing this end in `failure` at the simulator. */
export const FAILING = '/broken/';
/** The trigger's poll times: n8n refuses sub-minute crons, but takes several per-minute ones. */
export const POLL_SECONDS = [0, 10, 20, 30, 40, 50] as const;

const node = (
	name: string,
	type: string,
	typeVersion: number,
	position: number,
	parameters: IDataObject,
	extra: IDataObject = {},
) => ({
	id: randomUUID(),
	name,
	type,
	typeVersion,
	position: [position * 220, 0] as [number, number],
	parameters,
	...extra,
});

const credentials = { credentials: { ucloudApi: CREDENTIAL } };

/** Webhook → UCDN Refresh Submit with Wait for Completion → Respond with the finished task. */
export const deployWorkflow = {
	name: 'Queue test: purge on deploy',
	nodes: [
		node(
			'Deploy webhook',
			'n8n-nodes-base.webhook',
			2,
			0,
			{ httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'responseNode', options: {} },
			{ webhookId: '5b9e0d6c-0000-4000-8000-00000000beef' },
		),
		node(
			PURGE_NODE,
			'n8n-nodes-ucdn.ucdn',
			1,
			1,
			{
				resource: 'refresh',
				operation: 'submit',
				urls: '={{ $json.body.urls }}',
				type: 'file',
				waitForCompletion: true,
				pollInterval: 2,
				timeout: 600,
				errorOnFailedTasks: false,
				output: 'task',
				options: {},
			},
			credentials,
		),
		node('Respond', 'n8n-nodes-base.respondToWebhook', 1.1, 2, {
			respondWith: 'firstIncomingItem',
			options: {},
		}),
	],
	connections: {
		'Deploy webhook': { main: [[{ node: PURGE_NODE, type: 'main', index: 0 }]] },
		[PURGE_NODE]: { main: [[{ node: 'Respond', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
} as unknown as WorkflowJson;

/** A UCDN Trigger with these parameters, polling every 10 s, → No Operation. */
const pollingWorkflow = (name: string, parameters: IDataObject) =>
	({
		name,
		nodes: [
			node(
				TRIGGER_NODE,
				'n8n-nodes-ucdn.ucdnTrigger',
				1.1,
				0,
				{
					pollTimes: {
						item: POLL_SECONDS.map((second) => ({
							mode: 'custom',
							cronExpression: `${second} * * * * *`,
						})),
					},
					...parameters,
				},
				credentials,
			),
			node('Record', 'n8n-nodes-base.noOp', 1, 1, {}),
		],
		connections: { [TRIGGER_NODE]: { main: [[{ node: 'Record', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	}) as unknown as WorkflowJson;

/** UCDN Trigger (Both, Task Finished) → No Operation. */
export const triggerWorkflow = pollingWorkflow('Queue test: tasks finished', {
	resource: 'both',
	event: 'finished',
	options: {},
});

/** UCDN Trigger (Certificate Expiring, 30, 14 and 7 days before) → No Operation. */
export const certificateTriggerWorkflow = pollingWorkflow('Queue test: certificates expiring', {
	event: 'certificateExpiring',
	daysBefore: '30, 14, 7',
	options: {},
});

export interface WebhookAnswer {
	/** 0 when no answer came (the error's message is in `text`). */
	status: number;
	json: IDataObject | undefined;
	text: string;
}

/** One deploy: its URLs posted to the deploy webhook of the main process at `mainUrl`. */
export async function callDeploy(
	mainUrl: string | undefined,
	urls: readonly string[],
	timeoutMs: number,
): Promise<WebhookAnswer> {
	try {
		const response = await fetch(`${mainUrl}/webhook/${WEBHOOK_PATH}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ urls }),
			signal: AbortSignal.timeout(timeoutMs),
		});
		const text = await response.text();
		let json: IDataObject | undefined;
		try {
			json = JSON.parse(text) as IDataObject;
		} catch {
			json = undefined;
		}
		return { status: response.status, json, text };
	} catch (error) {
		return { status: 0, json: undefined, text: (error as Error).message };
	}
}

/** A deploy's three URLs; with `failing`, the second one fails. */
export const deployUrls = (batch: string, n: number, failing: boolean) => {
	const url = (u: number) =>
		`https://static.example.com/${batch}/${n}${failing && u === 1 ? FAILING : '/'}asset-${u}.js`;
	return [url(0), url(1), url(2)] as const;
};

/** Tasks created by someone else (CI, the console), for the trigger to see finish. */
export function externalTasks(simulator: UcdnSimulator, prefix: string, count: number): string[] {
	const tasks = generateTasks({
		kind: 'prefetch',
		count,
		newest: Math.floor(Date.now() / 1000) - 5,
		prefix,
		status: 'process',
	});
	simulator.addTasks(tasks);
	return tasks.map((task) => task.info.TaskId);
}
