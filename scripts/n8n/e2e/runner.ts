/**
 * Runs `test:n8n`'s cases in one real n8n: imports the credentials (the simulator's, a wrong
 * key, a closed port) and the workflows with n8n's CLI, then runs each case with
 * `n8n execute --id … --rawOutput` and checks what it printed and what the simulator received.
 */
import { TEST_PRIVATE_KEY, TEST_PUBLIC_KEY, startSimulator } from '../../../dev/simulator/server';
import type { UcdnSimulator } from '../../../dev/simulator/server';
import type { N8nInstance } from '../instance';
import { importIntoN8n, n8nCommand, parseRun, simulatorCredential } from '../instance';
import type { Case } from './case';
import { CREDENTIAL, UNREACHABLE_CREDENTIAL, WRONG_CREDENTIAL, WRONG_PRIVATE_KEY } from './case';

/** A loopback URL nobody listens on: a simulator's, once it has stopped. */
async function closedUrl(): Promise<string> {
	const closed = await startSimulator({ seed: false });
	await closed.close();
	return closed.url;
}

/** Imports the cases' credentials and `workflows` (each under its id) into `instance`. */
export async function importCases(
	instance: N8nInstance,
	simulator: UcdnSimulator,
	workflows: Array<{ id: string; workflow: object }>,
): Promise<void> {
	const keys = { publicKey: TEST_PUBLIC_KEY, privateKey: TEST_PRIVATE_KEY };
	const credentials = [
		simulatorCredential(CREDENTIAL, simulator.url, keys),
		simulatorCredential(WRONG_CREDENTIAL, simulator.url, {
			...keys,
			privateKey: WRONG_PRIVATE_KEY,
		}),
		simulatorCredential(UNREACHABLE_CREDENTIAL, await closedUrl(), keys),
	];
	await importIntoN8n(instance, credentials, workflows);
}

/** Runs the (imported) cases one after the other; throws at the first that fails, with n8n's output. */
export async function runCases(
	instance: N8nInstance,
	simulator: UcdnSimulator,
	cases: Case[],
): Promise<void> {
	for (const testCase of cases) {
		const title = testCase.title ?? testCase.file ?? testCase.id;
		const started = Date.now();
		const undo = testCase.arrange?.(simulator);
		const firstRequest = simulator.requests.length;
		// n8n 2.x prints the run data at log level info.
		const result = await n8nCommand(instance, ['execute', `--id=${testCase.id}`, '--rawOutput'], {
			N8N_LOG_LEVEL: 'info',
			...testCase.env,
		});
		const output = `${result.stdout}\n${result.stderr}`;
		// The run data decides, not the exit code: under load n8n has exited 1 after printing a
		// successful run.
		const run = parseRun(result.stdout);
		const failed = run === undefined || run.data.resultData.error !== undefined;
		const requests = simulator.requests.slice(firstRequest);
		try {
			testCase.check({ run, failed, output, requests }, simulator);
		} catch (error) {
			throw new Error(
				`${title} in n8n ${instance.install.version} (exit code ${result.code}): ${(error as Error).message}\n${output}`,
			);
		} finally {
			undo?.();
		}
		console.log(`  ✓ ${title} (${Math.round((Date.now() - started) / 1000)} s)`);
	}
}
