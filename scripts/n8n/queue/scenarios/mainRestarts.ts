/**
 * The main process (which runs the triggers) stopped and started again: the tasks that finished
 * while it was down must be emitted after it is back, and a certificate that came within a
 * threshold meanwhile too (its events are counted in certificates.ts).
 */
import { waitFor } from '../../system';
import type { QueueTest } from '../cluster';
import { startMain } from '../cluster';
import { triggerEvents } from '../records';
import { polls } from '../requestLog';
import type { Scenario } from '../runner';
import { ok } from '../runner';
import { externalTasks } from '../workflows';
import { MOVED_WHILE_DOWN, endIn } from './certificates';

async function restartMain({ cluster }: QueueTest) {
	const { simulator } = cluster;
	const ids = externalTasks(simulator, 'restart', 3);
	await cluster.main?.stop();
	for (const id of ids) simulator.endTask(id, 'failure');
	endIn(simulator, MOVED_WHILE_DOWN.name, MOVED_WHILE_DOWN.days);
	const pollsBefore = polls(simulator);
	cluster.main = await startMain(cluster);
	ok(
		'main stopped; 3 tasks finished and a certificate came within 14 days while it was down; main started again',
	);
	await waitFor(
		'the trigger to emit them',
		() => ids.every((id) => triggerEvents(cluster).includes(id)),
		{ timeoutMs: 90_000, everyMs: 2000 },
	);
	ok(`emitted after the restart (polls since: ${polls(simulator) - pollsBefore})`);
}

export const mainRestarts: Scenario<QueueTest> = {
	title: 'Restart of the main process',
	run: restartMain,
};
