import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IHttpRequestOptions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { retCodeHint, retCodeMessage } from './retCodes';
import type { ParamValue } from './signing';
import { signParams } from './signing';

export const CREDENTIAL_TYPE = 'ucloudApi';

/** The base URL requests go to, from the credential's endpoint choice, or what is wrong with it. */
export function resolveEndpoint(
	credentials: ICredentialDataDecryptedObject,
): { url: string } | { problem: string } {
	const chosen = String(credentials.endpoint ?? '');
	const raw = chosen === 'custom' ? String(credentials.customEndpoint ?? '').trim() : chosen;
	if (raw === '')
		return { problem: 'The credential has no API Endpoint: set a Custom Endpoint URL' };
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return { problem: `The credential's API Endpoint "${raw}" is not a URL` };
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return {
			problem: `The credential's API Endpoint "${raw}" must start with https:// or http://`,
		};
	}
	return { url: url.href.replace(/\/+$/, '') };
}

function keysOf(credentials: ICredentialDataDecryptedObject) {
	return {
		publicKey: String(credentials.publicKey ?? '').trim(),
		privateKey: String(credentials.privateKey ?? '').trim(),
	};
}

/**
 * The credential's `authenticate`: adds PublicKey and Signature to the request's parameters
 * (the JSON body of a POST, the query string of a GET), signing exactly the pairs it sends.
 */
export function signRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const { publicKey, privateKey } = keysOf(credentials);
	const method = (requestOptions.method ?? 'GET').toUpperCase();
	const where = method === 'GET' ? 'qs' : 'body';
	const params = (requestOptions[where] ?? {}) as Record<string, ParamValue>;
	return { ...requestOptions, [where]: signParams(params, publicKey, privateKey) };
}

/** A cheap, read-only signed call, the same one the node makes: it proves keys, endpoint and project. */
export const CREDENTIAL_TEST_ACTION = 'DescribeNewUcdnRefreshCacheTask';

const TEST_TIMEOUT_MS = 15_000;

function networkReason(error: unknown): string {
	const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
	if (typeof cause?.code === 'string') return cause.code;
	if ((error as Error).name === 'TimeoutError')
		return `no answer within ${TEST_TIMEOUT_MS / 1000} s`;
	return typeof cause?.message === 'string' ? cause.message : (error as Error).message;
}

/**
 * Credential test, run by n8n when the user saves or tests the credential. It is a node
 * method (`testedBy`) rather than a declarative `test`, because a declarative test can only
 * match fixed RetCodes: this one passes on RetCode 0 alone and says what each failure means.
 * The test context offers no non-deprecated HTTP helper, so it uses the runtime's fetch.
 */
export async function testCredentials(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const resolved = resolveEndpoint(data);
	if ('problem' in resolved) return { status: 'Error', message: resolved.problem };
	const endpoint = resolved.url;
	const { publicKey, privateKey } = keysOf(data);
	if (publicKey === '' || privateKey === '') {
		return { status: 'Error', message: 'Enter both the Public Key and the Private Key' };
	}
	const projectId = String(data.projectId ?? '').trim();
	const body = signParams(
		{ Action: CREDENTIAL_TEST_ACTION, Limit: 1, ProjectId: projectId || undefined },
		publicKey,
		privateKey,
	);

	let response: Response;
	try {
		response = await fetch(`${endpoint}/`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(TEST_TIMEOUT_MS),
		});
	} catch (error) {
		return {
			status: 'Error',
			message: `Could not reach ${endpoint} (${networkReason(error)}). Check the API Endpoint and that n8n can reach it.`,
		};
	}

	const text = await response.text();
	let answer: { RetCode?: unknown; Message?: unknown } | undefined;
	try {
		answer = JSON.parse(text) as typeof answer;
	} catch {
		answer = undefined;
	}
	if (typeof answer?.RetCode !== 'number') {
		return {
			status: 'Error',
			message: `${endpoint} answered HTTP ${response.status} but not like a UCloud API. Check the API Endpoint.`,
		};
	}
	if (answer.RetCode !== 0) {
		return {
			status: 'Error',
			message: `${retCodeMessage(CREDENTIAL_TEST_ACTION, answer.RetCode, answer.Message, [privateKey])}. ${retCodeHint(answer.RetCode)}`,
		};
	}
	return { status: 'OK', message: 'Connection successful' };
}
