/**
 * n8n's gates, offline: the analyser of `@n8n/scan-community-package` (with its own config) over
 * the sources and over the unpacked `npm pack` tarball, and what the tarball holds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

interface Analysis {
	passed: boolean;
	message?: string;
	details?: string;
}

/** The scanner is an ES module: run its `analyzePackage` in a child Node, as its CLI does. */
function analyze(dir: string, patterns: 'sources' | string[]): Analysis {
	const script = `
		import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';
		const patterns = ${JSON.stringify(patterns)};
		const result = await analyzePackage(process.argv[1], patterns === 'sources' ? SOURCE_FILE_PATTERNS : patterns);
		process.stdout.write(JSON.stringify({ passed: result.passed, message: result.message, details: result.details }));
	`;
	// Not under jest's NODE_ENV=test: eslint-plugin-n8n-nodes-base then checks file names as in its own tests.
	const env = { ...process.env, NODE_ENV: 'production' };
	const output = execFileSync(process.execPath, ['--input-type=module', '-e', script, dir], {
		cwd: ROOT,
		env,
		encoding: 'utf8',
	});
	return JSON.parse(output) as Analysis;
}

let unpacked: string;
let files: string[];

beforeAll(() => {
	const work = mkdtempSync(path.join(os.tmpdir(), 'ucdn-pack-'));
	// --dry-run=false: under `npm publish --dry-run` (prepublishOnly runs these tests) npm exports
	// dry-run to child processes, and a dry pack writes no tarball.
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--dry-run=false', '--pack-destination', work], {
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}),
	) as Array<{ filename: string; files: Array<{ path: string }> }>;
	if (!packed) throw new Error('npm pack --json listed no package');
	files = packed.files.map((file) => file.path).sort();
	execFileSync('tar', ['xzf', path.join(work, packed.filename), '-C', work]);
	unpacked = path.join(work, 'package');
}, 60_000);

afterAll(() => {
	if (unpacked) rmSync(path.dirname(unpacked), { recursive: true, force: true });
});

test("n8n's scanner finds no violation in the sources", () => {
	const result = analyze(ROOT, 'sources');
	expect(result.details ?? '').toBe('');
	expect(result).toMatchObject({ passed: true });
}, 120_000);

test("n8n's scanner finds no violation in the packed tarball", () => {
	const result = analyze(unpacked, ['**/*.js', 'package.json']);
	expect(result.details ?? '').toBe('');
	expect(result).toMatchObject({ passed: true });
}, 120_000);

test('the tarball holds only dist/, README, LICENSE and package.json', () => {
	expect(files.filter((file) => !file.startsWith('dist/'))).toEqual([
		'LICENSE',
		'README.md',
		'package.json',
	]);
	expect(files).toEqual(
		expect.arrayContaining([
			'dist/nodes/Ucdn/Ucdn.node.js',
			'dist/credentials/UCloudApi.credentials.js',
		]),
	);
	expect(files.filter((file) => !/\.(js|json|svg)$/.test(file))).toEqual(['LICENSE', 'README.md']);
});

test('the packed package.json has no dependencies, and every file of its n8n block is in the tarball', () => {
	const manifest = JSON.parse(readFileSync(path.join(unpacked, 'package.json'), 'utf8')) as {
		dependencies?: Record<string, string>;
		n8n: { nodes: string[]; credentials: string[] };
	};
	expect(manifest.dependencies ?? {}).toEqual({});
	for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials])
		expect(files).toContain(file);
});
