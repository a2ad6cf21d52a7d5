/**
 * A request that never reached the API (nothing listens on the port) is reported with its
 * system code, retried even for a submit, and never said to have maybe created a task.
 */
import { runWorkflow } from '../../../dev/engine/run';
import { simulatorCredentials, ucdnWorkflow } from '../../../dev/engine/workflows';
import { startSimulator } from '../../../dev/simulator/server';

/** Credentials for a loopback port nobody listens on: a simulator's, once it has stopped. */
async function closedEndpoint() {
	const sim = await startSimulator({ seed: false });
	await sim.close();
	return simulatorCredentials(sim);
}

test('Describe names ECONNREFUSED', async () => {
	const { error } = await runWorkflow(
		ucdnWorkflow({
			resource: 'refresh',
			operation: 'describeTasks',
			limit: 5,
			options: { retries: 0 },
		}),
		{ credentials: await closedEndpoint() },
	);
	expect(error?.name).toBe('NodeApiError');
	expect(error?.description).toMatch(/^ECONNREFUSED\. Check the credential's API Endpoint/);
});

test('Submit is retried, then reported as never sent', async () => {
	const { error } = await runWorkflow(
		ucdnWorkflow({
			resource: 'refresh',
			operation: 'submit',
			urls: 'https://cdn.example.com/a.js',
			options: { retries: 1 },
		}),
		{ credentials: await closedEndpoint() },
	);
	expect(error?.description).toMatch(/^ECONNREFUSED\. /);
	expect(error?.description).toMatch(/Failed 2 times in a row\./);
	expect(error?.description).not.toMatch(/may have been created/);
});
