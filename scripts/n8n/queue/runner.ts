/**
 * Runs scenarios that share one expensive set-up (a cluster takes minutes to start) one after
 * another, and every one of them whatever happened to those before: a failure is recorded with
 * its error and the next scenario runs, so one broken check cannot hide what the others show.
 */

export interface Scenario<Context> {
	/** What it shows: its heading while it runs and its line in the summary. */
	title: string;
	run(context: Context): Promise<void>;
}

export type Outcome =
	| { title: string; passed: true }
	| {
			title: string;
			passed: false;
			error: unknown;
			/** Why the state could not be put back after it failed, if it could not. */
			recoveryError?: unknown;
	  };

export interface RunOptions<Context> {
	/** After a scenario failed: puts the shared state back for the next ones. */
	recover?(context: Context): Promise<void>;
	log?(line: string): void;
}

/** A check's line of progress, under its scenario's heading. */
export function ok(message: string, log: (line: string) => void = console.log): void {
	log(`  ✓ ${message}`);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** The first line: an assertion's diff is printed in full under its scenario already. */
const firstLine = (error: unknown) => messageOf(error).split('\n')[0];

export async function runScenarios<Context>(
	scenarios: ReadonlyArray<Scenario<Context>>,
	context: Context,
	{ recover, log = console.log }: RunOptions<Context> = {},
): Promise<Outcome[]> {
	const outcomes: Outcome[] = [];
	for (const { title, run } of scenarios) {
		log(`\n${title}`);
		try {
			await run(context);
			outcomes.push({ title, passed: true });
		} catch (error) {
			log(`  ✗ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			const outcome: Outcome = { title, passed: false, error };
			outcomes.push(outcome);
			try {
				await recover?.(context);
			} catch (recoveryError) {
				outcome.recoveryError = recoveryError;
				log(`  ✗ could not recover for the next scenarios: ${messageOf(recoveryError)}`);
			}
		}
	}
	return outcomes;
}

/** One line per scenario, then the count; the exit code is 1 if any scenario failed. */
export function summarize(outcomes: readonly Outcome[]): { lines: string[]; exitCode: number } {
	const failed = outcomes.filter((outcome) => !outcome.passed).length;
	const lines = outcomes.map((outcome) =>
		outcome.passed
			? `  ✓ ${outcome.title}`
			: `  ✗ ${outcome.title}: ${firstLine(outcome.error)}${
					outcome.recoveryError === undefined
						? ''
						: ` (and recovering after it failed: ${firstLine(outcome.recoveryError)})`
				}`,
	);
	lines.push(
		outcomes.length === 0
			? 'No scenario ran.'
			: failed
				? `${failed} of ${outcomes.length} scenarios failed.`
				: `All ${outcomes.length} scenarios passed.`,
	);
	return { lines, exitCode: failed || outcomes.length === 0 ? 1 : 0 };
}
