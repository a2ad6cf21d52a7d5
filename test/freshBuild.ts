/**
 * Whether dist/ and build/ were built from the sources as they are now. The engine tests load
 * the package from dist/ (as n8n does) and some tests run scripts from build/, so after an edit
 * under nodes/ a plain `npx jest` would test the previous build; Jest's global setup rebuilds
 * whichever is stale (test/globalSetup.ts).
 *
 * Make-like, by modification times: every source must have its output, none older than its
 * source, and no compiled output older than the configuration it was compiled with. tsc
 * rewrites every output on each build, so a build leaves nothing older than its sources; gulp
 * gives a copied asset its source's time, so assets are compared with their sources only.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

interface Rule {
	/** The folders the sources are in. */
	from: string[];
	/** Which of their files (path from the project's root) the build turns into an output. */
	match: RegExp;
	/** The output's path inside the build folder (tsconfig's rootDir is the project's root). */
	to(file: string): string;
	/** False where only some of the sources have an output (what scripts/ imports from nodes/). */
	required: boolean;
	/** Written by tsc at each build, so no older than the configuration it was built with. */
	compiled: boolean;
}

export interface Output {
	dir: 'dist' | 'build';
	/** The npm script that builds it. */
	script: 'build' | 'tools';
	rules: Rule[];
	/** Files that change every output. */
	config: string[];
}

/** TypeScript sources, not declarations or tests. */
const TS = /^(?!.*\.(d|test)\.ts$).*\.ts$/;
const toJs = (file: string) => file.replace(/\.ts$/, '.js');
const same = (file: string) => file;

export const OUTPUTS: readonly Output[] = [
	{
		dir: 'dist',
		script: 'build',
		rules: [
			{ from: ['nodes', 'credentials'], match: TS, to: toJs, required: true, compiled: true },
			// What gulpfile.js's build:assets copies.
			{
				from: ['icons'],
				match: /^icons\/[^/]+\.(svg|png)$/,
				to: same,
				required: true,
				compiled: false,
			},
			{ from: ['nodes'], match: /\.node\.json$/, to: same, required: true, compiled: false },
			{ from: ['credentials'], match: /\.(svg|png)$/, to: same, required: true, compiled: false },
		],
		config: ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'gulpfile.js'],
	},
	{
		dir: 'build',
		script: 'tools',
		rules: [
			{ from: ['dev', 'scripts'], match: TS, to: toJs, required: true, compiled: true },
			{ from: ['nodes', 'credentials'], match: TS, to: toJs, required: false, compiled: true },
			// JSON the scripts import, which tsc copies.
			{ from: ['dev', 'scripts'], match: /\.json$/, to: same, required: false, compiled: true },
		],
		config: ['package.json', 'tsconfig.json', 'tsconfig.test.json', 'tsconfig.tools.json'],
	},
];

/**
 * gulp sets a copy's time from a Date, to the millisecond, and the file system stores a hair
 * less: a copy can look up to a millisecond older than its source.
 */
const SLACK_MS = 1;

function modified(root: string, file: string): number | undefined {
	try {
		return statSync(path.join(root, file)).mtimeMs;
	} catch {
		return undefined;
	}
}

/** Every file under these folders, as paths from the root. */
function filesIn(root: string, dirs: string[]): string[] {
	return dirs.flatMap((dir) => {
		try {
			return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).map((file) =>
				path.posix.join(dir, file),
			);
		} catch {
			return [];
		}
	});
}

/** Why `output` is not the build of the sources under `root` as they are now; undefined if it is. */
export function whyStale(root: string, output: Output): string | undefined {
	let oldest: { file: string; time: number } | undefined;
	for (const rule of output.rules) {
		for (const source of filesIn(root, rule.from).filter((file) => rule.match.test(file))) {
			const target = path.posix.join(output.dir, rule.to(source));
			const built = modified(root, target);
			if (built === undefined) {
				if (rule.required) return `${target} is missing`;
				continue;
			}
			if (built + SLACK_MS < (modified(root, source) ?? 0))
				return `${source} changed after ${target} was built`;
			if (rule.compiled && (!oldest || built < oldest.time)) oldest = { file: target, time: built };
		}
	}
	for (const file of output.config) {
		const changed = modified(root, file);
		if (oldest && changed !== undefined && changed > oldest.time)
			return `${file} changed after ${oldest.file} was built`;
	}
	return undefined;
}
