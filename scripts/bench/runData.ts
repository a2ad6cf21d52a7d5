/**
 * Reading what a real n8n stored about an execution: its run data (n8n's "flatted" JSON), each
 * node's execution time, the items a node emitted, and the memory of a process group.
 */
import { readFileSync, readdirSync } from 'node:fs';

/**
 * Parses n8n's stored run data, written by the `flatted` library: a JSON array whose first
 * entry is the value; inside arrays and objects every string is the index of another entry
 * (strings themselves are entries), so shared and circular references survive.
 */
export function parseFlatted(text: string): unknown {
	const entries = JSON.parse(text) as unknown[];
	const revived = new Set<number>();
	const revive = (index: number): unknown => {
		const value = entries[index];
		if (value !== null && typeof value === 'object' && !revived.has(index)) {
			revived.add(index);
			const record = value as Record<string, unknown>;
			for (const key of Object.keys(record)) {
				if (typeof record[key] === 'string') record[key] = revive(Number(record[key]));
			}
		}
		return value;
	};
	return revive(0);
}

interface NodeRun {
	executionTime?: number;
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
}

export interface RunData {
	resultData: { runData: Record<string, NodeRun[]>; error?: { message?: string } };
}

/** Each node's execution time in ms (summed over its runs), as n8n recorded it. */
export function nodeTimes(run: RunData): Record<string, number> {
	return Object.fromEntries(
		Object.entries(run.resultData.runData).map(([name, runs]) => [
			name,
			runs.reduce((sum, nodeRun) => sum + (nodeRun.executionTime ?? 0), 0),
		]),
	);
}

/** The items a node emitted on its first output, over all its runs. */
export function nodeItems(run: RunData, node: string): Array<Record<string, unknown>> {
	const runs = run.resultData.runData[node] ?? [];
	return runs.flatMap((nodeRun) => (nodeRun.data?.main?.[0] ?? []).map((item) => item.json));
}

/** The fields both sides give for a URL (UrlProgressInfo), as one comparable string. */
export const URL_FIELDS = [
	'Url',
	'CreateTime',
	'FinishTime',
	'Status',
	'Progress',
	'TaskId',
	'TaskStatus',
	'TaskCreateTime',
] as const;
export const urlKey = (item: Record<string, unknown>) =>
	JSON.stringify(URL_FIELDS.map((field) => item[field]));

/** KiB fields of /proc/<pid>/status (VmRSS, VmHWM), in MB; undefined once the process is gone. */
function procStatus(pid: number): { rssMb: number; hwmMb: number } | undefined {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const field = (name: string) =>
			Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0) / 1024;
		return { rssMb: field('VmRSS'), hwmMb: field('VmHWM') };
	} catch {
		return undefined;
	}
}

/** The processes of a process group (n8n and the task runner it starts). */
export function groupPids(group: number): number[] {
	const pids: number[] = [];
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			// Fields after the command name (which may contain spaces): state, ppid, pgrp.
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
			if (pgrp === group) pids.push(Number(name));
		} catch {
			// Gone meanwhile.
		}
	}
	return pids;
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process group's processes have used so far, in ms. */
export function groupCpuMs(group: number): number {
	let ticks = 0;
	for (const pid of groupPids(group)) {
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			// After the command name: state is field 3, utime and stime are fields 14 and 15.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			ticks += Number(fields[11]) + Number(fields[12]);
		} catch {
			// Gone meanwhile.
		}
	}
	return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Resident memory of these processes right now: the sum, in MB. */
function rssMb(pids: number[]): number {
	return pids.reduce((sum, pid) => sum + (procStatus(pid)?.rssMb ?? 0), 0);
}

export interface MemoryPeak {
	/** The group's resident memory when sampling began. */
	startMb: number;
	/** The highest sum of the group's resident memory seen while sampling. */
	groupPeakMb: number;
	/** The group leader's (n8n's) own peak resident memory since it started, from the kernel (VmHWM). */
	mainHwmMb: number;
}

/**
 * Samples a process group's resident memory every `everyMs` until stop() is called. The group's
 * members are looked up again every second only: scanning /proc costs CPU the run needs.
 */
export function sampleMemory(group: number, everyMs = 50): { stop(): MemoryPeak } {
	let pids = groupPids(group);
	const startMb = rssMb(pids);
	let groupPeakMb = startMb;
	let samples = 0;
	const sample = () => {
		if (++samples % Math.round(1000 / everyMs) === 0) pids = groupPids(group);
		groupPeakMb = Math.max(groupPeakMb, rssMb(pids));
	};
	const timer = setInterval(sample, everyMs);
	return {
		stop() {
			clearInterval(timer);
			sample();
			return { startMb, groupPeakMb, mainHwmMb: procStatus(group)?.hwmMb ?? 0 };
		},
	};
}
