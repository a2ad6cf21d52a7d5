/**
 * The classifier against the errors n8n's request helper really throws, on both n8n lines.
 * Each n8n-core line sends the request with axios and wraps what axios throws in its own
 * n8n-workflow's NodeApiError: `new NodeApiError(this.getNode(), error)`. n8n 1.x (n8n-core
 * 1.122, n8n-workflow 1.120) keeps no `cause`, only the system code in `httpCode`; n8n 2.x keeps
 * axios's error as `cause`. Both are built here from real axios errors on loopback sockets.
 */
import axios from 'axios';
import type { AxiosRequestConfig } from 'axios';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonObject } from 'n8n-workflow';
import { NodeApiError as NodeApiErrorV2 } from 'n8n-workflow';
import type { JsonObject as JsonObjectV1 } from 'n8n-workflow-v1';
import { NodeApiError as NodeApiErrorV1 } from 'n8n-workflow-v1';

import type { Failure } from '../../../../../nodes/shared/transport/retry';
import type { NetworkFailure } from '../../../../../nodes/shared/transport/networkError';
import {
	classifyNetworkError,
	failureCode,
} from '../../../../../nodes/shared/transport/networkError';
import { at } from '../../../../at';

/** The node, as both lines' INode (their types differ, the shape is the same). */
const node = {
	id: '1',
	name: 'UCDN',
	type: 'n8n-nodes-ucdn.ucdn',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

// n8n-core passes the caught error as is; the typings ask for a JsonObject.
const LINES = [
	['n8n 1.x', (error: Error) => new NodeApiErrorV1(node, error as unknown as JsonObjectV1)],
	['n8n 2.x', (error: Error) => new NodeApiErrorV2(node, error as unknown as JsonObject)],
] as const;

/** A loopback server that treats each request with `handle`; its URL, and how to stop it. */
async function server(handle: Parameters<typeof createServer>[1]) {
	const http = createServer(handle);
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
	const stop = async () => {
		http.closeAllConnections();
		await new Promise<void>((resolve) => http.close(() => resolve()));
	};
	return { url, stop };
}

/** What axios throws for this request (proxy settings of the environment left out). */
async function axiosError(config: AxiosRequestConfig): Promise<Error> {
	try {
		await axios({ method: 'POST', data: {}, proxy: false, ...config });
	} catch (error) {
		return error as Error;
	}
	throw new Error('The request succeeded');
}

const cases: Array<[string, () => Promise<Error>, Failure]> = [
	[
		'a closed port',
		async () => {
			const { url, stop } = await server(() => undefined);
			await stop();
			return await axiosError({ url });
		},
		{ kind: 'refused' },
	],
	[
		"n8n's header timeout",
		async () => {
			const { url, stop } = await server(() => undefined);
			try {
				return await axiosError({ url, timeout: 100 });
			} finally {
				await stop();
			}
		},
		{ kind: 'timeout' },
	],
	[
		'a reset connection',
		async () => {
			const { url, stop } = await server((req) => req.socket.destroy());
			try {
				return await axiosError({ url });
			} finally {
				await stop();
			}
		},
		{ kind: 'network', code: 'ECONNRESET' },
	],
	[
		'a cancelled execution',
		async () => {
			const { url, stop } = await server(() => undefined);
			try {
				return await axiosError({ url, signal: AbortSignal.timeout(100) });
			} finally {
				await stop();
			}
		},
		{ kind: 'network', code: 'ERR_CANCELED' },
	],
];

describe.each(LINES)('%s', (_line, wrap) => {
	test.each(cases)('%s', async (_case, make, expected) => {
		const error = wrap(await make());
		expect(classifyNetworkError(error, false)).toEqual(expected);
	});

	test("whatever n8n reports, the node's own deadline is a timeout", async () => {
		const error = wrap(await at(cases, 3)[1]());
		expect(classifyNetworkError(error, true)).toEqual({ kind: 'timeout' });
	});
});

test('an error without any code', () => {
	expect(classifyNetworkError(new Error('odd'), false)).toEqual({
		kind: 'network',
		code: 'unknown network error',
	});
});

test.each<[NetworkFailure, string]>([
	[{ kind: 'refused' }, 'ECONNREFUSED'],
	[{ kind: 'network', code: 'ECONNRESET' }, 'ECONNRESET'],
	[{ kind: 'network', code: 'unknown network error' }, 'unknown network error'],
	[{ kind: 'timeout' }, 'timeout'],
	[{ kind: 'blocked', reason: 'loopback address' }, 'blocked'],
])('failureCode of %p is %p', (failure, code) => {
	expect(failureCode(failure)).toBe(code);
});
