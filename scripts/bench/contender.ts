/**
 * One benchmark contender in its own process, so its peak RSS is its own: a warm-up, then the
 * timed runs; prints times, item count and peak RSS as JSON. The floors load nothing of n8n.
 * Usage: contender.js <contender> <simulator url> <items> <page size> <runs>, the contender
 * one of Contender's; `items` is what an engine-alone contender emits.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from '../../dev/engine/package';
import { TASK_RESOURCES } from '../../nodes/shared/tasks/resources';
import { TEST_PRIVATE_KEY, TEST_PUBLIC_KEY } from '../../dev/simulator/server';

export type Contender =
	| 'floor'
	| 'floor-readable'
	| 'node-url'
	| 'node-url-readable'
	| 'node-task'
	| 'engine'
	| 'statistics-floor'
	| 'statistics-node'
	| 'statistics-engine';

/** The timezone of the readable-times contenders: one with daylight saving time. */
const READABLE_ZONE = 'America/New_York';

export interface ChildResult {
	times: number[];
	items: number;
	maxRssMb: number;
}

/** A URL item as the node emits it, for the engine-cost contender's ready-made items. */
const URL_ITEM = {
	Url: 'https://static.example.com/b/1/asset-1.js',
	CreateTime: 1_700_000_000,
	FinishTime: 1_700_000_005,
	Status: 'success',
	Progress: 100,
	TaskId: 'b_000001',
	TaskStatus: 'success',
	TaskCreateTime: 1_700_000_000,
};

/**
 * A point item of Statistics → Get as the node emits it (Per Domain, Bandwidth and Traffic,
 * readable times), for the Statistics engine-alone contender's ready-made items.
 */
const POINT_ITEM = {
	Time: 1_793_491_200,
	TimeIso: '2026-10-31T20:00:00.000-04:00',
	Domain: 'bench-00000.example.net',
	DomainId: 'ucdn-bench-00000',
	CdnBandwidth: 35.38,
	Traffic: 1_320_100_000,
};

/** A UCDN workflow with an Item Source in the UCDN node's place, emitting `count` copies of `template`. */
function engineAlone(
	workflow: WorkflowJson,
	count: number,
	template: INodeParameters,
): WorkflowJson {
	workflow.nodes = workflow.nodes.map((entry) =>
		entry.name === 'UCDN'
			? {
					...entry,
					name: 'Item Source',
					type: 'test.itemSource',
					parameters: { count, template },
					credentials: undefined,
				}
			: entry,
	);
	workflow.connections.Input = { main: [[{ node: 'Item Source', type: 'main', index: 0 }]] };
	return workflow;
}

/** One run of a contender; returns how many items (or URL objects) it produced. */
interface Job {
	contender: Contender;
	endpoint: string;
	/** Items the engine-cost contender emits. */
	count: number;
	pageSize: number;
}

async function runOnce({ contender, endpoint, count, pageSize }: Job): Promise<number> {
	const floorTarget = { endpoint, publicKey: TEST_PUBLIC_KEY, privateKey: TEST_PRIVATE_KEY };
	if (contender === 'floor' || contender === 'floor-readable') {
		const { floorDescribeUrls } = await import('./floor');
		const { urls } = await floorDescribeUrls(
			floorTarget,
			TASK_RESOURCES.refresh.describeAction,
			pageSize,
			contender === 'floor-readable' ? READABLE_ZONE : undefined,
		);
		return urls.length;
	}
	const dataset = await import('./dataset');
	if (contender === 'statistics-floor') {
		const { floorStatistics } = await import('./statisticsFloor');
		const { items } = await floorStatistics(floorTarget, {
			range: dataset.STATISTICS_RANGE,
			step: dataset.STATISTICS_STEP,
			zone: READABLE_ZONE,
		});
		return items.length;
	}
	const { runWorkflow } = await import('../../dev/engine/run');
	const { endpointCredentials, ucdnWorkflow } = await import('../../dev/engine/workflows');
	let workflow: ReturnType<typeof ucdnWorkflow>;
	let node = 'UCDN';
	if (contender === 'engine' || contender === 'statistics-engine') {
		workflow =
			contender === 'engine'
				? engineAlone(ucdnWorkflow({}), count, URL_ITEM)
				: engineAlone(
						ucdnWorkflow({}, { typeVersion: dataset.STATISTICS_VERSION, timezone: READABLE_ZONE }),
						count,
						POINT_ITEM,
					);
		node = 'Item Source';
	} else if (contender === 'statistics-node') {
		// Add Readable Times as the version has it by default: on, in the workflow's timezone.
		workflow = ucdnWorkflow(dataset.statisticsPerPoint(), {
			typeVersion: dataset.STATISTICS_VERSION,
			timezone: READABLE_ZONE,
		});
	} else {
		// node-url-readable: a node of version 1.1, where Add Readable Times is on by default.
		const readable = contender === 'node-url-readable';
		workflow = ucdnWorkflow(
			{
				...dataset.DESCRIBE_ALL_URLS,
				...(contender === 'node-task' ? { output: 'task' } : {}),
				options: { pageSize },
			},
			readable ? { typeVersion: 1.1, timezone: READABLE_ZONE } : {},
		);
	}
	const result = await runWorkflow(workflow, { credentials: endpointCredentials(endpoint) });
	if (result.error) throw result.error;
	return result.items(node).length;
}

/** In a child process: a warm-up, then RUNS timed runs. */
async function child(job: Job, runs: number) {
	const gc = (globalThis as { gc?: () => void }).gc;
	await runOnce(job);
	const times: number[] = [];
	let items = 0;
	for (let run = 0; run < runs; run++) {
		gc?.();
		const started = performance.now();
		items = await runOnce(job);
		times.push(performance.now() - started);
	}
	const result: ChildResult = { times, items, maxRssMb: process.resourceUsage().maxRSS / 1024 };
	process.stdout.write(JSON.stringify(result));
}

const [contender, endpoint, count, pageSize, runs] = process.argv.slice(2);
if (!endpoint)
	throw new Error('Usage: contender.js <contender> <simulator url> <items> <page size> <runs>');
child(
	{ contender: contender as Contender, endpoint, count: Number(count), pageSize: Number(pageSize) },
	Number(runs),
).catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
