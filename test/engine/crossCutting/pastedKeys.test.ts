/**
 * Keys pasted from a web page or a chat with invisible format characters (zero-width space,
 * BOM, word joiner, …): at either end they are removed like whitespace; inside a key the node,
 * the trigger, the Project ID list and the credential test all say so before anything is sent.
 */
import type { IDataObject } from 'n8n-workflow';

import type { UcdnSimulator } from '../../../dev/simulator/server';
import { TEST_PRIVATE_KEY, TEST_PUBLIC_KEY, startSimulator } from '../../../dev/simulator/server';
import { testCredentials } from '../../../dev/engine/credentialTest';
import { searchList } from '../../../dev/engine/listSearch';
import { pollTrigger } from '../../../dev/engine/poll';
import { runWorkflow } from '../../../dev/engine/run';
import { CREDENTIAL_REF, simulatorCredentials, ucdnWorkflow } from '../../../dev/engine/workflows';

const ZWSP = '\u200B';
/** The simulator's public key with a zero-width space after its 16th character. */
const PUBLIC_KEY_WITH_ZWSP = `${TEST_PUBLIC_KEY.slice(0, 16)}${ZWSP}${TEST_PUBLIC_KEY.slice(16)}`;
const PUBLIC_KEY_PROBLEM =
	'The Public Key contains an invisible character (U+200B) at position 17: paste it again';
/** The simulator's private key with a zero-width space after its 4th character. */
const PRIVATE_KEY_WITH_ZWSP = `${TEST_PRIVATE_KEY.slice(0, 4)}${ZWSP}${TEST_PRIVATE_KEY.slice(4)}`;
const PRIVATE_KEY_PROBLEM =
	'The Private Key contains an invisible character (U+200B) at position 5: paste it again';

let sim: UcdnSimulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
});

const describeTasks = { resource: 'refresh', operation: 'describeTasks', limit: 1 };

async function describeWith(keys: IDataObject) {
	// The raw answer: one item, whether or not the default time range holds tasks.
	return await runWorkflow(ucdnWorkflow({ ...describeTasks, output: 'raw' }), {
		credentials: simulatorCredentials(sim, keys),
	});
}

async function pollWith(keys: IDataObject) {
	return await pollTrigger(
		{
			nodes: [
				{
					id: '1',
					name: 'UCDN Trigger',
					type: 'n8n-nodes-ucdn.ucdnTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: { resource: 'refresh', event: 'finished' },
					credentials: CREDENTIAL_REF,
				},
			],
			connections: {},
		},
		{ credentials: simulatorCredentials(sim, keys) },
	);
}

/** The Project ID list, as the editor loads it; its error, if it fails. */
async function projectListWith(keys: IDataObject) {
	return await searchList('ucdn', 'options.projectId', {
		credentials: simulatorCredentials(sim, keys),
		parameters: { ...describeTasks, options: {} },
	}).then(
		() => undefined,
		(caught: unknown) => caught as Error & { description?: string },
	);
}

describe('at either end of a key, invisible characters are removed like whitespace', () => {
	const pasted = {
		publicKey: `${TEST_PUBLIC_KEY}${ZWSP}`,
		privateKey: ` ${ZWSP}${TEST_PRIVATE_KEY} \uFEFF\n`,
	};

	test('Describe Tasks: the signed call is accepted (RetCode 0)', async () => {
		const before = sim.requests.length;
		const { error, json } = await describeWith(pasted);
		expect(error).toBeUndefined();
		expect(json('UCDN')).toEqual([expect.objectContaining({ RetCode: 0 })]);
		const calls = sim.requests.slice(before);
		expect(calls.map((call) => call.retCode)).toEqual([0]);
		expect(calls[0]?.params.PublicKey).toBe(TEST_PUBLIC_KEY);
	});

	test('the trigger polls with them', async () => {
		const before = sim.requests.length;
		const { error } = await pollWith(pasted);
		expect(error).toBeUndefined();
		const calls = sim.requests.slice(before);
		expect(calls.length).toBeGreaterThan(0);
		for (const call of calls) expect(call.retCode).toBe(0);
	});

	test('the credential test passes', async () => {
		expect(await testCredentials(simulatorCredentials(sim, pasted).ucloudApi)).toEqual({
			status: 'OK',
			message: 'Connection successful',
		});
	});
});

describe('inside a key, an invisible character is reported before anything is sent', () => {
	test.each([
		['Public Key', { publicKey: PUBLIC_KEY_WITH_ZWSP }, PUBLIC_KEY_PROBLEM],
		['Private Key', { privateKey: PRIVATE_KEY_WITH_ZWSP }, PRIVATE_KEY_PROBLEM],
	])('the %s: Describe Tasks', async (_label, keys, problem) => {
		const before = sim.requests.length;
		const { error } = await describeWith(keys);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(problem);
		expect(error?.description).toMatch(/^Open the UCloud API credential and paste the /);
		expect(sim.requests.length).toBe(before);
	});

	test('the Public Key: the trigger', async () => {
		const before = sim.requests.length;
		const { error } = await pollWith({ publicKey: PUBLIC_KEY_WITH_ZWSP });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(PUBLIC_KEY_PROBLEM);
		expect(sim.requests.length).toBe(before);
	});

	test('the Public Key: the Project ID list', async () => {
		const before = sim.requests.length;
		const error = await projectListWith({ publicKey: PUBLIC_KEY_WITH_ZWSP });
		expect(error?.message).toBe(PUBLIC_KEY_PROBLEM);
		expect(sim.requests.length).toBe(before);
	});

	test.each([
		['Public Key', { publicKey: PUBLIC_KEY_WITH_ZWSP }, PUBLIC_KEY_PROBLEM],
		['Private Key', { privateKey: PRIVATE_KEY_WITH_ZWSP }, PRIVATE_KEY_PROBLEM],
	])('the %s: the credential test', async (_label, keys, problem) => {
		const before = sim.requests.length;
		const result = await testCredentials(simulatorCredentials(sim, keys).ucloudApi);
		expect(result).toEqual({ status: 'Error', message: problem });
		expect(sim.requests.length).toBe(before);
	});

	test('no error of the Private Key quotes it, not even a part of it', async () => {
		const keys = { privateKey: PRIVATE_KEY_WITH_ZWSP };
		const node = (await describeWith(keys)).error;
		const trigger = (await pollWith(keys)).error;
		const test = await testCredentials(simulatorCredentials(sim, keys).ucloudApi);
		const text = JSON.stringify([
			node?.message,
			node?.description,
			trigger?.message,
			trigger?.description,
			test,
		]);
		expect(text).toMatch(/The Private Key contains an invisible character/);
		for (const part of [TEST_PRIVATE_KEY.slice(0, 4), TEST_PRIVATE_KEY.slice(4)])
			expect(text).not.toContain(part);
	});
});
