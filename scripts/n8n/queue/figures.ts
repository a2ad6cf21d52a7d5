/** The run's figures, read at the end; where a scenario failed before it knew one, it says so. */
import type { QueueTest } from './cluster';
import { executions, workersByExecution } from './records';
import { duplicatePurges, polls } from './requestLog';
import { POLL_SECONDS, TRIGGER_ID } from './workflows';

const UNKNOWN = 'unknown: its scenario failed';

export function printFigures({ cluster, findings }: QueueTest, startedAt: number): void {
	const { simulator } = cluster;
	const all = executions(cluster, false);
	const ran = workersByExecution(cluster);
	const onWorkers = all.filter((execution) => ran.has(execution.id)).length;
	const lost = findings.lostWithRedis;
	const staticData = cluster.postgres
		.query(
			`SELECT coalesce(length("staticData"::text), 0) FROM workflow_entity WHERE id = '${TRIGGER_ID}'`,
		)
		.trim();
	console.table({
		executions: {
			value: all.length,
			note: `${onWorkers} ran on a worker; ${lost ? `${lost.length} queued ones lost with Redis` : `lost with Redis: ${UNKNOWN}`}`,
		},
		'workers used': { value: findings.workersUsed ?? '?', note: 'by the deploy load' },
		submits: {
			value: simulator.requestsFor('RefreshNewUcdnDomainCache').length,
			note: 'one per URL batch',
		},
		'duplicate purges': { value: duplicatePurges(simulator).length, note: 'must be 0' },
		polls: { value: polls(simulator), note: `every ${POLL_SECONDS[1] - POLL_SECONDS[0]} s` },
		'trigger events': findings.trigger
			? { value: findings.trigger.events, note: `for ${findings.trigger.finished} tasks finished` }
			: { value: '?', note: UNKNOWN },
		'certificate events': findings.certificates
			? { value: findings.certificates.events, note: `over ${findings.certificates.polls} polls` }
			: { value: '?', note: UNKNOWN },
		'trigger static data': {
			value: `${staticData} bytes`,
			note: 'written to Postgres when a poll emits',
		},
		'killed worker': findings.killed
			? { value: findings.killed.status, note: findings.killed.error.slice(0, 60) }
			: { value: '?', note: UNKNOWN },
		time: {
			value: `${Math.round((Date.now() - startedAt) / 1000)} s`,
			note: 'including n8n start-ups',
		},
	});
}
