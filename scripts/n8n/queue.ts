/**
 * `npm run test:queue`: the packed package on n8n's distributed engine. Starts the cluster of
 * queue/cluster.ts on 127.0.0.1 (a throwaway Redis and PostgreSQL from Debian's packages,
 * installed when missing; real n8n 2.x as one main process in queue mode and two workers; the
 * UCDN API simulator), with the workflows of queue/workflows.ts, then runs the scenarios of
 * queue/scenarios/ on it, in this order:
 *
 * - load: 30 concurrent webhook calls into Webhook → UCDN Refresh Submit (Wait for
 *   Completion) → Respond to Webhook, each with its own URLs, some failing at the simulator;
 * - faults: a worker SIGKILLed while its execution waits for a purge (workerDies); Redis
 *   restarted while executions are queued and running (redisRestarts); Postgres stopped for a
 *   while under the trigger (postgresDown); a restart of the main process (mainRestarts);
 * - the UCDN Trigger (Both, Task Finished), polling every 10 s the whole time: every task that
 *   finished emitted exactly once (trigger); and every execution ran on a worker, but those
 *   whose queued job Redis lost (onWorkers).
 *
 * Every check reads the simulator's request log and n8n's own records (Postgres, worker logs).
 * Every scenario runs, whatever failed before it (the cluster is put back together after a
 * failure); the summary lists each one's outcome and the exit code is 1 if any failed.
 * Everything started is stopped and every temp folder removed, also on failure or Ctrl-C.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ensureBackends } from './backends';
import { RELEASES, ensureN8n } from './install';
import { packTarball } from './instance';
import { printLogs, recover, startCluster } from './queue/cluster';
import { printFigures } from './queue/figures';
import { runScenarios, summarize } from './queue/runner';
import { SCENARIOS } from './queue/scenarios';

async function main(): Promise<number> {
	const startedAt = Date.now();
	ensureBackends();
	const release = RELEASES.find((r) => r.line === '2.x');
	if (!release) throw new Error('No n8n 2.x release configured');
	const install = ensureN8n(release);
	const tarball = packTarball();
	const tmp = mkdtempSync(path.join(os.tmpdir(), 'ucdn-queue-'));
	chmodSync(tmp, 0o755); // PostgreSQL runs as its own user inside.
	const stops: Array<() => Promise<void> | void> = [];
	const cleanUp = async () => {
		for (const stop of stops.splice(0).reverse()) {
			try {
				await stop();
			} catch (error) {
				console.error(`Cleanup: ${(error as Error).message}`);
			}
		}
		rmSync(tmp, { recursive: true, force: true });
	};
	// Interrupted (Ctrl-C, CI cancelling): PostgreSQL and the temp folder go too.
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.on(signal, () => void cleanUp().then(() => process.exit(130)));
	try {
		const test = await startCluster({ install, tarball, dir: tmp, stops });
		const outcomes = await runScenarios(SCENARIOS, test, { recover });
		const { lines, exitCode } = summarize(outcomes);
		if (exitCode !== 0) printLogs(test.cluster);
		console.log('\nSummary');
		try {
			printFigures(test, startedAt);
		} catch (error) {
			// The figures are no check: the outcomes below are, and must be printed whatever.
			console.log(`  (no figures: ${(error as Error).message})`);
		}
		for (const line of lines) console.log(line);
		return exitCode;
	} finally {
		await cleanUp();
	}
}

main().then(
	(exitCode) => {
		process.exitCode = exitCode;
	},
	(error: unknown) => {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
		process.exitCode = 1;
	},
);
