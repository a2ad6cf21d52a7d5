/**
 * One measured run of a `npm run bench:n8n` contender: a fresh n8n process (every one loads
 * the Item Source from N8N_CUSTOM_EXTENSIONS), the workflow run from the REST API as the
 * editor runs it, then once more in the same process, before any run data is fetched. Time: the
 * sum of the nodes' executionTime in n8n's stored run data; CPU: user + system time of n8n and
 * its task runner during the first execution; memory up to the end of the first execution (see
 * runData.ts). BENCH_PROFILE=<dir> has each n8n process write a CPU profile there.
 */
import path from 'node:path';

import type { UcdnSimulator } from '../../dev/simulator/server';
import type { N8nInstance } from '../n8n/instance';
import { login, rest, setupOwner, startManually, startN8n } from '../n8n/instance';
import type { N8nContender } from './n8nWorkflows';
import { TRIGGER } from './n8nWorkflows';
import type { MemoryPeak, RunData } from './runData';
import { groupCpuMs, nodeItems, nodeTimes, parseFlatted, sampleMemory, urlKey } from './runData';

const PROFILE = process.env.BENCH_PROFILE;
/** The built Item Source's folder, for N8N_CUSTOM_EXTENSIONS. */
const ITEM_SOURCE = path.join(__dirname, 'itemSource');

interface Execution {
	status: string;
	startedAt: string;
	stoppedAt: string;
	data: string;
}

async function waitForExecution(url: string, cookie: string, workflowId: string, id: string) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const deadline = Date.now() + 15 * 60_000;
	while (Date.now() < deadline) {
		// The list, not the execution itself: that would send its run data with each poll.
		const answer = await rest(url, `/executions?filter=${filter}&limit=20`, { cookie }).then(
			async (response) =>
				(await response.json()) as { data: { results: Array<{ id: string; status: string }> } },
			// While a node holds n8n's event loop for seconds, n8n may reset a kept-alive connection
			// as it unblocks: a poll that fails is simply made again.
			() => undefined,
		);
		const status = answer?.data.results.find((execution) => execution.id === id)?.status;
		if (status && !['new', 'running', 'waiting'].includes(status)) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`Execution ${id} did not finish within 15 minutes`);
}

export interface Measured {
	/** Sum of the nodes' executionTime, first execution in the process. */
	nodeTimeMs: number;
	/** The same for the second execution in the same process. */
	warmNodeTimeMs: number;
	/** startedAt → stoppedAt of the first execution, as n8n stored it. */
	executionMs: number;
	perNodeMs: Record<string, number>;
	/** CPU time n8n and its task runner used during the first execution. */
	cpuMs: number;
	memory: MemoryPeak;
	httpCalls: number;
	items: number;
	/** The URL fields of each item, in order (first run only). */
	keys?: string[];
}

async function runOnce(
	url: string,
	cookie: string,
	contender: N8nContender,
	group: number,
	sim: UcdnSimulator,
	keepKeys: boolean,
): Promise<Measured> {
	const execute = async () => {
		const id = await startManually(url, cookie, contender.id, TRIGGER);
		await waitForExecution(url, cookie, contender.id, id);
		return id;
	};
	const fetchRun = async (id: string) => {
		const { data } = (await (await rest(url, `/executions/${id}`, { cookie })).json()) as {
			data: Execution;
		};
		const run = parseFlatted(data.data) as RunData;
		if (data.status !== 'success')
			throw new Error(
				`${contender.name}: execution ${data.status}: ${run.resultData.error?.message ?? ''}`,
			);
		return { execution: data, run };
	};
	const sum = (times: Record<string, number>) =>
		Object.values(times).reduce((total, time) => total + time, 0);

	const callsBefore = sim.requests.length;
	const memory = sampleMemory(group);
	const cpuBefore = groupCpuMs(group);
	const firstId = await execute();
	const cpuMs = groupCpuMs(group) - cpuBefore;
	const peak = memory.stop();
	const httpCalls = sim.requests.length - callsBefore;
	// The warm run before any run data is fetched: serving that is no part of either run.
	const warmId = await execute();
	const warm = nodeTimes((await fetchRun(warmId)).run);
	const first = await fetchRun(firstId);
	const items = nodeItems(first.run, contender.last);
	const perNodeMs = nodeTimes(first.run);
	const keys = keepKeys ? items.map(urlKey) : undefined;
	return {
		nodeTimeMs: sum(perNodeMs),
		warmNodeTimeMs: sum(warm),
		executionMs: Date.parse(first.execution.stoppedAt) - Date.parse(first.execution.startedAt),
		perNodeMs,
		cpuMs,
		memory: peak,
		httpCalls,
		items: items.length,
		keys,
	};
}

async function measure(
	instance: N8nInstance,
	contender: N8nContender,
	sim: UcdnSimulator,
	keepKeys: boolean,
): Promise<Measured> {
	const n8n = await startN8n(instance, {
		env: {
			// Every n8n process of the run loads the Item Source, whichever contender it runs.
			N8N_CUSTOM_EXTENSIONS: ITEM_SOURCE,
			...(PROFILE && { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(PROFILE)}` }),
		},
	});
	try {
		// The owner is set up by the first run in this user folder (or a first one that failed).
		const cookie = await login(n8n.url).catch(async () => await setupOwner(n8n.url));
		// Let start-up work (the task runner, scheduled jobs) settle before measuring; under the
		// 5 s after which n8n closes an idle keep-alive connection, which fetch would then reuse.
		await new Promise((resolve) => setTimeout(resolve, 3000));
		return await runOnce(
			n8n.url,
			cookie,
			contender,
			n8n.service.process.pid as number,
			sim,
			keepKeys,
		);
	} catch (error) {
		// What n8n said last tells a crash (out of memory, a dead task runner) from a busy machine.
		console.log(`  n8n's last output:\n${n8n.service.output().slice(-3000)}`);
		throw error;
	} finally {
		await n8n.stop();
	}
}

/** A run that failed (a machine too busy, a connection n8n closed) is run once more. */
export async function measureOrRetry(...args: Parameters<typeof measure>): Promise<Measured> {
	try {
		return await measure(...args);
	} catch (error) {
		console.log(`  ${args[1].name} failed (${String(error)}); once more, in a fresh n8n`);
		return await measure(...args);
	}
}
