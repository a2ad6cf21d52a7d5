/**
 * The UCDN Trigger (Both, Task Finished) has polled every 10 s through every scenario before
 * this one, faults and restart included: every task that finished must have been emitted
 * exactly once.
 */
import assert from 'node:assert/strict';

import { waitFor } from '../../system';
import type { QueueTest } from '../cluster';
import { executions, hasEnded, triggerEvents } from '../records';
import { polls } from '../requestLog';
import type { Scenario } from '../runner';
import { ok } from '../runner';
import { TRIGGER_ID } from '../workflows';

async function everyTaskOnce({ cluster, findings }: QueueTest) {
	const { simulator } = cluster;
	await waitFor('every task to finish', () =>
		simulator.tasks.every((task) => ['success', 'failure'].includes(task.info.Status)),
	);
	const finished = simulator.tasks.map((task) => task.info.TaskId);
	// Then two more polls (a task emitted twice would show there), each poll's execution
	// read only once it has ended: a worker stores its items a moment after it ran.
	const pollsNow = polls(simulator);
	await waitFor(
		'two more polls, every finished task emitted and every trigger execution ended',
		() => {
			const emitted = new Set(triggerEvents(cluster));
			return (
				polls(simulator) >= pollsNow + 2 &&
				finished.every((id) => emitted.has(id)) &&
				executions(cluster, false).every((e) => e.workflowId !== TRIGGER_ID || hasEnded(e))
			);
		},
		{ timeoutMs: 90_000, everyMs: 1000 },
	).catch(() => undefined); // the assertions below say what is missing
	const events = triggerEvents(cluster);
	findings.trigger = { events: events.length, finished: finished.length };
	const twice = events.filter((id, n) => events.indexOf(id) !== n);
	const missing = finished.filter((id) => !events.includes(id));
	assert.deepEqual(twice, [], 'tasks emitted more than once');
	assert.deepEqual(missing, [], 'finished tasks never emitted');
	assert.ok(polls(simulator) >= 5, 'at least 5 polls');
	ok(
		`${events.length} events for ${finished.length} finished tasks over ${polls(simulator)} polls since ${Math.round((Date.now() - findings.firstPoll) / 1000)} s, across the faults and the restart`,
	);
}

export const trigger: Scenario<QueueTest> = {
	title: 'Trigger: every finished task emitted exactly once',
	run: everyTaskOnce,
};
