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
 * Writes bench/n8n-results.json (docs/performance.md). Timing never fails anything. The
 * workflows are in n8nWorkflows.ts, a run in a fresh n8n and what is measured of it in
 * n8nMeasure.ts.
 * BENCH_RUNS sets the rounds (default 5), BENCH_N8N_PORT n8n's port (5720); BENCH_PROFILE=<dir>
 * has each n8n process write a CPU profile there (V8's --cpu-prof) and BENCH_ONLY=node|chain|
 * alone runs one contender (then nothing is compared or written), for looking into where the
 * time goes.
 */
import assert from 'node:assert/strict';
import os from 'node:os';

import { TEST_PRIVATE_KEY, TEST_PUBLIC_KEY, startSimulator } from '../../dev/simulator/server';
import { RELEASES, ensureN8n } from '../n8n/install';
import { createInstance, importIntoN8n, packTarball, simulatorCredential } from '../n8n/instance';
import {
	PAGE_SIZE,
	TASKS,
	URLS_PER_TASK,
	addBenchTasks,
	benchTasks,
	median,
	target,
	writeResults,
} from './dataset';
import type { Measured } from './n8nMeasure';
import { measureOrRetry } from './n8nMeasure';
import type { Name } from './n8nWorkflows';
import { CREDENTIAL, n8nContenders } from './n8nWorkflows';
import { URL_FIELDS } from './runData';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_N8N_PORT ?? 5720);
const ONLY = process.env.BENCH_ONLY;

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
	const contenders = n8nContenders(sim.url, tasks.newest);
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
