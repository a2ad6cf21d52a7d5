/**
 * `npm run dev`: a real n8n 2.x on http://127.0.0.1:5678 with this package loaded from its
 * tarball, a ready "UCloud API (simulator)" credential and the example workflows. Ctrl-C stops it.
 */
import { OWNER } from './instance';
import { startDevSession } from './session';

async function main() {
	const session = await startDevSession(Number(process.env.N8N_PORT ?? 5678));
	console.log(`
n8n is running at ${session.url} with n8n-nodes-ucdn installed.
  Sign in:     ${OWNER.email} / ${OWNER.password}   (a local test account)
  Credential:  "UCloud API (simulator)", signing for the UCDN API simulator at ${session.simulator.url}
  Workflows:   ${Object.keys(session.workflows).join(', ')}
Rebuild and restart (npm run dev) to load changes. Ctrl-C stops n8n and the simulator.`);
	const stop = () => {
		void session.stop().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
