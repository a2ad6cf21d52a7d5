/**
 * Throwaway Redis and PostgreSQL for `npm run test:queue`, from Debian's `redis-server` and
 * `postgresql` packages (installed with apt-get when missing): on 127.0.0.1 only, on free ports,
 * with their data in a temp folder, and nothing kept on disk that outlives the run.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { Socket } from 'node:net';
import path from 'node:path';

import type { Service } from './system';
import { ensureDebianPackages, findCommand, freePort, startService, waitFor } from './system';

/** Debian keeps PostgreSQL's server programs out of PATH, under /usr/lib/postgresql/<major>/bin. */
function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	const versioned = existsSync(root)
		? readdirSync(root)
				.sort((a, b) => Number(b) - Number(a))
				.map((major) => path.join(root, major, 'bin'))
		: [];
	const initdb = findCommand('initdb', versioned);
	// A link in PATH (as some images add) leads to the folder with the server's other programs.
	return initdb ? path.dirname(realpathSync(initdb)) : undefined;
}

export function ensureBackends(): void {
	ensureDebianPackages([
		{ name: 'redis-server', present: () => findCommand('redis-server') !== undefined },
		{ name: 'postgresql', present: () => postgresBinDir() !== undefined },
	]);
}

/** Sends PING over RESP; true on +PONG. */
async function redisPing(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = new Socket();
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.once('error', () => done(false));
		socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
		socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
	});
}

export interface Redis {
	port: number;
	/** Stops Redis (its data is lost: no persistence) and starts it again on the same port. */
	restart(downMs: number): Promise<void>;
	/** Starts Redis again unless it answers (after a scenario failed half-way); true if it had to. */
	ensureRunning(): Promise<boolean>;
	stop(): Promise<void>;
}

export async function startRedis(dir: string): Promise<Redis> {
	const binary = findCommand('redis-server');
	if (!binary) throw new Error('redis-server is not installed');
	mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const args = [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		dir,
		'--daemonize',
		'no',
	];
	let service: Service;
	const start = async () => {
		service = startService('redis', binary, args, { cwd: dir });
		await waitFor('Redis', () => redisPing(port), { timeoutMs: 30_000, everyMs: 200 });
	};
	await start();
	return {
		port,
		restart: async (downMs) => {
			await service.stop('SIGTERM', 10_000);
			await new Promise((resolve) => setTimeout(resolve, downMs));
			await start();
		},
		ensureRunning: async () => {
			if (await redisPing(port)) return false;
			await service.stop('SIGTERM', 10_000);
			await start();
			return true;
		},
		stop: async () => await service.stop('SIGTERM', 10_000),
	};
}

export interface Postgres {
	port: number;
	database: string;
	user: string;
	/** Runs SQL with psql; returns its unaligned, tuples-only output. */
	query(sql: string): string;
	/** Stops the server (fast shutdown: clients are disconnected). */
	stop(): void;
	start(): void;
}

/**
 * A cluster initialised into `dir`, run as the `postgres` OS user when this runs as root
 * (PostgreSQL refuses to run as root), with trust authentication on 127.0.0.1 only.
 */
export async function startPostgres(dir: string): Promise<Postgres> {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL is not installed');
	const data = path.join(dir, 'data');
	const sockets = path.join(dir, 'sockets');
	mkdirSync(sockets, { recursive: true });
	const asRoot = process.getuid?.() === 0;
	if (asRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
		chownSync(dir, uid, gid);
		chownSync(sockets, uid, gid);
	}
	// runuser lives in /usr/sbin, which a CI runner's PATH may leave out.
	const runuser = findCommand('runuser', ['/usr/sbin', '/sbin']) ?? 'runuser';
	const run = (program: string, args: string[]) => {
		const [command, argv] = asRoot
			? [runuser, ['-u', 'postgres', '--', path.join(bin, program), ...args]]
			: [path.join(bin, program), args];
		return execFileSync(command, argv, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
	};
	run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
	const port = await freePort();
	const settings = [
		`-c listen_addresses=127.0.0.1 -p ${port} -k ${sockets}`,
		// A throwaway cluster: durability is not needed, speed on a shared machine is.
		'-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
	].join(' ');
	const postgres: Postgres = {
		port,
		database: 'n8n',
		user: 'postgres',
		query: (sql) =>
			execFileSync(
				path.join(bin, 'psql'),
				['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'n8n', '-At', '-c', sql],
				{ encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
			),
		start: () =>
			void run('pg_ctl', [
				'-D',
				data,
				'-l',
				path.join(dir, 'log'),
				'-o',
				settings,
				'-w',
				'-t',
				'60',
				'start',
			]),
		stop: () => {
			try {
				run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
			} catch (error) {
				// As a last resort, the postmaster itself (its PID is the first line of postmaster.pid).
				const pidFile = path.join(data, 'postmaster.pid');
				if (!existsSync(pidFile)) return;
				try {
					process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGKILL');
				} catch {
					throw error;
				}
			}
		},
	};
	postgres.start();
	try {
		execFileSync(
			path.join(bin, 'psql'),
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				'postgres',
				'-d',
				'postgres',
				'-c',
				'CREATE DATABASE n8n',
			],
			{ stdio: 'pipe' },
		);
	} catch (error) {
		postgres.stop();
		throw error;
	}
	return postgres;
}
