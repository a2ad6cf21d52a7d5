/**
 * The guard of Jest's global setup (test/freshBuild.ts): a build older than a source is found
 * stale, one that matches them is not; and this run's own dist/ and build/ are fresh.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ROOT } from '../dev/engine/package';
import type { Output } from './freshBuild';
import { OUTPUTS, whyStale } from './freshBuild';

const dist = OUTPUTS.find((output) => output.dir === 'dist') as Output;
const build = OUTPUTS.find((output) => output.dir === 'build') as Output;

let root: string;
/** Writes a file of the fake project, modified `at` seconds after the epoch. */
const file = (name: string, at: number) => {
	mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
	writeFileSync(path.join(root, name), '');
	utimesSync(path.join(root, name), at, at);
};

beforeEach(() => {
	root = mkdtempSync(path.join(os.tmpdir(), 'ucdn-fresh-'));
	// Sources at 100, built at 200; gulp gave the copied icon its source's time, to the millisecond.
	file('package.json', 100);
	file('nodes/Ucdn/Ucdn.node.ts', 100);
	file('icons/ucdn.svg', 50.0004);
	file('dist/nodes/Ucdn/Ucdn.node.js', 200);
	file('dist/icons/ucdn.svg', 50);
	file('scripts/demo.ts', 100);
	file('build/scripts/demo.js', 200);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test('a build newer than every source is fresh, a copied asset with its source’s time too', () => {
	expect(whyStale(root, dist)).toBeUndefined();
	expect(whyStale(root, build)).toBeUndefined();
});

test('a source edited after the build makes it stale', () => {
	file('nodes/Ucdn/Ucdn.node.ts', 300);
	expect(whyStale(root, dist)).toBe(
		'nodes/Ucdn/Ucdn.node.ts changed after dist/nodes/Ucdn/Ucdn.node.js was built',
	);
	file('scripts/demo.ts', 300);
	expect(whyStale(root, build)).toBe(
		'scripts/demo.ts changed after build/scripts/demo.js was built',
	);
});

test('a new source without its output, and a changed asset, make it stale', () => {
	file('nodes/shared/parameters/new.ts', 100);
	expect(whyStale(root, dist)).toBe('dist/nodes/shared/parameters/new.js is missing');
	rmSync(path.join(root, 'nodes/shared/parameters/new.ts'));
	file('icons/ucdn.svg', 150);
	expect(whyStale(root, dist)).toBe('icons/ucdn.svg changed after dist/icons/ucdn.svg was built');
});

test('configuration changed after the build makes it stale', () => {
	file('package.json', 300);
	expect(whyStale(root, dist)).toBe(
		'package.json changed after dist/nodes/Ucdn/Ucdn.node.js was built',
	);
	expect(whyStale(root, build)).toBe('package.json changed after build/scripts/demo.js was built');
});

test('tests, and sources that build/ does not compile, do not count', () => {
	file('nodes/shared/parameters/lists.test.ts', 300);
	file('scripts/lint-n8n-node.mjs', 300);
	// build/ holds only the nodes/ files that scripts import: not this one.
	expect(whyStale(root, build)).toBeUndefined();
	expect(whyStale(root, dist)).toBeUndefined();
});

test('this run’s dist/ and build/ are the build of the sources as they are (global setup)', () => {
	for (const output of OUTPUTS) expect(whyStale(ROOT, output)).toBeUndefined();
});
