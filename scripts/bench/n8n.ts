/**
 * `npm run bench:n8n`: the UCDN node against what users build today without it, in one real
 * n8n 2.x (the packed package installed as a community package), on the simulator's
 * 10,000 tasks × 20 URLs (the dataset of `npm run bench`; BENCH_TASKS changes the count), page
 * size 1000:
 *   - node: Manual Trigger → UCDN 1.1 (Refresh, Describe Tasks, Return All, One Item per URL,
 *     Add Readable Times off: the chain has none);
 *   - chain: bench/http-chain.workflow.json, Manual Trigger → Code (sign a Limit=1 call) →
 *     HTTP Request (TotalCount) → Code (one signed request per page) → HTTP Request (once per
 *     page) → Split Out TaskList → Code (one item per URL, with its task's TaskId, TaskStatus
 *     and TaskCreateTime, as the node's items have them);
 *   - n8n alone: Manual Trigger → Item Source (itemSource/, loaded from N8N_CUSTOM_EXTENSIONS
 *     by every n8n process of the run), the node's very items made without any call: what n8n
 *     itself costs for them in its main process, the bound for any node there.
 * All must emit the same 200,000 URL items, in the same order, compared on every field of
 * URL_FIELDS (runData.ts). Each run starts a fresh n8n process, runs the workflow from the REST
 * API as the editor does, then once more in the same process (warm), before fetching any run
 * data; a run that fails is run once more in a fresh process. Time: the sum of the nodes'
 * executionTime in n8n's stored run data. CPU: user + system time of n8n and its task runner
 * (which runs Code nodes) during the first execution, saving it included. Memory, up to the end
 * of the first execution: the kernel's peak RSS (VmHWM) of the n8n process, and the peak of
 * n8n + task runner sampled every 50 ms. Each round runs every contender once, in an order
 * that turns from round to round; the table shows medians over the rounds, and each target is
 * the median of its ratio within each round, so that the machine's drift cancels out.
 * Writes bench/n8n-results.json (docs/performance.md). Timing never fails anything.
 * BENCH_RUNS sets the rounds (default 5), BENCH_N8N_PORT n8n's port (5720); BENCH_PROFILE=<dir>
 * has each n8n process write a CPU profile there (V8's --cpu-prof) and BENCH_ONLY=node|chain|
 * alone runs one contender (then nothing is compared or written), for looking into where the
 * time goes.
 */
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';

import type { WorkflowJson } from '../../dev/engine/package';
import { readWorkflow } from '../../dev/engine/package';
import { TEST_PRIVATE_KEY, TEST_PUBLIC_KEY, startSimulator } from '../../dev/simulator/server';
import type { UcdnSimulator } from '../../dev/simulator/server';
import { RELEASES, ensureN8n } from '../n8n/install';
import type { N8nInstance } from '../n8n/instance';
import {
	createInstance,
	importIntoN8n,
	login,
	packTarball,
	rest,
	setupOwner,
	simulatorCredential,
	startManually,
	startN8n,
} from '../n8n/instance';
import {
	DESCRIBE_ALL_URLS,
	PAGE_SIZE,
	TASKS,
	URLS_PER_TASK,
	addBenchTasks,
	benchTasks,
	median,
	target,
	writeResults,
} from './dataset';
import type { MemoryPeak, RunData } from './runData';
import {
	groupCpuMs,
	nodeItems,
	nodeTimes,
	parseFlatted,
	sampleMemory,
	URL_FIELDS,
	urlKey,
} from './runData';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_N8N_PORT ?? 5720);
const PROFILE = process.env.BENCH_PROFILE;
const ONLY = process.env.BENCH_ONLY;
const CHAIN_FILE = 'bench/http-chain.workflow.json';
/** The built Item Source's folder, for N8N_CUSTOM_EXTENSIONS. */
const ITEM_SOURCE = path.join(__dirname, 'itemSource');
const CREDENTIAL = { id: 'ucloud-api', name: 'UCloud API (simulator)' };
const TRIGGER = 'When clicking ‘Execute workflow’';

type Name = 'node' | 'chain' | 'alone';

interface Contender {
	name: Name;
	id: string;
	workflow: WorkflowJson;
	/** The node whose items are the URLs. */
	last: string;
}

function nodeWorkflow(): WorkflowJson {
	return {
		name: 'UCDN node: Describe Tasks, Return All, One Item per URL',
		nodes: [
			{
				id: '1',
				name: TRIGGER,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '2',
				name: 'Describe refresh tasks',
				type: 'n8n-nodes-ucdn.ucdn',
				typeVersion: 1.1,
				position: [220, 0],
				parameters: {
					...DESCRIBE_ALL_URLS,
					// The chain's items have no readable times either.
					readableTimes: false,
					options: { pageSize: PAGE_SIZE },
				},
				credentials: { ucloudApi: CREDENTIAL },
			},
		],
		connections: {
			[TRIGGER]: { main: [[{ node: 'Describe refresh tasks', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** The saved chain, its HTTP Request nodes pointed at the simulator. */
function chainWorkflow(endpoint: string): WorkflowJson {
	const workflow = readWorkflow(CHAIN_FILE);
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type === 'n8n-nodes-base.httpRequest'
				? { ...node, parameters: { ...node.parameters, url: `${endpoint}/` } }
				: node,
		),
	};
}

/** n8n alone: the Item Source emits the node's items for the simulator's tasks, without a call. */
function aloneWorkflow(newest: number): WorkflowJson {
	return {
		name: 'n8n alone: the same 200,000 URL items, ready-made',
		nodes: [
			{
				id: '1',
				name: TRIGGER,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '2',
				name: 'Ready-made URL items',
				type: 'CUSTOM.itemSource',
				typeVersion: 1,
				position: [220, 0],
				parameters: { tasks: TASKS, newest },
			},
		],
		connections: {
			[TRIGGER]: { main: [[{ node: 'Ready-made URL items', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

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

interface Measured {
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
	contender: Contender,
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
	contender: Contender,
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
async function measureOrRetry(...args: Parameters<typeof measure>): Promise<Measured> {
	try {
		return await measure(...args);
	} catch (error) {
		console.log(`  ${args[1].name} failed (${String(error)}); once more, in a fresh n8n`);
		return await measure(...args);
	}
}

const round = (value: number) => Math.round(value);

/** A contender's first run: the one that keeps its items' keys. */
function firstRun(runs: Measured[]): Measured {
	const [first] = runs;
	if (!first) throw new Error('No run measured: BENCH_RUNS must be 1 or more');
	return first;
}

/**
 * The targets, as ratios within one round (fresh n8n processes run one after the other), met
 * when at most the limit. n8n alone is the bound: no node can emit these items in n8n's main
 * process for less than n8n itself takes for them, so where n8n alone misses a target against
 * the chain, no node can meet it, and the node is held to n8n alone instead.
 */
function n8nTargets(measured: (name: Name) => Measured) {
	const [node, chain, alone] = (['node', 'chain', 'alone'] as const).map(measured) as [
		Measured,
		Measured,
		Measured,
	];
	return [
		target('1st execution, time: node ÷ chain', node.nodeTimeMs / chain.nodeTimeMs, 0.2),
		target('1st execution, time: n8n alone ÷ chain', alone.nodeTimeMs / chain.nodeTimeMs, 0.2),
		target('2nd execution, time: node ÷ chain', node.warmNodeTimeMs / chain.warmNodeTimeMs, 0.5),
		target('n8n peak RSS: node ÷ chain', node.memory.mainHwmMb / chain.memory.mainHwmMb, 1),
		target('n8n peak RSS: n8n alone ÷ chain', alone.memory.mainHwmMb / chain.memory.mainHwmMb, 1),
		target('n8n peak RSS: node ÷ n8n alone', node.memory.mainHwmMb / alone.memory.mainHwmMb, 1.1),
		target(
			'n8n + task runner peak RSS: node ÷ chain',
			node.memory.groupPeakMb / chain.memory.groupPeakMb,
			1,
		),
	];
}

async function main() {
	const release = RELEASES.find((r) => r.line === '2.x');
	if (!release) throw new Error('No n8n 2.x release configured');
	const install = ensureN8n(release);
	const tarball = packTarball();
	const sim = await startSimulator({ seed: false });
	const tasks = benchTasks();
	addBenchTasks(sim, tasks);
	const contenders: Contender[] = [
		{
			name: 'node',
			id: 'ucdnBenchNode001',
			workflow: nodeWorkflow(),
			last: 'Describe refresh tasks',
		},
		{
			name: 'chain',
			id: 'ucdnBenchChain01',
			workflow: chainWorkflow(sim.url),
			last: 'URLs with task fields',
		},
		{
			name: 'alone',
			id: 'ucdnBenchAlone01',
			workflow: aloneWorkflow(tasks.newest),
			last: 'Ready-made URL items',
		},
	];
	const rounds: Array<Partial<Record<Name, Measured>>> = [];
	try {
		const instance = createInstance(install, tarball, 'bench', PORT);
		await importIntoN8n(
			instance,
			[
				simulatorCredential(CREDENTIAL, sim.url, {
					publicKey: TEST_PUBLIC_KEY,
					privateKey: TEST_PRIVATE_KEY,
				}),
			],
			contenders,
		);
		console.log(
			`n8n ${install.version}: ${TASKS} tasks × ${URLS_PER_TASK} URLs, page size ${PAGE_SIZE}, ${RUNS} rounds of each contender, each in a fresh n8n process`,
		);
		for (let run = 0; run < RUNS; run++) {
			const measured: Partial<Record<Name, Measured>> = {};
			rounds.push(measured);
			// Each contender goes first, second and last in turn.
			const turn = run % contenders.length;
			const order = [...contenders.slice(turn), ...contenders.slice(0, turn)];
			for (const contender of order.filter(({ name }) => !ONLY || name === ONLY)) {
				const result = await measureOrRetry(instance, contender, sim, run === 0);
				measured[contender.name] = result;
				console.log(
					`  round ${run + 1} ${contender.name}: ${result.items} items, nodes ${round(result.nodeTimeMs)} ms (warm ${round(result.warmNodeTimeMs)} ms), CPU ${round(result.cpuMs)} ms, n8n peak ${round(result.memory.mainHwmMb)} MB, with runner ${round(result.memory.groupPeakMb)} MB`,
				);
			}
		}
	} finally {
		await sim.close();
	}

	if (ONLY) return;
	const runsOf = (name: Name) =>
		rounds.map((measured) => {
			const result = measured[name];
			if (!result) throw new Error(`No ${name} run in a round`);
			return result;
		});
	// The same URL items, in the same order.
	const nodeKeys = firstRun(runsOf('node')).keys;
	assert.ok(nodeKeys, 'the first run kept its items’ keys');
	assert.equal(nodeKeys.length, TASKS * URLS_PER_TASK, 'the node emitted every URL');
	for (const other of ['chain', 'alone'] as const) {
		const keys = firstRun(runsOf(other)).keys;
		assert.ok(keys, 'the first run kept its items’ keys');
		assert.equal(keys.length, nodeKeys.length, `${other} emitted as many URL items as the node`);
		const differing = nodeKeys.findIndex((key, n) => key !== keys[n]);
		assert.equal(
			differing,
			-1,
			`${other}: item ${differing} differs: ${nodeKeys[differing]} vs ${keys[differing]}`,
		);
	}

	const rows = contenders.map(({ name, workflow }) => {
		const runs = runsOf(name);
		const first = firstRun(runs);
		const med = (pick: (m: Measured) => number) => round(median(runs.map(pick)));
		return {
			contender: name,
			workflow: workflow.nodes.map((node) => node.name).join(' → '),
			items: first.items,
			httpCalls: first.httpCalls,
			nodeTimeMs: med((m) => m.nodeTimeMs),
			warmNodeTimeMs: med((m) => m.warmNodeTimeMs),
			executionMs: med((m) => m.executionMs),
			cpuMs: med((m) => m.cpuMs),
			n8nPeakRssMb: med((m) => m.memory.mainHwmMb),
			withRunnerPeakRssMb: med((m) => m.memory.groupPeakMb),
			idleRssMb: med((m) => m.memory.startMb),
			perNodeMs: Object.fromEntries(
				Object.keys(first.perNodeMs).map((node) => [node, med((m) => m.perNodeMs[node] ?? 0)]),
			),
			runs: runs.map((m) => ({
				nodeTimeMs: round(m.nodeTimeMs),
				warmNodeTimeMs: round(m.warmNodeTimeMs),
				cpuMs: round(m.cpuMs),
				n8nPeakRssMb: round(m.memory.mainHwmMb),
				withRunnerPeakRssMb: round(m.memory.groupPeakMb),
			})),
		};
	});
	const perRound = rounds.map((measured) =>
		n8nTargets((name) => {
			const result = measured[name];
			if (!result) throw new Error(`No ${name} run in a round`);
			return result;
		}),
	);
	const targets = (perRound[0] ?? []).map(({ target: what, limit }, n) => {
		const values = perRound.map((targetsOfRound) => targetsOfRound[n]?.value as number);
		return { ...target(what, median(values), limit), rounds: values };
	});
	console.table(
		rows.map(({ perNodeMs: _perNode, runs: _runs, workflow: _workflow, ...row }) => row),
	);
	console.log(
		'Per node (ms):',
		Object.fromEntries(rows.map(({ contender, perNodeMs }) => [contender, perNodeMs])),
	);
	console.log('Targets:');
	console.table(targets);

	const results = {
		date: new Date().toISOString(),
		machine: {
			cpus: os.cpus().length,
			cpu: os.cpus()[0]?.model,
			memoryGb: Math.round(os.totalmem() / 2 ** 30),
			load: os.loadavg().map((load) => Math.round(load * 100) / 100),
		},
		n8n: install.version,
		dataset: { tasks: TASKS, urlsPerTask: URLS_PER_TASK, pageSize: PAGE_SIZE, runs: RUNS },
		sameItems: {
			items: nodeKeys.length,
			compared: nodeKeys.length,
			fields: URL_FIELDS.join(', '),
		},
		rows,
		targets,
	};
	writeResults('n8n-results.json', results);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
