/**
 * One real n8n with this package installed the way n8n installs community packages: the
 * packed tarball in `<user folder>/.n8n/nodes`. Used by the end-to-end run, `npm run dev` and
 * the screenshots. Telemetry, update checks and everything else that would leave loopback are off.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { IRun } from 'n8n-workflow';

import type { WorkflowJson } from '../../dev/engine/package';
import type { N8nInstall } from './install';
import { CACHE, cleanEnv } from './install';
import type { Service } from './system';
import { startService } from './system';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** A fixed key for the throwaway test instances: their credentials are the simulator's. */
const ENCRYPTION_KEY = 'TEST-ENCRYPTION-KEY-n8n-nodes-ucdn-local-only';

export interface N8nInstance {
	install: N8nInstall;
	userFolder: string;
	env: NodeJS.ProcessEnv;
}

/**
 * `npm pack` of the built package, as it would be published, into a folder of this run's own
 * (removed when the process exits): runs from other checkouts sharing the cache cannot swap it.
 */
export function packTarball(): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'ucdn-pack-'));
	process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
	execFileSync('npm', ['pack', '--pack-destination', dir, '--silent'], {
		cwd: ROOT,
		env: cleanEnv(),
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const [file] = readdirSync(dir).filter((name) => name.endsWith('.tgz'));
	if (!file) throw new Error(`npm pack wrote no tarball to ${dir}`);
	return path.join(dir, file);
}

/**
 * A fresh user folder for this n8n with the tarball installed in `.n8n/nodes`, as n8n's
 * community-package installer does: `--legacy-peer-deps` so the peer n8n-workflow is not
 * installed twice, and no install scripts.
 */
export function createInstance(
	install: N8nInstall,
	tarball: string,
	name: string,
	port = 5678,
): N8nInstance {
	const userFolder = path.join(CACHE, 'instances', `${name}-${install.version}`);
	rmSync(userFolder, { recursive: true, force: true });
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }),
	);
	execFileSync(
		'npm',
		[
			'install',
			tarball,
			'--legacy-peer-deps',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		{
			cwd: nodesDir,
			env: cleanEnv(),
			stdio: ['ignore', 'ignore', 'inherit'],
		},
	);
	const env: NodeJS.ProcessEnv = {
		...cleanEnv(),
		...install.env,
		PATH: `${path.dirname(install.node)}${path.delimiter}${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(port + 1),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: 'warn',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		DB_SQLITE_POOL_SIZE: '2',
		NODE_ENV: 'production',
	};
	return { install, userFolder, env };
}

export interface CommandResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs one n8n CLI command to its end. */
export function n8nCommand(
	instance: N8nInstance,
	args: string[],
	env: NodeJS.ProcessEnv = {},
): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(instance.install.node, [instance.install.cli, ...args], {
			env: { ...instance.env, ...env },
			cwd: instance.userFolder,
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
	});
}

/**
 * The run data printed by `n8n execute --rawOutput`, if any: indented JSON from a line `{` to
 * the next line `}`. Log lines come before it, and may come after it: on a busy machine n8n
 * 2.41.1 has printed its task runner's registration once the run data was out.
 */
export function parseRun(stdout: string): IRun | undefined {
	const start = stdout.search(/^\{$/m);
	if (start === -1) return undefined;
	const end = stdout.slice(start).search(/^\}$/m);
	if (end === -1) return undefined;
	try {
		return JSON.parse(stdout.slice(start, start + end + 1)) as IRun;
	} catch {
		return undefined;
	}
}

export interface StartOptions {
	/** The n8n command and its flags (default `start`). */
	command?: string[];
	/** Environment on top of the instance's. */
	env?: NodeJS.ProcessEnv;
	/** The port whose `/healthz/readiness` tells that it is ready (default N8N_PORT). */
	healthPort?: string;
	/** Name in messages (default `n8n`). */
	name?: string;
}

export interface RunningN8n {
	url: string;
	/** The process group, with everything n8n printed. */
	service: Service;
	stop(): Promise<void>;
}

/**
 * Starts `n8n start` (or another n8n command, such as `worker`) in its own process group and
 * resolves once it answers on its health port.
 */
export async function startN8n(
	instance: N8nInstance,
	options: StartOptions = {},
): Promise<RunningN8n> {
	const env = { ...instance.env, ...options.env };
	const url = `http://127.0.0.1:${env.N8N_PORT}`;
	const name = options.name ?? 'n8n';
	const service = startService(
		name,
		instance.install.node,
		[instance.install.cli, ...(options.command ?? ['start'])],
		{ env, cwd: instance.userFolder },
	);
	const child = service.process;
	const stop = () => service.stop();
	const health = `http://127.0.0.1:${options.healthPort ?? env.N8N_PORT}/healthz/readiness`;
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(`${name} exited with ${child.exitCode}:\n${service.output()}`);
		try {
			const response = await fetch(health);
			if (response.ok) return { url, service, stop };
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	await stop();
	throw new Error(`${name} did not become ready within 3 minutes:\n${service.output()}`);
}

/** A local, throwaway account: n8n needs an owner before its editor or REST API can be used. */
export const OWNER = {
	email: 'dev@n8n-nodes-ucdn.invalid',
	password: 'Simulator-Only-1',
	firstName: 'UCDN',
	lastName: 'Developer',
};

/** A call to n8n's internal REST API (`/rest…`) that throws unless the answer is 2xx. */
export async function rest(
	url: string,
	path: string,
	init: RequestInit & { cookie?: string } = {},
): Promise<Response> {
	const send = () =>
		fetch(`${url}/rest${path}`, {
			...init,
			headers: {
				'Content-Type': 'application/json',
				...(init.cookie ? { Cookie: init.cookie } : {}),
			},
		});
	let response: Response;
	try {
		response = await send();
	} catch (error) {
		// n8n closes a connection idle for 5 s; fetch may have reused it at that very moment, so
		// the request never reached n8n: send it again, once, on a new connection.
		if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
		response = await send();
	}
	if (!response.ok)
		throw new Error(
			`n8n REST ${init.method ?? 'GET'} ${path}: HTTP ${response.status} ${await response.text()}`,
		);
	return response;
}

/** Sets up the owner through n8n's REST API (skipping the first-run screen) and signs in; returns the session cookie. */
export async function setupOwner(url: string): Promise<string> {
	// n8n 1.x answers its health check before all REST routes are mounted.
	for (let attempt = 0; ; attempt++) {
		try {
			await rest(url, '/owner/setup', { method: 'POST', body: JSON.stringify(OWNER) });
			break;
		} catch (error) {
			if (attempt >= 60 || !String(error).includes('HTTP 404')) throw error;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
	return await login(url);
}

/** Signs in as the owner set up earlier (by setupOwner, in the same user folder); returns the session cookie. */
export async function login(url: string): Promise<string> {
	const answer = await rest(url, '/login', {
		method: 'POST',
		body: JSON.stringify({
			emailOrLdapLoginId: OWNER.email,
			email: OWNER.email,
			password: OWNER.password,
		}),
	});
	const [cookie = ''] = (answer.headers.get('set-cookie') ?? '').split(';');
	return cookie;
}

/**
 * Starts a workflow as the editor's "Execute workflow" button does (manual mode: a polling
 * trigger fetches its test event); returns the execution's id.
 */
export async function startManually(
	url: string,
	cookie: string,
	workflowId: string,
	trigger: string,
): Promise<string> {
	const { data: workflowData } = (await (
		await rest(url, `/workflows/${workflowId}`, { cookie })
	).json()) as { data: object };
	const started = (await (
		await rest(url, `/workflows/${workflowId}/run`, {
			method: 'POST',
			cookie,
			body: JSON.stringify({ workflowData, triggerToStartFrom: { name: trigger } }),
		})
	).json()) as { data: { executionId: string } };
	return started.data.executionId;
}

/** Runs a workflow as startManually does and waits for it; returns the status and the stored run data. */
export async function runManually(
	url: string,
	cookie: string,
	workflowId: string,
	trigger: string,
): Promise<{ status: string; data: string }> {
	const executionId = await startManually(url, cookie, workflowId, trigger);
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const { data } = (await (await rest(url, `/executions/${executionId}`, { cookie })).json()) as {
			data: { status: string; data: string };
		};
		if (!['new', 'running', 'waiting'].includes(data.status)) return data;
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	throw new Error(`Execution ${executionId} did not finish within a minute`);
}

/** A "UCloud API" credential as n8n's import takes it (plain data: n8n encrypts it), signing for the simulator. */
export function simulatorCredential(
	ref: { id: string; name: string },
	simulatorUrl: string,
	keys: { publicKey: string; privateKey: string },
) {
	return {
		...ref,
		type: 'ucloudApi',
		data: { ...keys, endpoint: 'custom', customEndpoint: simulatorUrl, projectId: '' },
	};
}

/** The workflow with every UCloud API credential reference pointing at `credential`. */
export function withCredential(
	workflow: WorkflowJson,
	credential: { id: string; name: string },
): WorkflowJson {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.credentials?.ucloudApi ? { ...node, credentials: { ucloudApi: credential } } : node,
		),
	};
}

/** Imports credentials and workflows (each under its id, inactive) with n8n's own CLI. */
export async function importIntoN8n(
	instance: N8nInstance,
	credentials: object[],
	workflows: Array<{ id: string; workflow: object }>,
) {
	const work = path.join(instance.userFolder, 'import');
	mkdirSync(path.join(work, 'workflows'), { recursive: true });
	writeFileSync(path.join(work, 'credentials.json'), JSON.stringify(credentials));
	for (const { id, workflow } of workflows) {
		writeFileSync(
			path.join(work, 'workflows', `${id}.json`),
			JSON.stringify({ ...workflow, id, active: false }),
		);
	}
	for (const args of [
		['import:credentials', `--input=${path.join(work, 'credentials.json')}`],
		['import:workflow', '--separate', `--input=${path.join(work, 'workflows')}`],
	]) {
		const result = await n8nCommand(instance, args);
		if (result.code !== 0)
			throw new Error(`n8n ${args[0]} failed:\n${result.stdout}\n${result.stderr}`);
	}
}
