/**
 * The scenario runner of `npm run test:queue` (scripts/n8n/queue/runner.ts), with scenarios that
 * only record what happened: a failing scenario neither stops the ones after it nor hides
 * their results, and makes the run fail.
 */
import type { Scenario } from '../../scripts/n8n/queue/runner';
import { runScenarios, summarize } from '../../scripts/n8n/queue/runner';

interface Log {
	ran: string[];
	recovered: number;
}

const passing = (title: string): Scenario<Log> => ({
	title,
	run: async (log) => {
		log.ran.push(title);
	},
});
const failing = (title: string, message: string): Scenario<Log> => ({
	title,
	run: async (log) => {
		log.ran.push(title);
		throw new Error(`${message}\nwith a second line`);
	},
});

async function run(scenarios: Array<Scenario<Log>>, recover?: (log: Log) => Promise<void>) {
	const log: Log = { ran: [], recovered: 0 };
	const printed: string[] = [];
	const outcomes = await runScenarios(scenarios, log, {
		recover: recover ?? (async (state) => void state.recovered++),
		log: (line) => printed.push(line),
	});
	return { log, printed, outcomes, ...summarize(outcomes) };
}

test('a failing scenario: the ones after it still run, every outcome is reported, the run fails', async () => {
	const { log, printed, outcomes, lines, exitCode } = await run([
		passing('first'),
		failing('second', 'two workers expected'),
		passing('third'),
	]);
	expect(log.ran).toEqual(['first', 'second', 'third']);
	expect(outcomes.map(({ title, passed }) => [title, passed])).toEqual([
		['first', true],
		['second', false],
		['third', true],
	]);
	expect(lines).toEqual([
		'  ✓ first',
		'  ✗ second: two workers expected',
		'  ✓ third',
		'1 of 3 scenarios failed.',
	]);
	expect(exitCode).toBe(1);
	// While it runs: every heading, and the failure in full under its own.
	const second = printed.indexOf('\nsecond');
	expect(printed.filter((line) => line.startsWith('\n'))).toEqual([
		'\nfirst',
		'\nsecond',
		'\nthird',
	]);
	expect(printed[second + 1]).toMatch(/^ {2}✗ Error: two workers expected\nwith a second line\n/);
});

test('the shared state is recovered after each failure only', async () => {
	const { log } = await run([failing('a', 'x'), passing('b'), failing('c', 'y'), passing('d')]);
	expect(log.recovered).toBe(2);
});

test('a recovery that fails is reported with its scenario, and the next ones still run', async () => {
	const { log, lines, exitCode } = await run(
		[failing('first', 'broken'), passing('second')],
		async () => {
			throw new Error('Redis did not come back');
		},
	);
	expect(log.ran).toEqual(['first', 'second']);
	expect(lines).toEqual([
		'  ✗ first: broken (and recovering after it failed: Redis did not come back)',
		'  ✓ second',
		'1 of 2 scenarios failed.',
	]);
	expect(exitCode).toBe(1);
});

test('every scenario passing: exit code 0', async () => {
	const { lines, exitCode } = await run([passing('one'), passing('two')]);
	expect(lines).toEqual(['  ✓ one', '  ✓ two', 'All 2 scenarios passed.']);
	expect(exitCode).toBe(0);
});

test('no scenario at all is a failure, not a pass', () => {
	expect(summarize([])).toEqual({ lines: ['No scenario ran.'], exitCode: 1 });
});
