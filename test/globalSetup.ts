// One temporary n8n user folder for the whole Jest run (see dev/engine/userFolder.ts); the
// workers inherit it, and test/globalTeardown.ts removes it.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function globalSetup(): void {
	process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(os.tmpdir(), 'ucdn-n8n-user-'));
}
