/**
 * Continue On Fail's error items, whatever failed: each has `error` and `description` (the
 * README promises both), is paired with its input item, and the other items go on.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { Fault, UcdnSimulator } from '../../dev/simulator/server';
import { startSimulator } from '../../dev/simulator/server';
import { runWorkflow } from '../../dev/engine/run';
import { simulatorCredentials, ucdnWorkflow } from '../../dev/engine/workflows';
import { at } from '../at';

let sim: UcdnSimulator;
beforeAll(async () => {
	sim = await startSimulator({ submit: { pollsToFinish: 1000 } });
});
afterAll(async () => {
	await sim.close();
});

const describeTasks = {
	resource: 'refresh',
	operation: 'describeTasks',
	taskIds: '={{ $json.id }}',
};
const options = { retries: 0, requestTimeout: 1 };

/** The Continue On Fail items of a two-item run whose first item fails as told. */
async function errorItems(parameters: INodeParameters, fault?: Fault) {
	if (fault) sim.failNext(fault);
	const { items, error } = await runWorkflow(
		ucdnWorkflow({ ...parameters, options } as INodeParameters, {
			continueOnFail: true,
			input: [{ id: 'r_000001', urls: 'https://a.example.com/1.js' }, { id: 'r_000002' }],
		}),
		{ credentials: simulatorCredentials(sim) },
	);
	expect(error).toBeUndefined();
	return items('UCDN');
}

test.each<[string, INodeParameters, Fault | undefined]>([
	['HTTP 500', describeTasks, { kind: 'http', status: 500, body: 'oops' }],
	['a RetCode', describeTasks, { kind: 'retCode', retCode: 230, message: 'Params error' }],
	['a body that is not JSON', describeTasks, { kind: 'garbage' }],
	['a reset connection', describeTasks, { kind: 'reset' }],
	['a timeout', describeTasks, { kind: 'stall' }],
	['bad input', { ...describeTasks, limit: '={{ $json.urls ? 0 : 1 }}' }, undefined],
	[
		'a wait that times out after Submit created the task',
		{
			resource: 'refresh',
			operation: 'submit',
			urls: '={{ $json.urls ?? "https://a.example.com/2.js" }}',
			type: 'file',
			waitForCompletion: '={{ !!$json.urls }}',
			pollInterval: 2,
			timeout: 1,
		},
		undefined,
	],
])('%s: error and description are text', async (_, parameters, fault) => {
	const items = await errorItems(parameters, fault);
	const failed = at(items, 0);
	const others = items.slice(1);
	expect(failed.pairedItem).toEqual({ item: 0 });
	for (const other of others) expect(other).toMatchObject({ pairedItem: { item: 1 } });
	expect(others.filter((other) => 'error' in other.json)).toEqual([]);
	expect(typeof failed.json.error).toBe('string');
	expect(typeof failed.json.description).toBe('string');
	expect(failed.json.description).not.toBe('');
});
