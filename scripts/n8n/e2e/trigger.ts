/**
 * The trigger example in `test:n8n`, run as the editor's "Execute workflow" does, through n8n's
 * REST API (the CLI's execute does not run polling triggers): n8n fetches the trigger's test
 * event, the task that finished last.
 */
import assert from 'node:assert/strict';

import { readWorkflow } from '../../../dev/engine/package';
import type { UcdnSimulator } from '../../../dev/simulator/server';
import type { N8nInstance } from '../instance';
import { runManually, setupOwner, startN8n } from '../instance';

export const TRIGGER_EXAMPLE = 'examples/notify-when-tasks-finish.workflow.json';
const TRIGGER_ID = 'ucdnE2eTrigger01';

/** The trigger example as importCases takes it. */
export const triggerImport = () => ({ id: TRIGGER_ID, workflow: readWorkflow(TRIGGER_EXAMPLE) });

export async function runTrigger(instance: N8nInstance, simulator: UcdnSimulator): Promise<void> {
	const started = Date.now();
	await new Promise((resolve) => setTimeout(resolve, 1100));
	simulator.endTask('pre_000002', 'failure');
	const n8n = await startN8n(instance);
	try {
		const cookie = await setupOwner(n8n.url);
		const { status, data } = await runManually(
			n8n.url,
			cookie,
			TRIGGER_ID,
			'When a CDN task finishes',
		);
		assert.equal(
			status,
			'success',
			`${TRIGGER_EXAMPLE} in n8n ${instance.install.version}: execution ${status}`,
		);
		// The stored run data (n8n's "flatted" JSON) holds the Report node's message.
		const message = 'CDN prefetch task pre_000002 finished: failure (2 URLs)';
		assert.ok(
			data.includes(JSON.stringify(message)),
			`${TRIGGER_EXAMPLE} in n8n ${instance.install.version}: no "${message}" in ${data.slice(0, 2000)}`,
		);
	} finally {
		await n8n.stop();
	}
	console.log(
		`  ✓ ${TRIGGER_EXAMPLE}, run from the editor's REST API (${Math.round((Date.now() - started) / 1000)} s)`,
	);
}
