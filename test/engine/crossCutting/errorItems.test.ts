/**
 * Continue On Fail's error items, whatever failed: each has `error` and `description` (the
 * README promises both), is paired with its input item, and the other items go on.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { generateTasks } from '../../../dev/simulator/data';
import type { Fault, UcdnSimulator } from '../../../dev/simulator/server';
import { startSimulator } from '../../../dev/simulator/server';
import { runWorkflow } from '../../../dev/engine/run';
import { simulatorCredentials, ucdnWorkflow } from '../../../dev/engine/workflows';
import { at } from '../../at';

let sim: UcdnSimulator;
beforeAll(async () => {
	sim = await startSimulator({ submit: { pollsToFinish: 1000 } });
	// The tasks the items name (r_000001, r_000002): the second item's Describe finds its task.
	sim.addTasks(
		generateTasks({
			kind: 'refresh',
			count: 3,
			newest: Math.floor(Date.now() / 1000) - 60,
			prefix: 'r',
		}),
	);
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

/** The items of a two-item run with Continue On Fail whose first item fails as told. */
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

/** The second item's result: the task it describes. */
const described = { TaskId: 'r_000002', Status: expect.any(String) };

test.each<[string, INodeParameters, Fault | undefined, IDataObject]>([
	['HTTP 500', describeTasks, { kind: 'http', status: 500, body: 'oops' }, described],
	[
		'a RetCode',
		describeTasks,
		{ kind: 'retCode', retCode: 230, message: 'Params error' },
		described,
	],
	['a body that is not JSON', describeTasks, { kind: 'garbage' }, described],
	['a reset connection', describeTasks, { kind: 'reset' }, described],
	['a timeout', describeTasks, { kind: 'stall' }, described],
	['bad input', { ...describeTasks, limit: '={{ $json.urls ? 0 : 1 }}' }, undefined, described],
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
		// Submitted without waiting: the task it created.
		{ TaskId: expect.any(String), Urls: ['https://a.example.com/2.js'] },
	],
])(
	'%s: error and description are text, and the next item goes on',
	async (_, parameters, fault, result) => {
		const items = await errorItems(parameters, fault);
		// One error item for the failed input, then the other input's result: nothing more or less.
		expect(items.map((item) => [item.pairedItem, 'error' in item.json])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, false],
		]);
		const failed = at(items, 0);
		expect(at(items, 1).json).toMatchObject(result);
		expect(failed.json).not.toHaveProperty('TaskId');
		expect(typeof failed.json.error).toBe('string');
		expect(typeof failed.json.description).toBe('string');
		expect(failed.json.description).not.toBe('');
	},
);
