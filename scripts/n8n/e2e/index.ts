/**
 * `test:n8n`'s cases, in the order they run: one simulator serves them all, so a case may
 * count what the ones before it left (Example02 counts every task submitted: the task cases go
 * first). Every file of examples/ needs a case here (the trigger examples their own
 * run: trigger.ts).
 */
import { readdirSync } from 'node:fs';

import type { Case } from './case';
import { domainCases } from './domains';
import { logCases } from './logs';
import { statisticsCases } from './statistics';
import { taskCases } from './tasks';
import { TRIGGER_EXAMPLES } from './trigger';

export const cases: Case[] = [...taskCases, ...domainCases, ...statisticsCases, ...logCases];

/** The files of examples/ that no case runs. */
export function examplesWithoutCase(): string[] {
	const run = new Set([
		...cases.map((testCase) => testCase.file),
		...TRIGGER_EXAMPLES.map((example) => example.file),
	]);
	return readdirSync('examples')
		.map((file) => `examples/${file}`)
		.filter((file) => !run.has(file));
}
