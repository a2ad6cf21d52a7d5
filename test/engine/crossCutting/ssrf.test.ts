/**
 * n8n's SSRF protection, enabled the way an administrator does: n8n reads
 * N8N_SSRF_PROTECTION_ENABLED when this file's first request goes out, and then blocks the
 * simulator on 127.0.0.1 before anything is sent. A blocked request is not retried and never
 * said to have maybe created a task.
 */
process.env.N8N_SSRF_PROTECTION_ENABLED = 'true';

import { runWorkflow } from '../../../dev/engine/run';
import { simulatorCredentials, ucdnWorkflow } from '../../../dev/engine/workflows';
import type { UcdnSimulator } from '../../../dev/simulator/server';
import { startSimulator } from '../../../dev/simulator/server';

let sim: UcdnSimulator;
beforeAll(async () => {
	sim = await startSimulator({ seed: false });
});
afterAll(async () => {
	await sim.close();
});

test('a blocked Describe is not retried and says why', async () => {
	const { error } = await runWorkflow(
		ucdnWorkflow({ resource: 'refresh', operation: 'describeTasks', limit: 5 }),
		{ credentials: simulatorCredentials(sim) },
	);
	expect(sim.requests).toHaveLength(0);
	expect(error?.name).toBe('NodeApiError');
	expect(error?.description).toMatch(/^Blocked by n8n's SSRF protection before it was sent/);
	expect(error?.description).not.toMatch(/Failed \d times/);
});

test('a blocked Submit is not retried nor reported as maybe created', async () => {
	const { error } = await runWorkflow(
		ucdnWorkflow({
			resource: 'refresh',
			operation: 'submit',
			urls: 'https://cdn.example.com/a.js',
		}),
		{ credentials: simulatorCredentials(sim) },
	);
	expect(sim.requests).toHaveLength(0);
	expect(error?.description).toMatch(/^Blocked by n8n's SSRF protection before it was sent/);
	expect(error?.description).not.toMatch(/Failed \d times|may have been created/);
});
