/**
 * The trigger examples in `test:n8n`, run as the editor's "Execute workflow" does, through
 * n8n's REST API (the CLI's execute does not run polling triggers), in one `n8n start`: n8n
 * fetches each trigger's test event (the task that finished last; the certificate whose end is
 * nearest) and the next node reports it.
 */
import assert from 'node:assert/strict';

import { readWorkflow } from '../../../dev/engine/package';
import type { UcdnSimulator } from '../../../dev/simulator/server';
import type { N8nInstance } from '../instance';
import { runManually, setupOwner, startN8n } from '../instance';

interface TriggerExample {
	file: string;
	id: string;
	/** The trigger node's name. */
	trigger: string;
	arrange?(simulator: UcdnSimulator): void;
	/** What the report must say, as it appears in the stored run data. */
	message: string;
}

export const TRIGGER_EXAMPLES: TriggerExample[] = [
	{
		file: 'examples/notify-when-tasks-finish.workflow.json',
		id: 'ucdnE2eTrigger01',
		trigger: 'When a CDN task finishes',
		arrange: (simulator) => simulator.endTask('pre_000002', 'failure'),
		message: 'CDN prefetch task pre_000002 finished: failure (2 URLs)',
	},
	{
		file: 'examples/certificate-expiry-alert.workflow.json',
		id: 'ucdnE2eTrigger02',
		trigger: 'When a certificate nears its end',
		// The seed's nearest end: old.example.org's, ended three days ago.
		message: 'EXPIRED: the HTTPS certificate old-example-org-2025 of old.example.org ends',
	},
];

/** The trigger examples as importCases takes them. */
export const triggerImports = () =>
	TRIGGER_EXAMPLES.map(({ id, file }) => ({ id, workflow: readWorkflow(file) }));

export async function runTriggers(instance: N8nInstance, simulator: UcdnSimulator): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 1100));
	const n8n = await startN8n(instance);
	try {
		const cookie = await setupOwner(n8n.url);
		for (const example of TRIGGER_EXAMPLES) {
			const started = Date.now();
			example.arrange?.(simulator);
			const { status, data } = await runManually(n8n.url, cookie, example.id, example.trigger);
			const where = `${example.file} in n8n ${instance.install.version}`;
			assert.equal(status, 'success', `${where}: execution ${status}`);
			// The stored run data (n8n's "flatted" JSON) holds the report's message.
			assert.ok(
				data.includes(JSON.stringify(example.message).slice(0, -1)),
				`${where}: no "${example.message}" in ${data.slice(0, 2000)}`,
			);
			console.log(
				`  ✓ ${example.file}, run from the editor's REST API (${Math.round((Date.now() - started) / 1000)} s)`,
			);
		}
	} finally {
		await n8n.stop();
	}
}
