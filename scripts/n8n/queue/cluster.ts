/**
 * The cluster every scenario runs on, all on 127.0.0.1: the UCDN API simulator, a throwaway
 * Redis and PostgreSQL, and real n8n 2.x in queue mode (one main process with Postgres as its
 * database, two `n8n worker` processes sharing its user folder, with the tarball installed as a
 * community package, and its encryption key). Also what the scenarios found out, for the summary,
 * and how the cluster is put back together after a scenario failed half-way.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { UcdnSimulator } from '../../../dev/simulator/server';
import { TEST_PRIVATE_KEY, TEST_PUBLIC_KEY, startSimulator } from '../../../dev/simulator/server';
import type { Postgres, Redis } from '../backends';
import { startPostgres, startRedis } from '../backends';
import type { N8nInstall } from '../install';
import type { N8nInstance, RunningN8n } from '../instance';
import {
	createInstance,
	importIntoN8n,
	n8nCommand,
	simulatorCredential,
	startN8n,
} from '../instance';
import { freePort, waitFor } from '../system';
import { polls } from './requestLog';
import { ok } from './runner';
import {
	CERTIFICATE_TRIGGER_ID,
	CREDENTIAL,
	DEPLOY_ID,
	FAILING,
	TRIGGER_ID,
	certificateTriggerWorkflow,
	deployWorkflow,
	triggerWorkflow,
} from './workflows';

/** Describe calls a submitted task takes to finish, unless a scenario says otherwise for a while. */
export const POLLS_TO_FINISH = 2;
export const WORKER_CONCURRENCY = 10;
const WORKERS = 2;

export interface Cluster {
	instance: N8nInstance;
	postgres: Postgres;
	redis: Redis;
	simulator: UcdnSimulator;
	main?: RunningN8n;
	workers: RunningN8n[];
	/** Every n8n process started, running or not, for their logs. */
	started: RunningN8n[];
	/** n8n's own `flatted` parser, for the run data it stores. */
	parse(text: string): unknown;
}

/** What the scenarios found out, for the summary; unset where a scenario failed before it knew. */
export interface Findings {
	/** When the trigger polled first (the cluster is ready then). */
	firstPoll: number;
	/** How many workers the deploy load used. */
	workersUsed?: number;
	/** How the execution whose worker was killed ended. */
	killed?: { status: string; error: string };
	/** The executions whose queued job was lost with Redis: they never reached a worker. */
	lostWithRedis?: string[];
	/** The trigger's events and the tasks that finished, at the end. */
	trigger?: { events: number; finished: number };
	/** The certificate trigger's events and its polls, at the end. */
	certificates?: { events: number; polls: number };
}

/** What every scenario gets. */
export interface QueueTest {
	cluster: Cluster;
	findings: Findings;
}

const alive = (n8n: RunningN8n | undefined): n8n is RunningN8n =>
	n8n !== undefined &&
	n8n.service.process.exitCode === null &&
	n8n.service.process.signalCode === null;

async function started(cluster: Cluster, starting: Promise<RunningN8n>): Promise<RunningN8n> {
	const running = await starting;
	cluster.started.push(running);
	return running;
}

export async function startWorker(cluster: Cluster, n: number): Promise<RunningN8n> {
	const health = await freePort();
	return await started(
		cluster,
		startN8n(cluster.instance, {
			name: `worker-${n}`,
			command: ['worker', `--concurrency=${WORKER_CONCURRENCY}`],
			healthPort: String(health),
			env: {
				QUEUE_HEALTH_CHECK_PORT: String(health),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			},
		}),
	);
}

export async function startMain(cluster: Cluster): Promise<RunningN8n> {
	return await started(cluster, startN8n(cluster.instance, { name: 'main' }));
}

/** The end of each n8n process's output, which tells what it was doing when a check failed. */
export function printLogs(cluster: Cluster): void {
	for (const { service } of cluster.started)
		console.error(`[${service.name}]\n${service.output().slice(-4000)}\n`);
}

/**
 * Starts everything and waits for the trigger's first poll. Each thing started pushes its stop
 * onto `stops` at once, so the caller stops it whatever fails later.
 */
export async function startCluster(options: {
	install: N8nInstall;
	tarball: string;
	/** A temp folder for Redis's and PostgreSQL's data. */
	dir: string;
	stops: Array<() => Promise<void> | void>;
}): Promise<QueueTest> {
	const { install, tarball, dir, stops } = options;
	const simulator = await startSimulator({
		seed: false,
		submit: { pollsToFinish: POLLS_TO_FINISH },
	});
	stops.push(() => simulator.close());
	simulator.failUrls(FAILING);
	const postgres = await startPostgres(path.join(dir, 'postgres'));
	stops.push(() => postgres.stop());
	const redis = await startRedis(path.join(dir, 'redis'));
	stops.push(() => redis.stop());
	console.log(
		`Redis on 127.0.0.1:${redis.port}, PostgreSQL on 127.0.0.1:${postgres.port}, simulator on ${simulator.url}`,
	);

	const instance = createInstance(install, tarball, 'queue', await freePort());
	stops.push(() => rmSync(instance.userFolder, { recursive: true, force: true }));
	Object.assign(instance.env, {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		DB_POSTGRESDB_POOL_SIZE: '4',
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		// A dead worker's job is declared stalled within ~20 s instead of ~90 s.
		QUEUE_WORKER_LOCK_DURATION: '15000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '3000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
		N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
		// Workers log "Worker started execution <id>" at info.
		N8N_LOG_LEVEL: 'info',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
	});
	const keys = { publicKey: TEST_PUBLIC_KEY, privateKey: TEST_PRIVATE_KEY };
	await importIntoN8n(
		instance,
		[simulatorCredential(CREDENTIAL, simulator.url, keys)],
		[
			{ id: DEPLOY_ID, workflow: deployWorkflow },
			{ id: TRIGGER_ID, workflow: triggerWorkflow },
			{ id: CERTIFICATE_TRIGGER_ID, workflow: certificateTriggerWorkflow },
		],
	);
	for (const id of [DEPLOY_ID, TRIGGER_ID, CERTIFICATE_TRIGGER_ID]) {
		const result = await n8nCommand(instance, ['publish:workflow', `--id=${id}`]);
		if (result.code !== 0)
			throw new Error(`n8n publish:workflow failed:\n${result.stdout}\n${result.stderr}`);
	}
	const n8nRequire = createRequire(path.join(install.dir, 'node_modules', 'n8n', 'package.json'));
	const { parse } = n8nRequire('flatted') as { parse(text: string): unknown };
	const cluster: Cluster = {
		instance,
		postgres,
		redis,
		simulator,
		workers: [],
		started: [],
		parse,
	};
	stops.push(async () => {
		await Promise.all(cluster.started.map((n) => n.stop()));
	});

	console.log('\nStarting n8n in queue mode: one main, two workers');
	try {
		// Each one is in cluster.started once ready (and stopped by startN8n if it never is).
		const starts = await Promise.allSettled([
			startMain(cluster),
			...Array.from({ length: WORKERS }, (_, n) => startWorker(cluster, n + 1)),
		]);
		const [main, ...workers] = starts.map((start) => {
			if (start.status === 'rejected') throw start.reason;
			return start.value;
		});
		assert.ok(main, 'the main instance started');
		cluster.main = main;
		cluster.workers = workers;
		ok(`main on ${main.url}, workers ready (concurrency ${WORKER_CONCURRENCY} each)`);
		await waitFor("the trigger's first poll", () => polls(simulator) >= 1, {
			timeoutMs: 90_000,
		});
	} catch (error) {
		printLogs(cluster);
		throw error;
	}
	return { cluster, findings: { firstPoll: Date.now() } };
}

/**
 * After a scenario failed half-way: what it may have left behind is put back as the scenarios
 * expect to find it, so the next ones test the package rather than the wreckage. Prints what it
 * did. A passing scenario leaves the cluster as it found it, so this runs only after failures.
 */
export async function recover({ cluster }: QueueTest): Promise<void> {
	const { simulator } = cluster;
	const did: string[] = [];
	if (simulator.submitOptions.pollsToFinish !== POLLS_TO_FINISH) {
		simulator.submitOptions.pollsToFinish = POLLS_TO_FINISH;
		did.push(`submitted tasks take ${POLLS_TO_FINISH} polls again`);
	}
	try {
		cluster.postgres.query('SELECT 1');
	} catch {
		cluster.postgres.start();
		did.push('PostgreSQL started again');
	}
	if (await cluster.redis.ensureRunning()) did.push('Redis started again');
	if (!alive(cluster.main)) {
		cluster.main = await startMain(cluster);
		did.push('main started again');
	}
	cluster.workers = cluster.workers.filter(alive);
	for (let n = 1; n <= WORKERS; n++) {
		if (cluster.workers.some((worker) => worker.service.name === `worker-${n}`)) continue;
		cluster.workers.push(await startWorker(cluster, n));
		did.push(`worker-${n} started again`);
	}
	// Tasks its executions left waiting end at the CDN anyway, as the trigger's check expects.
	const unfinished = simulator.tasks.filter(
		(task) => !['success', 'failure'].includes(task.info.Status),
	);
	for (const task of unfinished) {
		if (task.pollsLeft) simulator.finishTask(task.info.TaskId);
		else simulator.endTask(task.info.TaskId, 'success');
	}
	if (unfinished.length) did.push(`${unfinished.length} unfinished tasks ended`);
	console.log(`  Recovered for the next scenarios: ${did.join('; ') || 'nothing to do'}`);
}
