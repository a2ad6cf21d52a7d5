/**
 * `npm run demo`: starts the UCDN API simulator on loopback, runs
 * examples/describe-tasks.workflow.json through n8n's engine (n8n-core) with a credential
 * pointing at the simulator, and prints the items the UCDN node emitted.
 */
import { generateTasks } from '../dev/simulator/data';
import { startSimulator } from '../dev/simulator/server';
import { readWorkflow } from '../dev/engine/package';
import { runWorkflow } from '../dev/engine/run';
import { simulatorCredentials } from '../dev/engine/workflows';

const WORKFLOW = 'examples/describe-tasks.workflow.json';

async function main(): Promise<number> {
	const simulator = await startSimulator();
	try {
		const now = Math.floor(Date.now() / 1000);
		simulator.addTasks(
			generateTasks({ kind: 'refresh', count: 12, newest: now - 90, spacing: 600, prefix: 'demo' }),
		);
		const workflow = readWorkflow(WORKFLOW);
		const result = await runWorkflow(workflow, { credentials: simulatorCredentials(simulator) });
		if (result.error) {
			console.error(`The workflow failed: ${result.error.message}`);
			return 1;
		}
		const node = workflow.nodes.find((n) => n.type === 'n8n-nodes-ucdn.ucdn');
		const items = result.json(node?.name ?? '');
		console.log(`${WORKFLOW} ran in n8n's engine against the simulator at ${simulator.url}`);
		console.log(
			`"${node?.name}" emitted ${items.length} items after ${simulator.requests.length} signed API call(s):\n`,
		);
		console.log(JSON.stringify(items, null, 2));
		return 0;
	} finally {
		await simulator.close();
	}
}

main().then(
	(code) => (process.exitCode = code),
	(error: unknown) => {
		console.error(error);
		process.exitCode = 1;
	},
);
