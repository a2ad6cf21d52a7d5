/**
 * `npm run bench`, on the simulator:
 *   - Describe + Return All over 10,000 tasks × 20 URLs, for
 *     1. this node in n8n-core's engine (One Item per URL: 200,000 items, also with Add Readable
 *        Times as version 1.1 has it by default; and One Item per Task),
 *     2. the floor: the same signed calls, parsing and flattening in a bare script (floor.ts),
 *        also with the readable times the node adds,
 *     3. the engine's own cost: a node that only emits 200,000 ready-made items;
 *   - Statistics → Get, Bandwidth and Traffic, 30 days of 5-minute points of 20 domains, Per
 *     Domain, One Item per Point (172,800 items; version 1.2, readable times on), for the node,
 *     its floor (statisticsFloor.ts: the same calls, chunk by chunk, the same items) and the
 *     engine alone emitting as many ready-made point items.
 * Each contender runs in its own child process (so peak RSS is its own): one warm-up, then
 * RUNS timed runs, in each of ROUNDS rounds; the table shows medians over the rounds, and each
 * target is the median of its ratio within each round. Also measured: API calls
 * to submit U URLs, calls per poll while waiting, and how soon the node returns after the
 * last task is done. Prints a table and writes bench/results.json. Timing never fails CI.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

import { runWorkflow } from '../../dev/engine/run';
import { simulatorCredentials, ucdnWorkflow } from '../../dev/engine/workflows';
import { TASK_RESOURCES } from '../../nodes/shared/tasks/resources';
import { startSimulator } from '../../dev/simulator/server';
import type { ChildResult, Contender } from './contender';
import {
	PAGE_SIZE,
	STATISTICS_DOMAINS,
	STATISTICS_POINTS,
	STATISTICS_RANGE,
	STATISTICS_VERSION,
	TASKS,
	URLS_PER_TASK,
	addBenchTasks,
	benchDomains,
	median,
	statisticsPerPoint,
	target,
	writeResults,
} from './dataset';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/**
 * Rounds of all contenders one after the other. A shared machine's speed drifts over seconds,
 * which skews a ratio of two contenders measured a minute apart; each round's ratios are taken
 * within the round, and the figures are the medians over the rounds.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** API calls to submit `urls` URLs at `batchSize`, and what waiting costs. */
async function submitAndWaitFigures() {
	// 3,300 file refreshes of one domain: more than its default daily quota of 700.
	const sim = await startSimulator({
		seed: false,
		submit: { cap: 1000, pollsToFinish: Infinity },
		quota: { file: 10_000 },
	});
	try {
		const urls = Array.from({ length: 1000 }, (_, n) => `https://static.example.com/purge/${n}.js`);
		const submitCalls: Record<string, number> = {};
		for (const batchSize of [30, 100, 1000]) {
			const before = sim.requests.length;
			const result = await runWorkflow(
				ucdnWorkflow(
					{
						resource: 'refresh',
						operation: 'submit',
						urls: '={{ $json.urls }}',
						options: { batchSize },
					},
					{ input: [{ urls }] },
				),
				{ credentials: simulatorCredentials(sim) },
			);
			if (result.error) throw result.error;
			submitCalls[`1000 URLs at batch size ${batchSize}`] = sim.requests.length - before;
		}

		// Check Domains and Quota (on from version 1.2): its reads, once per execution, whatever the
		// items and batches: 3 items of 200 URLs, half on each of two domains, at batch size 100.
		const checkBefore = sim.requests.length;
		const half = (host: string, item: number) =>
			Array.from({ length: 100 }, (_, n) => `https://${host}/check/${item}/${n}.js`);
		const checked = await runWorkflow(
			ucdnWorkflow(
				{
					resource: 'refresh',
					operation: 'submit',
					urls: '={{ $json.urls }}',
					options: { batchSize: 100 },
				},
				{
					typeVersion: 1.2,
					input: [0, 1, 2].map((item) => ({
						urls: [...half('static.example.com', item), ...half('cdn.example.com', item)],
					})),
				},
			),
			{ credentials: simulatorCredentials(sim) },
		);
		if (checked.error) throw checked.error;
		const checkCalls: Record<string, number> = {};
		for (const { action } of sim.requests.slice(checkBefore))
			checkCalls[action] = (checkCalls[action] ?? 0) + 1;

		// Wait on 10 tasks (300 URLs at 30); the simulator marks them all done 5 s after the start.
		const pollSeconds = 2;
		const before = sim.requests.length;
		let markedAt = 0;
		const started = Date.now();
		const timer = setTimeout(() => {
			for (const task of sim.tasks.filter(
				(t) => t.polls !== undefined && t.info.Status !== 'success',
			))
				sim.finishTask(task.info.TaskId);
			markedAt = Date.now();
		}, 5000);
		const result = await runWorkflow(
			ucdnWorkflow(
				{
					resource: 'refresh',
					operation: 'submit',
					urls: '={{ $json.urls }}',
					waitForCompletion: true,
					pollInterval: pollSeconds,
					timeout: 120,
				},
				{ input: [{ urls: urls.slice(0, 300) }] },
			),
			{ credentials: simulatorCredentials(sim) },
		);
		const returnedAt = Date.now();
		clearTimeout(timer);
		if (result.error) throw result.error;
		const calls = sim.requests.slice(before);
		const polls = calls.filter((call) => call.action === TASK_RESOURCES.refresh.describeAction);
		const tasksPerPoll = polls.map(
			(poll) => Object.keys(poll.params).filter((name) => name.startsWith('TaskId.')).length,
		);
		return {
			submitCalls,
			checkCalls,
			waiting: {
				tasks: calls.length - polls.length,
				polls: polls.length,
				// One Describe per poll covers every task: each names all of them.
				everyPollNamesAllTasks: tasksPerPoll.every(
					(count) => count === calls.length - polls.length,
				),
				pollIntervalSeconds: pollSeconds,
				doneToReturnMs: returnedAt - markedAt,
				totalSeconds: Math.round((returnedAt - started) / 100) / 10,
			},
		};
	} finally {
		await sim.close();
	}
}

/** The targets, as ratios within one run, so that the machine's speed cancels out. */
function benchTargets(
	measurement: (contender: Contender) => { medianMs: number; maxRssMb: number },
) {
	const floor = measurement('floor');
	const floorReadable = measurement('floor-readable');
	const node = measurement('node-url');
	const readable = measurement('node-url-readable');
	const engine = measurement('engine');
	const pointsFloor = measurement('statistics-floor');
	const points = measurement('statistics-node');
	const pointsEngine = measurement('statistics-engine');
	return [
		target('One Item per URL, time ÷ floor', node.medianMs / floor.medianMs, 1.2),
		target('One Item per URL, peak RSS ÷ floor', node.maxRssMb / floor.maxRssMb, 2),
		target('One Item per URL, peak RSS ÷ engine alone', node.maxRssMb / engine.maxRssMb, 1.1),
		target(
			'readable times, time ÷ floor + readable times',
			readable.medianMs / floorReadable.medianMs,
			1.25,
		),
		target(
			'readable times, peak RSS ÷ floor + readable times',
			readable.maxRssMb / floorReadable.maxRssMb,
			1.3,
		),
		// n8n's engine alone is the lower bound for 200,000 items in its item model: when it is
		// already above 1.3 × the floor with readable times, the row above cannot be met by any
		// node, and this is the bound that can.
		target(
			'engine alone, peak RSS ÷ floor + readable times',
			engine.maxRssMb / floorReadable.maxRssMb,
			1.3,
		),
		target('readable times, peak RSS ÷ engine alone', readable.maxRssMb / engine.maxRssMb, 1.1),
		target(
			"readable times' cost ÷ floor's time",
			(readable.medianMs - node.medianMs) / floor.medianMs,
			0.3,
		),
		target(
			'Statistics, One Item per Point, time ÷ floor',
			points.medianMs / pointsFloor.medianMs,
			1.25,
		),
		target(
			'Statistics, One Item per Point, peak RSS ÷ engine alone',
			points.maxRssMb / pointsEngine.maxRssMb,
			1.1,
		),
	];
}

/** Each contender's floor, whose time and peak RSS its row is compared with. */
const floorOf = (contender: Contender): Contender =>
	contender.startsWith('statistics-') ? 'statistics-floor' : 'floor';

/** Items an engine-alone contender emits: as many as the node's. */
const ITEMS: Partial<Record<Contender, number>> = {
	engine: TASKS * URLS_PER_TASK,
	'statistics-engine': STATISTICS_DOMAINS * STATISTICS_POINTS,
};

async function main() {
	const sim = await startSimulator({ seed: false, domains: benchDomains() });
	addBenchTasks(sim);
	// Every run reads the same points: each call's are computed once (about 2 s for them all).
	sim.traffic.remember();
	const script = path.join(__dirname, 'contender.js');
	const contenders: Contender[] = [
		'floor',
		'floor-readable',
		'node-url',
		'node-url-readable',
		'engine',
		'node-task',
		'statistics-floor',
		'statistics-node',
		'statistics-engine',
	];
	type Measured = ChildResult & { calls: number; medianMs: number };
	const rounds: Array<Record<string, Measured>> = [];
	try {
		for (let round = 0; round < ROUNDS; round++) {
			const measured: Record<string, Measured> = {};
			rounds.push(measured);
			for (const contender of contenders) {
				process.stdout.write(`  round ${round + 1}, ${contender} … `);
				const before = sim.requests.length;
				const output = await new Promise<string>((resolve, reject) => {
					// Asynchronous: the child talks to this process's simulator.
					const proc = spawn(
						process.execPath,
						[
							'--expose-gc',
							'--max-old-space-size=8192',
							script,
							contender,
							sim.url,
							String(ITEMS[contender] ?? 0),
							String(PAGE_SIZE),
							String(RUNS),
						],
						{
							stdio: ['ignore', 'pipe', 'inherit'],
						},
					);
					let text = '';
					proc.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
					proc.on('close', (code) =>
						code === 0 ? resolve(text) : reject(new Error(`${contender} exited with ${code}`)),
					);
				});
				const result = JSON.parse(output) as ChildResult;
				const calls = (sim.requests.length - before) / (RUNS + 1);
				const medianMs = median(result.times);
				measured[contender] = { ...result, calls, medianMs };
				process.stdout.write(`${Math.round(medianMs)} ms\n`);
			}
		}
	} finally {
		await sim.close();
	}
	const figures = await submitAndWaitFigures();

	const inRound = (measured: Record<string, Measured>) => (contender: Contender) => {
		const m = measured[contender];
		if (!m) throw new Error(`${contender} was not measured`);
		return m;
	};
	// Each contender's figures: the medians over the rounds.
	const measurement = (contender: Contender): Measured => {
		const all = rounds.map((measured) => inRound(measured)(contender));
		return {
			...(all[0] as Measured),
			times: all.flatMap((m) => m.times),
			medianMs: median(all.map((m) => m.medianMs)),
			maxRssMb: median(all.map((m) => m.maxRssMb)),
		};
	};
	const rows = contenders.map((name) => {
		const m = measurement(name);
		const floor = measurement(floorOf(name));
		return {
			contender: name,
			floor: floorOf(name),
			items: m.items,
			httpCalls: m.calls,
			medianMs: Math.round(m.medianMs),
			timeVsFloor: Math.round((m.medianMs / floor.medianMs) * 100) / 100,
			peakRssMb: Math.round(m.maxRssMb),
			rssVsFloor: Math.round((m.maxRssMb / floor.maxRssMb) * 100) / 100,
		};
	});
	const perRound = rounds.map((measured) => benchTargets(inRound(measured)));
	const targets = (perRound[0] ?? []).map(({ target: what, limit }, n) => {
		const values = perRound.map((round) => round[n]?.value as number);
		return { ...target(what, median(values), limit), rounds: values };
	});

	console.log(
		`\nDescribe + Return All, ${TASKS} tasks × ${URLS_PER_TASK} URLs, page size ${PAGE_SIZE}; Statistics → Get, ${STATISTICS_DOMAINS} domains × ${STATISTICS_POINTS} 5-minute points, Per Domain, One Item per Point; median of ${RUNS} runs after a warm-up, in each of ${ROUNDS} rounds`,
	);
	console.table(rows);
	console.log('Targets:');
	console.table(targets);
	console.log('Submit calls:', figures.submitCalls);
	console.log('Check Domains and Quota, 3 items × 200 URLs on 2 domains:', figures.checkCalls);
	console.log('Waiting:', figures.waiting);

	const results = {
		date: new Date().toISOString(),
		machine: {
			cpus: os.cpus().length,
			cpu: os.cpus()[0]?.model,
			node: process.version,
			memoryGb: Math.round(os.totalmem() / 2 ** 30),
		},
		dataset: {
			tasks: TASKS,
			urlsPerTask: URLS_PER_TASK,
			pageSize: PAGE_SIZE,
			runs: RUNS,
			rounds: ROUNDS,
			statistics: {
				domains: STATISTICS_DOMAINS,
				pointsPerDomain: STATISTICS_POINTS,
				from: new Date(STATISTICS_RANGE.begin * 1000).toISOString(),
				to: new Date(STATISTICS_RANGE.end * 1000).toISOString(),
				nodeVersion: STATISTICS_VERSION,
				parameters: statisticsPerPoint(),
			},
		},
		rows,
		targets,
		...figures,
		// Against the HTTP Request + Code + Split Out chain, in real n8n: `npm run bench:n8n`.
		httpChainComparison: 'n8n-results.json',
	};
	writeResults('results.json', results);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
