// `n8n-node lint` itself, in strict mode, as n8n's CLI runs it in a project made by `n8n-node new`.
// Strict mode insists on node-cli's eslint.config.mjs, unchanged; that config lints every `.ts`
// file with the community-node rules (no Node globals or modules), which tests and scripts may
// not follow. So the package's own sources and the icons they name are copied, with package.json,
// tsconfig.json and the unchanged config, into a temporary project, and `n8n-node lint` runs there.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The package exports only its ESLint config: its folder is two levels above that file.
const cli = path.resolve(
	path.dirname(createRequire(import.meta.url).resolve('@n8n/node-cli/eslint')),
	'../..',
);
const project = mkdtempSync(path.join(os.tmpdir(), 'ucdn-n8n-node-lint-'));
try {
	for (const entry of ['nodes', 'credentials', 'icons', 'package.json', 'tsconfig.json']) {
		cpSync(path.join(root, entry), path.join(project, entry), { recursive: true });
	}
	cpSync(
		path.join(cli, 'dist/template/templates/shared/default/eslint.config.mjs'),
		path.join(project, 'eslint.config.mjs'),
	);
	symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'dir');
	const result = spawnSync(path.join(root, 'node_modules/.bin/n8n-node'), ['lint'], {
		cwd: project,
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
	});
	// n8n-node prints a banner and ESLint's report; on success the report is empty.
	if (result.status !== 0) {
		process.stdout.write(result.stdout);
		console.error(`n8n-node lint failed (exit ${result.status ?? result.signal})`);
		process.exitCode = 1;
	} else {
		console.log('n8n-node lint (strict mode): no problems');
	}
} finally {
	rmSync(project, { recursive: true, force: true });
}
