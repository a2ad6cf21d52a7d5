/**
 * A real n8n 2.x on localhost with this package installed from its tarball, a "UCloud API
 * (simulator)" credential pointing at a running simulator with sample tasks, the example
 * workflows imported, and an owner account already set up through n8n's REST API (so the
 * first-run setup screen is skipped). Used by `npm run dev` and `npm run screenshots`.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

import type { WorkflowJson } from '../../dev/engine/package';
import { readWorkflow } from '../../dev/engine/package';
import { generateTasks } from '../../dev/simulator/data';
import type { UcdnSimulator } from '../../dev/simulator/server';
import { TEST_PRIVATE_KEY, TEST_PUBLIC_KEY, startSimulator } from '../../dev/simulator/server';
import { RELEASES, ensureN8n } from './install';
import {
	createInstance,
	importIntoN8n,
	packTarball,
	setupOwner,
	simulatorCredential,
	startN8n,
	withCredential,
} from './instance';

export const CREDENTIAL = { id: 'ucloud-api', name: 'UCloud API (simulator)' };

export interface DevSession {
	url: string;
	simulator: UcdnSimulator;
	/** Imported workflow ids by example file name (and by name, those given to startDevSession). */
	workflows: Record<string, string>;
	stop(): Promise<void>;
}

/** Starts the session on `port`, with `more` workflows (by name) besides the examples. */
export async function startDevSession(
	port = 5678,
	more: Record<string, WorkflowJson> = {},
): Promise<DevSession> {
	const release = RELEASES.find((r) => r.line === '2.x');
	if (!release) throw new Error('No n8n 2.x release configured');
	const install = ensureN8n(release);
	const tarball = packTarball();

	const simulator = await startSimulator({ submit: { pollsToFinish: 2 } });
	const now = Math.floor(Date.now() / 1000);
	simulator.addTasks([
		...generateTasks({
			kind: 'refresh',
			count: 12,
			newest: now - 90,
			spacing: 600,
			prefix: 'demo',
			domain: 'www.example.com',
		}),
		...generateTasks({
			kind: 'prefetch',
			count: 6,
			newest: now - 60,
			spacing: 900,
			prefix: 'warm',
			urlsPerTask: 3,
			domain: 'www.example.com',
		}),
	]);

	const instance = createInstance(install, tarball, 'dev', port);
	const workflows: Record<string, string> = {};
	const imports = readdirSync('examples').map((file, n) => {
		const id = `ucdnExample${String(n + 1).padStart(5, '0')}`;
		workflows[file] = id;
		return { id, workflow: withCredential(readWorkflow(path.join('examples', file)), CREDENTIAL) };
	});
	for (const [n, [name, workflow]] of Object.entries(more).entries()) {
		const id = `ucdnExtra${String(n + 1).padStart(7, '0')}`;
		workflows[name] = id;
		imports.push({ id, workflow: withCredential(workflow, CREDENTIAL) });
	}
	const keys = { publicKey: TEST_PUBLIC_KEY, privateKey: TEST_PRIVATE_KEY };
	await importIntoN8n(instance, [simulatorCredential(CREDENTIAL, simulator.url, keys)], imports);

	const n8n = await startN8n(instance);
	try {
		await setupOwner(n8n.url);
	} catch (error) {
		await n8n.stop();
		throw error;
	}
	return {
		url: n8n.url,
		simulator,
		workflows,
		stop: async () => {
			await n8n.stop();
			await simulator.close();
		},
	};
}
