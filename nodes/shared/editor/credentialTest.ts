import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { resolveEndpoint } from '../../../credentials/common/ucloud/endpoint';
import type { WireParams } from '../../../credentials/common/ucloud/signing';
import { readKeys, signParams } from '../../../credentials/common/ucloud/signing';
import { ACTIONS } from '../transport';
import { readBody, readRetCode } from '../transport/answer';
import { cutOff } from '../transport/cancellable';
import { classifyNetworkError, failureCode } from '../transport/networkError';
import type { ApiParams } from '../transport/params';
import { requestSecrets } from '../transport/redact';
import { retCodeHint, retCodeMessage } from '../transport/retCodes';

/** A cheap, read-only signed call, the same one the node makes: it proves keys, endpoint and project. */
const TEST_ACTION = ACTIONS.refreshTasks.name;

export const TEST_TIMEOUT_MS = 15_000;
const BROKEN_OFF = 'the connection closed before the answer was complete';
const NO_ANSWER = `no answer within ${TEST_TIMEOUT_MS / 1000} s`;

const failed = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });

/** An HTTP answer, whatever its status: what `request` resolved with, or threw for a status error. */
interface Answer {
	statusCode?: unknown;
	body?: unknown;
}

/** What the request came to: an answer to read, or the test's result already. */
type Sent = { answer: Answer } | { result: INodeCredentialTestResult };

/**
 * The test's one request, bounded end to end by TEST_TIMEOUT_MS: an HTTP answer, or why there
 * was none, worded for the user.
 */
async function send(
	this: ICredentialTestFunctions,
	endpoint: string,
	body: WireParams,
): Promise<Sent> {
	// `request` is the one HTTP helper credential tests get, on n8n 1.x and 2.x alike (n8n's axios,
	// with its proxy and SSRF settings). n8n's lint rule against it aims at node contexts, which
	// offer `httpRequest` instead; a credential test has no such choice.
	const { helpers } = this;
	// `timeout` only notices a silence, and `request` takes no signal: a body that trickles in
	// is cut off at this deadline.
	const deadline = AbortSignal.timeout(TEST_TIMEOUT_MS);
	try {
		const answer = (await cutOff(
			helpers.request({
				method: 'POST',
				uri: `${endpoint}/`,
				body,
				json: true,
				timeout: TEST_TIMEOUT_MS,
				resolveWithFullResponse: true,
			}),
			deadline,
		)) as Answer;
		return { answer };
	} catch (error) {
		// HTTP errors are thrown with their status and body; a thrown 2xx is an answer that broke off.
		const { statusCode, error: errorBody } = error as { statusCode?: unknown; error?: unknown };
		const unreachable = (reason: string): Sent => ({
			result: failed(
				`Could not reach ${endpoint} (${reason}). Check the API Endpoint and that n8n can reach it.`,
			),
		});
		if (typeof statusCode === 'number') {
			return statusCode >= 200 && statusCode <= 299
				? unreachable(BROKEN_OFF)
				: { answer: { statusCode, body: errorBody } };
		}
		const failure = classifyNetworkError(error, deadline.aborted);
		if (failure.kind === 'blocked') {
			return {
				result: failed(
					`n8n's SSRF protection does not allow requests to ${endpoint}. Ask the n8n administrator to allow it, or use another API Endpoint.`,
				),
			};
		}
		return unreachable(failure.kind === 'timeout' ? NO_ANSWER : failureCode(failure));
	}
}

/**
 * Credential test, run by n8n when the user saves or tests the credential. It is a node
 * method (`testedBy`) rather than a declarative `test`, because a declarative test can only
 * match fixed RetCodes: this one passes on RetCode 0 alone and says what each failure means.
 * It sends through the one HTTP helper n8n 1.x and 2.x both give credential tests, so n8n's
 * proxy settings and SSRF protection apply as they do to the node's own requests. It reads the
 * answer as the node's transport does (answer.ts), so both accept the same answers.
 */
export async function testCredentials(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const resolved = resolveEndpoint(data);
	if ('problem' in resolved) return failed(resolved.problem);
	const endpoint = resolved.url;
	const keys = readKeys(data);
	if ('problem' in keys) return failed(keys.problem);
	const { publicKey, privateKey } = keys;
	if (publicKey === '' || privateKey === '') {
		return failed('Enter both the Public Key and the Private Key');
	}
	const projectId = String(data.projectId ?? '').trim();
	const params: ApiParams = {
		Action: TEST_ACTION,
		Limit: 1,
		ProjectId: projectId || undefined,
	};

	const sent = await send.call(this, endpoint, signParams(params, publicKey, privateKey));
	if ('result' in sent) return sent.result;
	const { statusCode, body } = sent.answer;
	const answer = readBody(body);
	const retCode = readRetCode(answer);
	if (retCode === undefined) {
		return failed(
			`${endpoint} answered HTTP ${String(statusCode)} but not like a UCloud API. Check the API Endpoint.`,
		);
	}
	if (retCode !== 0) {
		const { Message: apiMessage } = answer as IDataObject;
		const secrets = requestSecrets(params, publicKey, privateKey);
		return failed(
			`${retCodeMessage(TEST_ACTION, retCode, apiMessage, secrets)}. ${retCodeHint(retCode)}`,
		);
	}
	return { status: 'OK', message: 'Connection successful' };
}
