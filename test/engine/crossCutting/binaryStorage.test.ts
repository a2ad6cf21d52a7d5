/**
 * Log downloads with n8n's binary data on disk (mode `filesystem`, n8n 2.x's default): each file
 * is streamed into n8n's storage, never held whole as item data, and stored byte for byte as the
 * simulator served it. How little memory a large one takes is measured in `npm run bench`.
 */
import { Container } from '@n8n/di';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BinaryDataService } from 'n8n-core';

import { runWorkflow } from '../../../dev/engine/run';
import { logDownloadWorkflow, simulatorCredentials } from '../../../dev/engine/workflows';
import { largeFileSha256 } from '../../../dev/simulator/logs';
import type { UcdnSimulator } from '../../../dev/simulator/server';
import { SEED_DOMAINS, startSimulator } from '../../../dev/simulator/server';
import { at } from '../../at';

/** A past five minutes off the hour: one file, in one part. */
const T = Date.UTC(2026, 10, 2, 8, 5, 0) / 1000;
const LARGE_BYTES = 24 * 1024 * 1024 + 5;

const storage = mkdtempSync(path.join(tmpdir(), 'ucdn-binary-'));
let sim: UcdnSimulator;
beforeAll(async () => {
	process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
	process.env.N8N_BINARY_DATA_STORAGE_PATH = storage;
	await Container.get(BinaryDataService).init();
});
afterAll(() => {
	rmSync(storage, { recursive: true, force: true });
});
beforeEach(async () => {
	sim = await startSimulator({ seed: false });
});
afterEach(async () => {
	await sim.close();
});

async function downloadAt(time: number) {
	const result = await runWorkflow(logDownloadWorkflow(time), {
		credentials: simulatorCredentials(sim),
	});
	expect(result.error).toBeUndefined();
	return result.items('UCDN');
}

async function storedSha256(id: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of await Container.get(BinaryDataService).getAsStream(id))
		hash.update(chunk as Buffer);
	return hash.digest('hex');
}

test('a large file is stored on disk as served, the item holding only its reference', async () => {
	sim.logs.controls.large = { time: T, bytes: LARGE_BYTES };
	const [item, ...rest] = await downloadAt(T);
	expect(rest).toEqual([]);
	const data = item?.binary?.data;
	expect(data).toMatchObject({
		fileName: `${SEED_DOMAINS.static.Domain}_${T}-0.log.gz`,
		mimeType: 'application/gzip',
		bytes: LARGE_BYTES,
		id: expect.stringMatching(/^filesystem(-v2)?:/),
	});
	// The item carries the mode's name where memory mode would carry the whole file.
	expect(data?.data.length).toBeLessThan(32);
	expect(await storedSha256(String(data?.id))).toBe(largeFileSha256(LARGE_BYTES));
});

test('small files too: each stored as the simulator served it', async () => {
	// On the hour: the file in two parts.
	const items = await downloadAt(T - 300);
	expect(items).toHaveLength(2);
	for (const { json, binary } of items) {
		const served = sim.logs.served.get(new URL(String(json.Url)).pathname) as Buffer;
		expect(await storedSha256(String(binary?.data?.id))).toBe(
			createHash('sha256').update(served).digest('hex'),
		);
	}
	expect(at(items, 1).binary?.data?.fileName).toMatch(/-1\.log\.gz$/);
});
