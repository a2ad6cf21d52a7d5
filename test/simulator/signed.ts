/** Requests to the simulator signed here with crypto-js, independently of the node's signing code. */
import SHA1 from 'crypto-js/sha1';

import type { UcdnSimulator } from '../../dev/simulator/server';
import { TEST_PRIVATE_KEY, TEST_PUBLIC_KEY } from '../../dev/simulator/server';

export function sign(
	params: Record<string, string>,
	privateKey = TEST_PRIVATE_KEY,
): Record<string, string> {
	const all: Record<string, string> = { ...params, PublicKey: params.PublicKey ?? TEST_PUBLIC_KEY };
	const text =
		Object.keys(all)
			.sort()
			.map((name) => name + all[name])
			.join('') + privateKey;
	return { ...all, Signature: SHA1(text).toString() };
}

/** Signs `params`, POSTs them as JSON and returns the parsed answer. */
export async function call(
	server: UcdnSimulator,
	params: Record<string, string>,
): Promise<Record<string, unknown> & { RetCode: number; Message?: string }> {
	const response = await fetch(`${server.url}/`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(sign(params)),
	});
	return (await response.json()) as Record<string, unknown> & { RetCode: number };
}
