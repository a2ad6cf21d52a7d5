import { SsrfProtectionConfig } from '@n8n/config';
import { Container } from '@n8n/di';
import type { ICredentialDataDecryptedObject, INodeCredentialTestResult } from 'n8n-workflow';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { UcdnSimulator } from '../../dev/simulator/server';
import { SECOND_PROJECT, TEST_PRIVATE_KEY, startSimulator } from '../../dev/simulator/server';
import { PackageNodeTypes } from '../../dev/engine/nodeTypes';
import { credentialTestFor, testCredentials } from '../../dev/engine/credentialTest';
import { simulatorCredentials } from '../../dev/engine/workflows';

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

test('every credential a node names is one of the package’s, tested by a method of that node', () => {
	// What n8n's lint rules check where these names are literals (see credentialType.ts).
	const nodeTypes = new PackageNodeTypes();
	const own = Object.keys(nodeTypes.credentialTypes);
	const named = Object.entries(nodeTypes.types)
		.filter(([type]) => type.startsWith('n8n-nodes-ucdn.'))
		.flatMap(([type, node]) =>
			(node.description.credentials ?? []).map(({ name, testedBy }) => ({
				type,
				name,
				tested: typeof testedBy === 'string' && !!node.methods?.credentialTest?.[testedBy],
			})),
		);
	expect(named.map(({ type }) => type).sort()).toEqual([
		'n8n-nodes-ucdn.ucdn',
		'n8n-nodes-ucdn.ucdnTool',
		'n8n-nodes-ucdn.ucdnTrigger',
	]);
	for (const { name, tested } of named) {
		expect(own).toContain(name);
		expect(tested).toBe(true);
	}
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

test('a RetCode sent as text passes, as the node accepts it', async () => {
	sim.failNext({ kind: 'transform', transform: (answer) => ({ ...answer, RetCode: '0' }) });
	expect(await testCredential()).toEqual({ status: 'OK', message: 'Connection successful' });
});

test('a non-zero RetCode sent as text is read as that RetCode', async () => {
	sim.failNext({
		kind: 'transform',
		transform: () => ({ RetCode: ' 171 ', Message: 'Signature VerifyAC Error' }),
	});
	const result = await testCredential();
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(
		/RetCode 171: Signature VerifyAC Error\. The signature was rejected/,
	);
});

test('an endpoint that is not a UCloud API', async () => {
	sim.failNext({ kind: 'garbage' });
	const result = await testCredential();
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/answered HTTP 200 but not like a UCloud API/);
});

test('an HTTP error status: the status, and what to check', async () => {
	sim.failNext({ kind: 'http', status: 404, body: 'Not Found' });
	expect(await testCredential()).toEqual({
		status: 'Error',
		message: `${sim.url} answered HTTP 404 but not like a UCloud API. Check the API Endpoint.`,
	});
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

/** A loopback HTTP server for one test; `handle` decides what it does with each request. */
async function startServer(handle: Parameters<typeof createServer>[1]) {
	const server = createServer(handle);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const close = async () => {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	};
	return { url, close };
}

describe('through n8n’s HTTP stack', () => {
	test('behind HTTP_PROXY: the request goes through the proxy, which alone can resolve the host', async () => {
		const target = new URL(sim.url);
		const seen: string[] = [];
		// A forward proxy for plain HTTP: absolute-form requests, one host name it maps to the simulator.
		const proxy = await startServer((req, res) => {
			seen.push(`${req.method} ${req.url}`);
			const url = new URL(req.url ?? '/');
			if (url.hostname !== 'ucdn.only-the-proxy-knows.test') {
				res.writeHead(502).end();
				return;
			}
			const forwarded = request(
				{
					host: target.hostname,
					port: target.port,
					path: url.pathname,
					method: req.method,
					headers: req.headers,
				},
				(answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			req.pipe(forwarded);
		});
		const saved = { ...process.env };
		process.env.HTTP_PROXY = proxy.url;
		delete process.env.NO_PROXY;
		delete process.env.no_proxy;
		try {
			const result = await testCredential({
				customEndpoint: 'http://ucdn.only-the-proxy-knows.test',
			});
			expect(result).toEqual({ status: 'OK', message: 'Connection successful' });
			expect(seen).toEqual(['POST http://ucdn.only-the-proxy-knows.test/']);
		} finally {
			process.env = saved;
			await proxy.close();
		}
	});

	test('with SSRF protection on, a loopback endpoint is refused and never reached', async () => {
		const config = Container.get(SsrfProtectionConfig);
		const before = sim.requests.length;
		config.enabled = true;
		try {
			const result = await testCredential();
			expect(result.status).toBe('Error');
			expect(result.message).toBe(
				`n8n's SSRF protection does not allow requests to ${sim.url}. Ask the n8n administrator to allow it, or use another API Endpoint.`,
			);
		} finally {
			config.enabled = false;
		}
		expect(sim.requests.length).toBe(before);
	});

	test('a server that sends headers and then nothing: a timeout, in words', async () => {
		const stalled = await startServer((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.write('{"RetCode":');
		});
		try {
			expect(await testCredential({ customEndpoint: stalled.url })).toEqual({
				status: 'Error',
				message: `Could not reach ${stalled.url} (no answer within 15 s). Check the API Endpoint and that n8n can reach it.`,
			});
		} finally {
			await stalled.close();
		}
	}, 40_000);

	test('a body that trickles in: a timeout at 15 s, not whenever the body ends', async () => {
		// A valid answer, one byte a second: n8n's timeout only notices a silence, never this.
		const body = JSON.stringify({
			RetCode: 0,
			TotalCount: 0,
			TaskList: [],
			Padding: 'x'.repeat(40),
		});
		const trickling = await startServer((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			let sent = 0;
			const next = (): void => {
				if (res.destroyed) return;
				if (sent === body.length) res.end();
				else res.write(body[sent++], () => setTimeout(next, 1000));
			};
			next();
		});
		try {
			const started = Date.now();
			expect(await testCredential({ customEndpoint: trickling.url })).toEqual({
				status: 'Error',
				message: `Could not reach ${trickling.url} (no answer within 15 s). Check the API Endpoint and that n8n can reach it.`,
			});
			expect(Date.now() - started).toBeLessThan(body.length * 1000 - 20_000);
		} finally {
			await trickling.close();
		}
	}, 120_000);

	test('a connection reset in the middle of the body, in words', async () => {
		const broken = await startServer((req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
			res.write('{"RetCode":', () => req.socket.destroy());
		});
		try {
			expect(await testCredential({ customEndpoint: broken.url })).toEqual({
				status: 'Error',
				message: `Could not reach ${broken.url} (the connection closed before the answer was complete). Check the API Endpoint and that n8n can reach it.`,
			});
		} finally {
			await broken.close();
		}
	});
});

describe('endpoints that carry more than a base URL are refused, without quoting secrets', () => {
	test.each([
		[
			'user info',
			'http://admin:S3cret-pw@api.example.com',
			"The credential's API Endpoint must not contain a user name or password: UCloud requests are signed with the keys. Remove the part before @.",
		],
		[
			'a user name only',
			'https://S3cret-pw@api.example.com/v1',
			"The credential's API Endpoint must not contain a user name or password: UCloud requests are signed with the keys. Remove the part before @.",
		],
		[
			'a query string',
			'https://api.example.com/?token=S3cret-pw',
			"The credential's API Endpoint must not contain a query string (?…): enter the base URL only, such as https://api.example.com",
		],
		[
			'a fragment',
			'https://api.example.com/v1#S3cret-pw',
			"The credential's API Endpoint must not contain a fragment (#…): enter the base URL only, such as https://api.example.com/v1",
		],
		[
			'an unparseable URL with a password',
			'http://admin:S3cret-pw@',
			'The credential\'s API Endpoint "http://***@" is not a URL',
		],
	])('%s', async (_label, customEndpoint, message) => {
		const before = sim.requests.length;
		const result = await testCredential({ customEndpoint });
		expect(result).toEqual({ status: 'Error', message });
		expect(JSON.stringify(result)).not.toContain('S3cret-pw');
		expect(sim.requests.length).toBe(before);
	});
});
