/**
 * What the checks read of n8n's own records: its executions in PostgreSQL, the workers' logs,
 * the trigger's events (the simulator's request log is requestLog.ts). Nothing here changes
 * anything.
 */
import type { IDataObject, IRunExecutionData } from 'n8n-workflow';

import type { Cluster } from './cluster';
import { CERTIFICATE_TRIGGER_ID, TRIGGER_ID, TRIGGER_NODE } from './workflows';

export interface Execution {
	id: string;
	workflowId: string;
	status: string;
	data?: IRunExecutionData;
}

/** n8n's statuses of an execution that has not ended yet. */
export const hasEnded = (execution: Execution) => !['new', 'running'].includes(execution.status);

/** n8n's execution records, with their run data (n8n stores it as "flatted" JSON). */
export function executions(cluster: Cluster, withData = true): Execution[] {
	const rows = cluster.postgres.query(
		`SELECT json_build_object('id', e.id::text, 'workflowId', e."workflowId", 'status', e.status${
			withData ? `, 'data', d.data` : ''
		}) FROM execution_entity e LEFT JOIN execution_data d ON d."executionId" = e.id ORDER BY e.id`,
	);
	return rows
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const row = JSON.parse(line) as Execution & { data?: string };
			return {
				...row,
				data: row.data ? (cluster.parse(row.data) as IRunExecutionData) : undefined,
			};
		});
}

/** Which worker ran each execution, from the workers' log lines "Worker started execution <id>". */
export function workersByExecution(cluster: Cluster): Map<string, Set<string>> {
	const ran = new Map<string, Set<string>>();
	for (const { service } of cluster.started) {
		for (const match of service.output().matchAll(/Worker started execution (\d+) \(job/g)) {
			const id = match[1] as string; // the group is not optional
			ran.set(id, (ran.get(id) ?? new Set<string>()).add(service.name));
		}
	}
	return ran;
}

/** The items a trigger workflow emitted so far, one entry per emission, as `label` names them. */
function emitted(cluster: Cluster, workflowId: string, label: (json: IDataObject) => string) {
	return executions(cluster)
		.filter((execution) => execution.workflowId === workflowId)
		.flatMap((execution) =>
			(execution.data?.resultData.runData[TRIGGER_NODE]?.[0]?.data?.main?.[0] ?? []).map((item) =>
				label(item.json),
			),
		);
}

/** The task trigger's events so far: the TaskIds it emitted. */
export const triggerEvents = (cluster: Cluster): string[] =>
	emitted(cluster, TRIGGER_ID, (json) => String(json.TaskId));

/** The certificate trigger's events so far: `<CertName>@<DaysBefore>`. */
export const certificateEvents = (cluster: Cluster): string[] =>
	emitted(
		cluster,
		CERTIFICATE_TRIGGER_ID,
		(json) => `${String(json.CertName)}@${String(json.DaysBefore)}`,
	);
