import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { excerpt } from '../../../credentials/common/ucloud/excerpt';
import { requestSecrets } from './redact';
import { retCodeHint, retCodeMessage } from './retCodes';
import { resolveEndpoint } from '../../../credentials/common/ucloud/endpoint';
import { readKeys, signParams } from '../../../credentials/common/ucloud/signing';
import { pause } from './pause';

/** A cheap, read-only signed call, the same one the node makes: it proves keys, endpoint and project. */
export const CREDENTIAL_TEST_ACTION = 'DescribeNewUcdnRefreshCacheTask';

export const TEST_TIMEOUT_MS = 15_000;
const BROKEN_OFF = 'the connection closed before the answer was complete';
const NO_ANSWER = `no answer within ${TEST_TIMEOUT_MS / 1000} s`;
const TIMED_OUT = Symbol('timed out');

/** Why a request got no answer, in a few words: the system's code, or what n8n said. */
function networkReason(error: unknown): string {
	const { code, name, message } = (error ?? {}) as {
		code?: unknown;
		name?: unknown;
		message?: unknown;
	};
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') return NO_ANSWER;
	if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code)) return code;
	return excerpt(typeof message === 'string' ? message : String(name ?? error), 100);
}

/** n8n's SSRF protection refused the address (n8n 2.x): nothing was sent. */
function ssrfBlocked(error: unknown): boolean {
	const name = (error as { name?: unknown } | null)?.name;
	return name === 'SsrfBlockedIpError' || name === 'SsrfBlockedHostnameError';
}

/**
 * Credential test, run by n8n when the user saves or tests the credential. It is a node
 * method (`testedBy`) rather than a declarative `test`, because a declarative test can only
 * match fixed RetCodes: this one passes on RetCode 0 alone and says what each failure means.
 * It sends through the one HTTP helper n8n 1.x and 2.x both give credential tests, so n8n's
 * proxy settings and SSRF protection apply as they do to the node's own requests.
 */
export async function testCredentials(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const resolved = resolveEndpoint(data);
	if ('problem' in resolved) return { status: 'Error', message: resolved.problem };
	const endpoint = resolved.url;
	const keys = readKeys(data);
	if ('problem' in keys) return { status: 'Error', message: keys.problem };
	const { publicKey, privateKey } = keys;
	if (publicKey === '' || privateKey === '') {
		return { status: 'Error', message: 'Enter both the Public Key and the Private Key' };
	}
	const projectId = String(data.projectId ?? '').trim();
	const params = { Action: CREDENTIAL_TEST_ACTION, Limit: 1, ProjectId: projectId || undefined };

	// `request` is the one HTTP helper credential tests get, on n8n 1.x and 2.x alike (n8n's axios,
	// with its proxy and SSRF settings). n8n's lint rule against it aims at node contexts, which
	// offer `httpRequest` instead; a credential test has no such choice.
	const { helpers } = this;
	const unreachable = (reason: string): INodeCredentialTestResult => ({
		status: 'Error',
		message: `Could not reach ${endpoint} (${reason}). Check the API Endpoint and that n8n can reach it.`,
	});
	let response: { statusCode?: unknown; body?: unknown };
	// `timeout` only notices a silence, so a body that trickles in is cut off by this race.
	const settled = new AbortController();
	const late = pause(TEST_TIMEOUT_MS, settled.signal).then(() => TIMED_OUT);
	// HTTP errors are thrown with their status and body; a thrown 2xx is an answer that broke off.
	try {
		const outcome = await Promise.race([
			helpers.request({
				method: 'POST',
				uri: `${endpoint}/`,
				body: signParams(params, publicKey, privateKey),
				json: true,
				timeout: TEST_TIMEOUT_MS,
				resolveWithFullResponse: true,
			}),
			late,
		]);
		if (outcome === TIMED_OUT) return unreachable(NO_ANSWER);
		response = outcome as typeof response;
	} catch (error) {
		const { statusCode, error: body } = error as { statusCode?: unknown; error?: unknown };
		if (typeof statusCode === 'number' && (statusCode < 200 || statusCode > 299)) {
			response = { statusCode, body };
		} else if (ssrfBlocked(error)) {
			return {
				status: 'Error',
				message: `n8n's SSRF protection does not allow requests to ${endpoint}. Ask the n8n administrator to allow it, or use another API Endpoint.`,
			};
		} else {
			return unreachable(typeof statusCode === 'number' ? BROKEN_OFF : networkReason(error));
		}
	} finally {
		settled.abort();
	}

	let answer = response.body;
	if (typeof answer === 'string') {
		try {
			answer = JSON.parse(answer) as unknown;
		} catch {
			// Not JSON: not a UCloud answer, reported below.
		}
	}
	const { RetCode: retCode, Message: apiMessage } = (
		answer !== null && typeof answer === 'object' ? answer : {}
	) as { RetCode?: unknown; Message?: unknown };
	if (typeof retCode !== 'number') {
		return {
			status: 'Error',
			message: `${endpoint} answered HTTP ${String(response.statusCode)} but not like a UCloud API. Check the API Endpoint.`,
		};
	}
	if (retCode !== 0) {
		return {
			status: 'Error',
			message: `${retCodeMessage(CREDENTIAL_TEST_ACTION, retCode, apiMessage, requestSecrets(params, publicKey, privateKey))}. ${retCodeHint(retCode)}`,
		};
	}
	return { status: 'OK', message: 'Connection successful' };
}
