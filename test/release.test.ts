/**
 * How the package ships: the GitHub Actions workflows (validated against GitHub's schema by
 * `npm run lint:workflows` in npm test; here, what they must do), the tag check the publish
 * workflow runs, and the manifest fields n8n's verification compares.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ROOT } from '../dev/engine/package';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json'));
/** A workflow's lines, without comments, so a commented-out step cannot pass. */
const steps = (file: string) =>
	read(file)
		.split('\n')
		.map((line) => line.replace(/\s+#.*$/, ''))
		.filter((line) => !/^\s*#/.test(line))
		.join('\n');

describe('the publish workflow', () => {
	const publish = steps('.github/workflows/publish.yml');

	test('runs on version tags only, with an OIDC token for trusted publishing and no stored npm token', () => {
		expect(publish).toMatch(/on:\n\s+push:\n\s+tags: \['v\*\.\*\.\*'\]\n/);
		expect(publish).toMatch(/permissions:\n\s+contents: read\n\s+id-token: write\n/);
		expect(publish).not.toMatch(/NODE_AUTH_TOKEN|NPM_TOKEN|secrets\./);
	});

	test('checks the tag, installs exactly, tests, then publishes with provenance, in that order', () => {
		const order = [
			'node scripts/release/check-tag.mjs "${GITHUB_REF_NAME}"',
			'run: npm ci',
			'run: npm test',
			'run: npm publish --provenance --access public',
		].map((step) => publish.indexOf(step));
		expect(order.every((at) => at > 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
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
	const ci = steps('.github/workflows/ci.yml');

	test('runs npm ci and npm test on Node 20, 22 and 24, for pushes and pull requests', () => {
		expect(ci).toMatch(/on:\n\s+push:[\s\S]*\n\s+pull_request:/);
		expect(ci).toMatch(/node: \[20, 22, 24\]/);
		expect(ci).toMatch(/run: npm ci\n\s+- run: npm test\n/);
	});

	test('runs the real-n8n tests with the n8n installs cached between runs', () => {
		expect(ci).toMatch(/path: ~\/\.cache\/n8n-nodes-ucdn/);
		expect(ci).toMatch(/run: npm run test:n8n/);
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
