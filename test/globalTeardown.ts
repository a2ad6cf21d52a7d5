import { rmSync } from 'node:fs';
import os from 'node:os';

export default function globalTeardown(): void {
	const folder = process.env.N8N_USER_FOLDER;
	// Only the temporary folder globalSetup made, never a folder the caller chose.
	if (folder?.startsWith(os.tmpdir()) && folder.includes('ucdn-n8n-user-')) {
		rmSync(folder, { recursive: true, force: true });
	}
}
