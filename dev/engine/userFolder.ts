/**
 * n8n-core keeps its instance settings (an encryption key in `<user folder>/.n8n/config`) in
 * the user's home unless N8N_USER_FOLDER says otherwise, and a real n8n started later in that
 * home would pick them up. Everything that runs the engine here (tests, demo, benchmark) gets a
 * temporary user folder instead, removed when the process exits, and a fixed test encryption
 * key, so that n8n-core neither generates one nor says so on stdout (the benchmark's contenders
 * answer in JSON there). Imported before n8n-core is used; Jest's global setup imports it once
 * for the whole run, and the test workers inherit the folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

if (!process.env.N8N_USER_FOLDER) {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'ucdn-n8n-user-'));
	process.env.N8N_USER_FOLDER = folder;
	process.env.N8N_ENCRYPTION_KEY ??= 'TEST-ENCRYPTION-KEY-n8n-nodes-ucdn-engine-only';
	process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
}
