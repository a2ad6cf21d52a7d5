/**
 * Many items in one execution, and several executions at once with different credentials:
 * every item gets its own answer, paired to its own input, with no cross-talk.
 */
import type { IDataObject } from 'n8n-workflow';

import { generateTasks } from '../../../dev/simulator/data';
import type { UcdnSimulator } from '../../../dev/simulator/server';
import {
	SECOND_PROJECT,
	TEST_PRIVATE_KEY,
	TEST_PUBLIC_KEY,
	startSimulator,
} from '../../../dev/simulator/server';
import { runWorkflow } from '../../../dev/engine/run';
import { simulatorCredentials, ucdnWorkflow } from '../../../dev/engine/workflows';
import { at } from '../../at';

const ITEMS = 500;
const TASKS_PER_ITEM = 3;
const SECOND_PUBLIC_KEY = 'TEST-PUBLIC-KEY-second-account';
const SECOND_PRIVATE_KEY = 'TEST-PRIVATE-KEY-second-account';

let sim: UcdnSimulator;
const now = Math.floor(Date.now() / 1000);
const taskId = (n: number) => `load_${String(n).padStart(6, '0')}`;

beforeAll(async () => {
	sim = await startSimulator({
		seed: false,
		accounts: { [TEST_PUBLIC_KEY]: TEST_PRIVATE_KEY, [SECOND_PUBLIC_KEY]: SECOND_PRIVATE_KEY },
	});
	sim.addTasks([
		...generateTasks({
			kind: 'refresh',
			count: ITEMS * TASKS_PER_ITEM,
			newest: now - 60,
			spacing: 20,
			prefix: 'load',
		}),
		...generateTasks({
			kind: 'refresh',
			count: 40,
			newest: now - 60,
			prefix: 'second',
			projectId: SECOND_PROJECT,
		}),
	]);
});
afterAll(async () => {
	await sim.close();
});

/** Item n asks for its own three tasks, in a different input form and output mode every other item. */
const inputs: IDataObject[] = Array.from({ length: ITEMS }, (_, n) => {
	const ids = Array.from({ length: TASKS_PER_ITEM }, (_, k) => taskId(n * TASKS_PER_ITEM + k));
	return { n, ids: n % 2 === 0 ? ids : ids.join(', '), output: n % 2 === 0 ? 'task' : 'url' };
});

test(`${ITEMS} items, each describing its own tasks: all succeed, each output paired to its own input`, async () => {
	const before = sim.requests.length;
	const result = await runWorkflow(
		ucdnWorkflow(
			{
				resource: 'refresh',
				operation: 'describeTasks',
				taskIds: '={{ $json.ids }}',
				output: '={{ $json.output }}',
			},
			{ input: inputs },
		),
		{ credentials: simulatorCredentials(sim) },
	);
	expect(result.error).toBeUndefined();

	const requests = sim.requests.slice(before);
	expect(requests).toHaveLength(ITEMS);
	requests.forEach((request, n) => {
		expect(request.retCode).toBe(0);
		const sent = Object.entries(request.params).filter(([name]) => name.startsWith('TaskId.'));
		expect(sent.map(([, id]) => id)).toEqual([0, 1, 2].map((k) => taskId(n * TASKS_PER_ITEM + k)));
	});

	const byInput = new Map<number, string[]>();
	for (const item of result.items('UCDN')) {
		const paired = item.pairedItem as { item: number };
		const id = String(item.json.TaskId);
		expect(Math.floor(Number(id.slice('load_'.length)) / TASKS_PER_ITEM)).toBe(paired.item);
		expect(item.json.Url === undefined).toBe(paired.item % 2 === 0);
		byInput.set(paired.item, [...(byInput.get(paired.item) ?? []), id]);
	}
	expect(byInput.size).toBe(ITEMS);
	for (const [n, ids] of byInput) {
		const expected = [0, 1, 2].map((k) => taskId(n * TASKS_PER_ITEM + k));
		// Per task: its three tasks; per URL: each task once per URL (two URLs each).
		expect([...new Set(ids)].sort()).toEqual(expected);
		expect(ids).toHaveLength(n % 2 === 0 ? TASKS_PER_ITEM : TASKS_PER_ITEM * 2);
	}
});

test('concurrent executions with different credentials each get their own account, project and errors', async () => {
	const describeAll = {
		resource: 'refresh',
		operation: 'describeTasks',
		returnAll: true,
		options: { retries: 0 },
	};
	const run = (credentials: IDataObject) =>
		runWorkflow(ucdnWorkflow(describeAll), { credentials: simulatorCredentials(sim, credentials) });
	const first = { publicKey: TEST_PUBLIC_KEY, privateKey: TEST_PRIVATE_KEY };
	const second = {
		publicKey: SECOND_PUBLIC_KEY,
		privateKey: SECOND_PRIVATE_KEY,
		projectId: SECOND_PROJECT,
	};
	const wrong = { publicKey: SECOND_PUBLIC_KEY, privateKey: TEST_PRIVATE_KEY };

	const results = await Promise.all(
		Array.from({ length: 12 }, (_, n) => run(at([first, second, wrong], n % 3))),
	);
	results.forEach((result, n) => {
		const ids = result.json('UCDN').map((task) => String(task.TaskId));
		if (n % 3 === 0) {
			expect(result.error).toBeUndefined();
			expect(ids).toHaveLength(ITEMS * TASKS_PER_ITEM);
			expect(ids.every((id) => id.startsWith('load_'))).toBe(true);
		} else if (n % 3 === 1) {
			expect(result.error).toBeUndefined();
			expect(ids).toHaveLength(40);
			expect(ids.every((id) => id.startsWith('second_'))).toBe(true);
		} else {
			expect(result.error?.message).toMatch(/RetCode 171/);
			expect(ids).toHaveLength(0);
		}
	});
});
