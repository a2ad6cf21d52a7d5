/**
 * What a `test:n8n` case is and what the cases share: the credentials they run with, the items
 * a node emitted in `n8n execute`'s run data, the action names their checks look for.
 */
import assert from 'node:assert/strict';

import type { IDataObject, INodeExecutionData, IRun } from 'n8n-workflow';

import type { WorkflowJson } from '../../../dev/engine/package';
import type { RecordedRequest, UcdnSimulator } from '../../../dev/simulator/server';

/** The simulator's account: every example workflow names this credential. */
export const CREDENTIAL = { id: 'ucloud-api', name: 'UCloud API' };
/** The simulator's public key with a private key that signs wrong. */
export const WRONG_CREDENTIAL = { id: 'ucloud-wrong-key', name: 'UCloud API (wrong key)' };
export const WRONG_PRIVATE_KEY = 'TEST-WRONG-PRIVATE-KEY-e2e';
/** A loopback endpoint nobody listens on. */
export const UNREACHABLE_CREDENTIAL = {
	id: 'ucloud-closed-port',
	name: 'UCloud API (closed port)',
};

export const SUBMIT_REFRESH = 'RefreshNewUcdnDomainCache';
export const DESCRIBE_REFRESH = 'DescribeNewUcdnRefreshCacheTask';

/** What a case's check gets of its run. */
export interface Result {
	run?: IRun;
	failed: boolean;
	output: string;
	/** What the simulator received during this run. */
	requests: RecordedRequest[];
}

export interface Case {
	/** The workflow's id in n8n: 16 characters, as n8n's own ids. */
	id: string;
	/** The example it runs, if any (every file of examples/ needs a case: index.ts). */
	file?: string;
	/** What the progress line says (default: the file, else the id). */
	title?: string;
	workflow: WorkflowJson;
	/** More of n8n's environment for this run. */
	env?: NodeJS.ProcessEnv;
	/** Sets the simulator up just before the run; what it returns undoes that after the check. */
	arrange?(simulator: UcdnSimulator): (() => void) | void;
	check(result: Result, simulator: UcdnSimulator): void;
}

/** The items a node emitted, from `n8n execute --rawOutput`'s run data. */
function emitted(run: IRun | undefined, node: string): INodeExecutionData[] {
	const data = run?.data.resultData.runData[node]?.[0]?.data?.main?.[0] as
		| INodeExecutionData[]
		| undefined;
	assert.ok(data, `node "${node}" emitted nothing`);
	return data;
}

/** The JSON of the items a node emitted. */
export const items = (run: IRun | undefined, node: string): IDataObject[] =>
	emitted(run, node).map((item) => item.json);

/** The binary `data` of the items a node emitted (its metadata; the content stays in n8n). */
export const binaries = (run: IRun | undefined, node: string): IDataObject[] =>
	emitted(run, node).map((item) => (item.binary?.data ?? {}) as unknown as IDataObject);

/** Whether a node ran at all (a branch not taken did not). */
export function ran(run: IRun | undefined, node: string): boolean {
	return (run?.data.resultData.runData[node]?.length ?? 0) > 0;
}
