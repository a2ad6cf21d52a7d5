/**
 * The machine around the real-n8n scripts: Debian packages they need (chromium for the
 * screenshots, redis-server and postgresql for the queue-mode test), free loopback ports, and
 * services started in their own process group so that they can be stopped with everything
 * they started.
 */
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export interface DebianPackage {
	/** The Debian package. */
	name: string;
	/** Whether it is there already (e.g. its binary exists). */
	present(): boolean;
}

/**
 * Installs the missing packages with apt-get (`update`, then `install -y`) when running as root
 * on Debian; otherwise, or if a package is still missing afterwards, throws with the command
 * that installs them.
 */
export function ensureDebianPackages(packages: DebianPackage[]): void {
	const missing = packages.filter((pkg) => !pkg.present());
	if (missing.length === 0) return;
	const names = missing.map((pkg) => pkg.name);
	if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
		console.log(`Installing Debian's ${names.join(', ')} (once)`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...names], {
			stdio: 'inherit',
			env,
		});
	}
	const still = missing.filter((pkg) => !pkg.present()).map((pkg) => pkg.name);
	if (still.length > 0)
		throw new Error(
			`Missing ${still.join(', ')}: install Debian's package(s) (apt-get install -y ${still.join(' ')}).`,
		);
}

/** A port nobody listens on at the moment, on 127.0.0.1. */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export interface Service {
	name: string;
	process: ChildProcess;
	/** Everything it printed so far (stdout and stderr). */
	output(): string;
	/** Signals its whole process group and waits (bounded) until it has exited. */
	stop(signal?: NodeJS.Signals, waitMs?: number): Promise<void>;
}

/** Process groups started and not yet gone. */
const groups = new Set<number>();
let forwarding = false;

/**
 * A service's process group does not get the terminal's Ctrl-C, so on SIGINT or SIGTERM every
 * live group is sent SIGTERM; then, unless the script handles the signal itself (to clean up
 * more and exit), the script exits.
 */
function forwardSignals() {
	if (forwarding) return;
	forwarding = true;
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			for (const pid of groups) {
				try {
					process.kill(-pid, 'SIGTERM');
				} catch {
					// Gone already.
				}
			}
			if (process.listenerCount(signal) === 0) process.exit(signal === 'SIGINT' ? 130 : 143);
		});
	}
}

/** Starts a command as the leader of its own process group, with its output kept. */
export function startService(
	name: string,
	command: string,
	args: string[],
	options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Service {
	const child = spawn(command, args, {
		env: options.env ?? process.env,
		cwd: options.cwd,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.on('error', (error) => (output += `\n${String(error)}`));
	forwardSignals();
	if (child.pid !== undefined) groups.add(child.pid);
	const exited = new Promise<void>((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) resolve();
		child.once('exit', () => resolve());
	});
	void exited.then(() => groups.delete(child.pid as number));
	return {
		name,
		process: child,
		output: () => output,
		stop: async (signal = 'SIGTERM', waitMs = 30_000) => {
			if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
			const signalGroup = (sig: NodeJS.Signals) => {
				try {
					process.kill(-(child.pid as number), sig);
				} catch {
					// The group is gone already.
				}
			};
			signalGroup(signal);
			const timer = new Promise<'timeout'>((resolve) =>
				setTimeout(() => resolve('timeout'), waitMs).unref(),
			);
			if ((await Promise.race([exited, timer])) === 'timeout') {
				signalGroup('SIGKILL');
				await exited;
			}
		},
	};
}

/** The path of a command in PATH or in one of `dirs`, if any. */
export function findCommand(name: string, dirs: string[] = []): string | undefined {
	const path = process.env.PATH ?? '';
	for (const dir of [...path.split(':'), ...dirs].filter(Boolean)) {
		const candidate = `${dir}/${name}`;
		if (existsSync(candidate)) return candidate;
	}
	return undefined;
}

/** Waits until `ready` resolves true, checking every `everyMs`, for at most `timeoutMs`. */
export async function waitFor(
	what: string,
	ready: () => boolean | Promise<boolean>,
	{ timeoutMs = 60_000, everyMs = 500 } = {},
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await ready()) return;
		if (Date.now() > deadline)
			throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
}
