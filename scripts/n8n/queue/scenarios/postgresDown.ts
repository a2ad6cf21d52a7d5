/**
 * PostgreSQL unavailable while the trigger polls and tasks finish: the tasks that finished
 * meanwhile must be emitted once it is back.
 */
import { waitFor } from '../../system';
import type { QueueTest } from '../cluster';
import { triggerEvents } from '../records';
import { polls } from '../requestLog';
import type { Scenario } from '../runner';
import { ok } from '../runner';
import { externalTasks } from '../workflows';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function stopPostgres({ cluster }: QueueTest) {
	const { simulator } = cluster;
	const ids = externalTasks(simulator, 'pgdown', 3);
	const pollsBefore = polls(simulator);
	cluster.postgres.stop();
	for (const id of ids) simulator.endTask(id, 'success');
	// Long enough for two of the trigger's poll times to pass.
	await sleep(25_000);
	cluster.postgres.start();
	ok(
		`Postgres stopped for 25 s while 3 tasks finished; the trigger polled ${polls(simulator) - pollsBefore} times meanwhile`,
	);
	await waitFor(
		'the trigger to emit them once Postgres is back',
		() => ids.every((id) => triggerEvents(cluster).includes(id)),
		{ timeoutMs: 90_000, everyMs: 2000 },
	).catch((error: Error) => {
		throw new Error(`${error.message}; emitted: ${JSON.stringify(triggerEvents(cluster))}`);
	});
	ok('the tasks that finished meanwhile were emitted once Postgres was back');
}

export const postgresDown: Scenario<QueueTest> = {
	title: 'Fault: Postgres unavailable to the trigger',
	run: stopPostgres,
};
