/**
 * `npm run bench:n8n`'s "n8n alone" contender does the node's work minus the node's: its Item
 * Source emits, without any call, the very items the node emits from the simulator for the
 * benchmark's tasks (Describe Tasks, Return All, One Item per URL, as bench:n8n runs it), field
 * by field in the same order; and n8n can load it from a custom extensions folder.
 */
import path from 'node:path';

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { runWorkflow } from '../../dev/engine/run';
import { simulatorCredentials, ucdnWorkflow } from '../../dev/engine/workflows';
import { startSimulator } from '../../dev/simulator/server';
import { DESCRIBE_ALL_URLS, addBenchTasks, benchTasks } from '../../scripts/bench/dataset';
import { ItemSource, readyUrlItems } from '../../scripts/bench/itemSource/ItemSource.node';

/** Runs the Item Source's execute as n8n does, with these parameters. */
async function emitted(parameters: Record<string, number>) {
	const context = { getNodeParameter: (name: string) => parameters[name] };
	const [items = []] = await new ItemSource().execute.call(context as unknown as IExecuteFunctions);
	return items;
}

test("the Item Source emits the node's URL items for the benchmark's tasks, without a call", async () => {
	const tasks = benchTasks(Math.floor(Date.now() / 1000) - 60, 57);
	const sim = await startSimulator({ seed: false });
	try {
		addBenchTasks(sim, tasks);
		const result = await runWorkflow(
			ucdnWorkflow(
				{ ...DESCRIBE_ALL_URLS, readableTimes: false, options: { pageSize: 10 } },
				{
					typeVersion: 1.1,
				},
			),
			{ credentials: simulatorCredentials(sim) },
		);
		expect(result.error).toBeUndefined();
		const fromNode = result.json('UCDN');
		expect(fromNode).toHaveLength(57 * 20);

		const calls = sim.requests.length;
		const items = await emitted({ tasks: 57, newest: tasks.newest });
		expect(sim.requests.length).toBe(calls);
		const entries = (list: IDataObject[]) => list.map((json) => Object.entries(json));
		expect(entries(items.map(({ json }) => json))).toEqual(entries(fromNode));
		expect(items.every(({ pairedItem }) => (pairedItem as { item: number }).item === 0)).toBe(true);
		expect(readyUrlItems(57, tasks.newest)).toEqual(fromNode);
	} finally {
		await sim.close();
	}
});

test('n8n can load it from a custom extensions folder: the class is named as its file', () => {
	const file = path.basename(require.resolve('../../scripts/bench/itemSource/ItemSource.node'));
	expect(file.split('.')[0]).toBe(ItemSource.name);
	expect(new ItemSource().description).toMatchObject({ name: 'itemSource', version: 1 });
});
