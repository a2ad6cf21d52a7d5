/**
 * How the package ships: the GitHub Actions workflows (validated against GitHub's schema by
 * `npm run lint:workflows` in npm test; here, what they must do), the tag check the publish
 * workflow runs, and the manifest fields n8n's verification compares.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { parse } from 'yaml';

import { ROOT } from '../../dev/engine/package';
import { at } from '../at';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json'));

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	if?: unknown;
	'continue-on-error'?: unknown;
}
interface Job {
	environment?: unknown;
	strategy?: { matrix?: Record<string, unknown> };
	steps: Step[];
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

/** A workflow as GitHub reads it: parsed, so comments (a commented-out step) count for nothing. */
const workflow = (file: string) => parse(read(`.github/workflows/${file}`)) as Workflow;
/** What each step does: the action it uses (without its version) or the command it runs. */
const did = (steps: Step[]) =>
	steps.map((step) =>
		step.uses ? `uses ${step.uses.replace(/@.*$/, '')}` : `run ${step.run?.trim()}`,
	);
/** Every string in a parsed document: keys, values, and the commands in them. */
const strings = (value: unknown): string[] =>
	typeof value === 'string'
		? [value]
		: value !== null && typeof value === 'object'
			? Object.entries(value).flatMap(([key, inner]) => [key, ...strings(inner)])
			: [];
const job = (parsed: Workflow, name: string) => {
	const found = parsed.jobs[name];
	if (!found) throw new Error(`No job "${name}"`);
	return found;
};

describe('the publish workflow', () => {
	const publish = workflow('publish.yml');
	const steps = job(publish, 'publish').steps;

	test('runs on version tags only, with an OIDC token for trusted publishing and no stored npm token', () => {
		expect(publish.on).toEqual({ push: { tags: ['v*.*.*'] } });
		expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		// The environment npmjs.com's trusted-publisher settings name, in the only job.
		expect(Object.keys(publish.jobs)).toEqual(['publish']);
		expect(job(publish, 'publish').environment).toBe('npm');
		expect(
			strings(publish).filter((text) => /NODE_AUTH_TOKEN|NPM_TOKEN|secrets\./.test(text)),
		).toEqual([]);
	});

	test('checks the tag, installs exactly, tests, then publishes with provenance, in that order', () => {
		expect(did(steps)).toEqual([
			'uses actions/checkout',
			'uses actions/setup-node',
			'run npm install --global npm@11.19.1',
			'run node scripts/release/check-tag.mjs "${GITHUB_REF_NAME}"',
			'run npm ci',
			'run npm test',
			'run npm publish --provenance --access public',
		]);
		// setup-node writes the .npmrc that points npm publish at the registry.
		const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setupNode?.with).toMatchObject({ 'registry-url': 'https://registry.npmjs.org' });
		// No step may be skipped or allowed to fail.
		for (const step of steps) {
			expect(step.if).toBeUndefined();
			expect(step['continue-on-error']).toBeUndefined();
		}
	});

	test.each([
		['v0.1.0', 'matching', 0],
		['v0.1.1', 'another version', 1],
		['0.1.0', 'no v', 1],
		['', 'an empty tag', 1],
	])('its tag check with %s (%s) exits %i', (tag, _what, status) => {
		const version = pkg.version as string;
		const given = tag.replace('0.1.0', version);
		const result = spawnSync(process.execPath, ['scripts/release/check-tag.mjs', given], {
			cwd: ROOT,
			encoding: 'utf8',
		});
		expect(result.status).toBe(status);
		if (status !== 0) expect(result.stderr).toContain(`expected "v${version}"`);
	});

	test('a local npm publish rebuilds and runs every test first (prepublishOnly)', () => {
		expect(pkg.scripts.prepublishOnly).toBe('npm test');
		expect(pkg.scripts.test).toMatch(/^npm run build --silent && /);
		// Lifecycle scripts run: the .npmrc does not turn scripts off (allowScripts denies dependencies').
		expect(read('.npmrc')).not.toMatch(/^\s*ignore-scripts\s*=\s*true/m);
		expect(Object.values(pkg.allowScripts)).toEqual(
			Object.values(pkg.allowScripts).map(() => false),
		);
	});
});

describe('the CI workflow', () => {
	const ci = workflow('ci.yml');

	test('runs npm ci and npm test on Node 20, 22 and 24, for pushes and pull requests', () => {
		expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
		const test = job(ci, 'test');
		expect(test.strategy?.matrix).toEqual({ node: [20, 22, 24] });
		const setupNode = test.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setupNode?.with).toMatchObject({ 'node-version': '${{ matrix.node }}' });
		const steps = did(test.steps);
		expect(steps).toContain('run npm ci');
		expect(steps[steps.indexOf('run npm ci') + 1]).toBe('run npm test');
	});

	test('runs the real-n8n tests with the n8n installs cached between runs', () => {
		const steps = job(ci, 'real-n8n').steps;
		const cache = steps.findIndex((step) => step.uses?.startsWith('actions/cache@'));
		expect(at(steps, cache).with).toMatchObject({ path: '~/.cache/n8n-nodes-ucdn' });
		expect(did(steps).indexOf('run npm run test:n8n')).toBeGreaterThan(cache);
	});
});

describe('the manifest and the README agree on where the project lives', () => {
	const repo = /^git\+(https:\/\/github\.com\/[^/]+\/[^/.]+)\.git$/.exec(pkg.repository.url)?.[1];

	test('repository, homepage and bugs name the same GitHub repository', () => {
		expect(repo).toBeDefined();
		expect(pkg.homepage).toBe(`${repo}#readme`);
		expect(pkg.bugs.url).toBe(`${repo}/issues`);
	});

	test("the README, the changelog and the credential's documentation link point at it", () => {
		const links = [
			...read('README.md').matchAll(/https:\/\/github\.com\/[^\s)#"]+/g),
			...read('CHANGELOG.md').matchAll(/https:\/\/github\.com\/[^\s)#"]+/g),
			...read('credentials/UCloudApi.credentials.ts').matchAll(
				/https:\/\/github\.com\/[^\s)#"']+/g,
			),
		].map(([link]) => link);
		expect(links.length).toBeGreaterThan(0);
		for (const link of links) expect(link.startsWith(repo as string)).toBe(true);
	});
});

test('npm run demo writes nothing into the home folder (n8n-core gets a temporary user folder)', () => {
	const home = mkdtempSync(path.join(os.tmpdir(), 'ucdn-home-'));
	try {
		const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
		delete env.N8N_USER_FOLDER;
		const result = spawnSync(process.execPath, ['build/scripts/demo.js'], {
			cwd: ROOT,
			env,
			encoding: 'utf8',
		});
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('emitted 6 items');
		expect(readdirSync(home)).toEqual([]);
	} finally {
		rmSync(home, { recursive: true, force: true });
	}
}, 60_000);
