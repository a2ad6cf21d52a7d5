/**
 * `npm run bench`, its last part: the peak memory of Log → Get Many with Download of one large
 * log file (FILE_BYTES, served by the simulator on loopback) in n8n-core's engine, each
 * contender in its own process so that its peak RSS is its own:
 *   - `list`: the same Get Many without Download, what the engine and the node take anyway;
 *   - `filesystem`: the download, with n8n's binary data on disk (n8n 2.x's default mode);
 *   - `memory`: a file of MEMORY_FILE_BYTES with no binary data storage set up (n8n 1.x's
 *     default, which keeps binary data in the items), for contrast.
 * Each child checks what it stored against the simulator's checksum. Writes
 * bench/log-download.json (docs/performance.md#log-downloads). Timing never fails anything.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { median, writeResults } from './dataset';

export const FILE_BYTES = 500 * 1000 * 1000;
const MEMORY_FILE_BYTES = 100 * 1000 * 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** A past five minutes off the hour: one log file, in one part. */
const LOG_TIME = Date.UTC(2026, 10, 2, 8, 5, 0) / 1000;

type Mode = 'list' | 'filesystem' | 'memory';

interface ChildResult {
	maxRssMb: number;
	seconds: number;
	bytes: number;
	checksumMatches: boolean;
}

/** In a child process: one Get Many of the file at LOG_TIME, then its peak RSS. */
async function child(mode: Mode, endpoint: string, expectedSha256: string) {
	// The engine first: it sets n8n's user folder before n8n-core reads its settings.
	const { runWorkflow } = await import('../../dev/engine/run');
	const { endpointCredentials, logDownloadWorkflow } = await import('../../dev/engine/workflows');
	const { Container } = await import('@n8n/di');
	const { BinaryDataService } = await import('n8n-core');
	const service = Container.get(BinaryDataService);
	if (mode === 'filesystem') await service.init();
	const started = performance.now();
	const result = await runWorkflow(logDownloadWorkflow(LOG_TIME, mode !== 'list'), {
		credentials: endpointCredentials(endpoint),
	});
	const seconds = (performance.now() - started) / 1000;
	if (result.error) throw result.error;
	const maxRssMb = process.resourceUsage().maxRSS / 1024;
	const binary = result.items('UCDN')[0]?.binary?.data;
	let checksumMatches = mode === 'list';
	if (binary) {
		const hash = createHash('sha256');
		if (binary.id)
			for await (const chunk of await service.getAsStream(binary.id)) hash.update(chunk as Buffer);
		else hash.update(Buffer.from(binary.data, 'base64'));
		checksumMatches = hash.digest('hex') === expectedSha256;
	}
	const output: ChildResult = { maxRssMb, seconds, bytes: binary?.bytes ?? 0, checksumMatches };
	process.stdout.write(JSON.stringify(output));
}

function runChild(mode: Mode, endpoint: string, sha256: string, storage: string) {
	return new Promise<ChildResult>((resolve, reject) => {
		const proc = spawn(process.execPath, [__filename, mode, endpoint, sha256], {
			env: {
				...process.env,
				N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
				N8N_BINARY_DATA_STORAGE_PATH: storage,
			},
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let out = '';
		proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		proc.on('error', reject);
		proc.on('close', (code) =>
			code === 0
				? resolve(JSON.parse(out) as ChildResult)
				: reject(new Error(`${mode} exited ${code}`)),
		);
	});
}

async function main() {
	const { startSimulator } = await import('../../dev/simulator/server');
	const { largeFileSha256 } = await import('../../dev/simulator/logs');
	const sim = await startSimulator({ seed: false });
	const storage = mkdtempSync(path.join(os.tmpdir(), 'ucdn-bench-binary-'));
	const rows: Array<{ contender: Mode; fileMb: number; peakRssMb: number; seconds: number }> = [];
	try {
		for (const [mode, bytes] of [
			['list', FILE_BYTES],
			['filesystem', FILE_BYTES],
			['memory', MEMORY_FILE_BYTES],
		] as Array<[Mode, number]>) {
			sim.logs.controls.large = { time: LOG_TIME, bytes };
			const sha256 = largeFileSha256(bytes);
			const runs: ChildResult[] = [];
			for (let run = 0; run < RUNS; run++) {
				process.stdout.write(`Log download, ${mode}, run ${run + 1} of ${RUNS}… `);
				runs.push(await runChild(mode, sim.url, sha256, storage));
				process.stdout.write(`${Math.round(runs[runs.length - 1]?.maxRssMb ?? 0)} MB\n`);
				rmSync(storage, { recursive: true, force: true });
			}
			if (runs.some((run) => !run.checksumMatches))
				throw new Error(`${mode}: what was stored is not what the simulator served`);
			rows.push({
				contender: mode,
				fileMb: mode === 'list' ? 0 : bytes / 1e6,
				peakRssMb: Math.round(median(runs.map((run) => run.maxRssMb))),
				seconds: Math.round(median(runs.map((run) => run.seconds)) * 10) / 10,
			});
		}
	} finally {
		await sim.close();
		rmSync(storage, { recursive: true, force: true });
	}
	const peak = (mode: Mode) => rows.find((row) => row.contender === mode)?.peakRssMb ?? NaN;
	const results = {
		date: new Date().toISOString(),
		machine: { cpus: os.cpus().length, node: process.version },
		fileBytes: FILE_BYTES,
		runs: RUNS,
		rows,
		/** Peak RSS the 500 MB download adds to the same Get Many without it, in MB. */
		filesystemAddsMb: peak('filesystem') - peak('list'),
		memoryAddsMb: peak('memory') - peak('list'),
	};
	console.table(rows);
	writeResults('log-download.json', results);
}

// Only when run, not when test/docs/constants.test.ts imports FILE_BYTES.
if (require.main === module) {
	const [mode, endpoint, sha256] = process.argv.slice(2);
	(mode ? child(mode as Mode, endpoint ?? '', sha256 ?? '') : main()).catch((error: unknown) => {
		console.error(error);
		process.exitCode = 1;
	});
}
