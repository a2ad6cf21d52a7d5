import type { ICredentialDataDecryptedObject, INodeCredentialTestResult } from 'n8n-workflow';

import type { UcdnSimulator } from '../simulator/server';
import { SECOND_PROJECT, TEST_PRIVATE_KEY, startSimulator } from '../simulator/server';
import { PackageNodeTypes, credentialTestFor, testCredentials } from './harness';
import { simulatorCredentials } from './workflows';

let sim: UcdnSimulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
});

async function testCredential(
	overrides: ICredentialDataDecryptedObject = {},
): Promise<INodeCredentialTestResult> {
	const result = await testCredentials(simulatorCredentials(sim, overrides).ucloudApi);
	expect(JSON.stringify(result)).not.toContain(TEST_PRIVATE_KEY);
	return result;
}

test('every credential type of the package has a test', () => {
	const nodeTypes = new PackageNodeTypes();
	for (const type of Object.keys(nodeTypes.credentialTypes))
		expect(credentialTestFor(type)).toBeInstanceOf(Function);
});

test('passes with the right keys, making one cheap signed call', async () => {
	const before = sim.requests.length;
	expect(await testCredential({ projectId: SECOND_PROJECT })).toEqual({
		status: 'OK',
		message: 'Connection successful',
	});
	const calls = sim.requests.slice(before);
	expect(calls).toHaveLength(1);
	expect(calls[0]).toMatchObject({
		method: 'POST',
		retCode: 0,
		params: { Action: 'DescribeNewUcdnRefreshCacheTask', Limit: '1', ProjectId: SECOND_PROJECT },
	});
});

test('a wrong private key (or endpoint): RetCode 171, and what to check', async () => {
	const result = await testCredential({ privateKey: 'TEST-WRONG-PRIVATE-KEY' });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(
		/RetCode 171: Signature VerifyAC Error\. The signature was rejected/,
	);
	expect(result.message).toMatch(/issued for the selected API Endpoint/);
});

test('an unknown public key: RetCode 172', async () => {
	const result = await testCredential({ publicKey: 'TEST-UNKNOWN-PUBLIC-KEY' });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(
		/RetCode 172: User Not Exists\. The endpoint does not know this Public Key/,
	);
});

test('an unreachable endpoint', async () => {
	const closed = await startSimulator();
	await closed.close();
	const result = await testCredential({ customEndpoint: closed.url });
	expect(result).toEqual({
		status: 'Error',
		message: `Could not reach ${closed.url} (ECONNREFUSED). Check the API Endpoint and that n8n can reach it.`,
	});
});

test('an endpoint that is not a UCloud API', async () => {
	sim.failNext({ kind: 'garbage' });
	const result = await testCredential();
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/answered HTTP 200 but not like a UCloud API/);
});

test('any other non-zero RetCode fails too', async () => {
	sim.failNext({ kind: 'retCode', retCode: 2001, message: 'Service busy' });
	const result = await testCredential();
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(
		/RetCode 2001: Service busy\. UCloud reported a server-side error/,
	);
});

test('missing endpoint or keys are reported without a request', async () => {
	const before = sim.requests.length;
	expect(await testCredential({ customEndpoint: '' })).toEqual({
		status: 'Error',
		message: 'The credential has no API Endpoint: set a Custom Endpoint URL',
	});
	expect(await testCredential({ privateKey: '' })).toEqual({
		status: 'Error',
		message: 'Enter both the Public Key and the Private Key',
	});
	expect(sim.requests.length).toBe(before);
});
