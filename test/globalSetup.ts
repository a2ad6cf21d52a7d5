// One temporary n8n user folder for the whole Jest run (see dev/engine/userFolder.ts): set up
// here, in Jest's own process, it is inherited by the workers and removed when Jest exits.
import '../dev/engine/userFolder';

import { spawnSync } from 'node:child_process';

import { ROOT } from '../dev/engine/package';
import { OUTPUTS, whyStale } from './freshBuild';

/**
 * Rebuilds dist/ and build/ when a source changed since they were built (see freshBuild.ts), so
 * no test runs against an old build; after `npm test`'s own build, nothing is rebuilt.
 */
export default function globalSetup(): void {
	for (const output of OUTPUTS) {
		const why = whyStale(ROOT, output);
		if (!why) continue;
		console.log(`\n${why}: rebuilding ${output.dir}/ (npm run ${output.script})`);
		const result = spawnSync('npm', ['run', output.script, '--silent'], {
			cwd: ROOT,
			encoding: 'utf8',
		});
		if (result.status !== 0)
			throw new Error(
				`npm run ${output.script} failed, and the tests would run against an old ${output.dir}/:\n${result.stdout}${result.stderr}`,
			);
	}
}
