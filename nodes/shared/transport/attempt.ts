/**
 * One attempt at a request: a signed POST, and what came of it. A failed attempt is described,
 * not thrown: ucdnRequest decides whether to try again, and makes the error when it gives up.
 */
import type { IDataObject, IN8nHttpFullResponse, JsonObject, NodeApiError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../../credentials/common/ucloud/credentialType';
import type { UcdnResponse } from './answer';
import { readBody, readRetCode } from './answer';
import type { ApiTarget, UcdnFunctions } from './apiCredentials';
import { classifyNetworkError, failureCode } from './networkError';
import type { ApiParams } from './params';
import { preview, requestSecrets } from './redact';
import type { NamedCause } from './retCodes';
import { retCodeHint, retCodeMessage } from './retCodes';
import type { Failure } from './retry';
import { parseRetryAfter } from './retry';

/** What a failed attempt says, in the terms of the NodeApiError made of it if it is the last. */
export interface Problem {
	/** The error's response: what failed, in fields (never a quoted body). */
	response: JsonObject;
	message: string;
	description: string;
}

export type Failed = { failure: Failure; problem: Problem; retryAfterMs?: number };
export type Outcome = { answer: UcdnResponse } | Failed;

/** What an attempt is about, for its messages. */
interface About {
	action: string;
	target: ApiTarget;
	/** This attempt's bound, in ms: the Request Timeout, or less at a deadline. */
	timeoutMs: number;
	/** What no message may quote: the private key, this request's Signature and signed string. */
	secrets: () => string[];
	/** What a refusal's Message may name (RequestSettings' causes). */
	causes: readonly NamedCause[];
}

/**
 * n8n (1.x and 2.x alike) replaces a request's `abortSignal` with the execution's cancel
 * signal, which it reads from the context its helper is called on. Called on this view of the
 * context, the helper gets `signal` instead: it fires on cancellation and at the deadline.
 */
function withCancelSignal(context: UcdnFunctions, signal: AbortSignal): UcdnFunctions {
	return new Proxy(context, {
		has: (target, key) => key === 'getExecutionCancelSignal' || Reflect.has(target, key),
		get(target, key) {
			if (key === 'getExecutionCancelSignal') return () => signal;
			const value: unknown = Reflect.get(target, key);
			return typeof value === 'function'
				? (value as (...args: unknown[]) => unknown).bind(target)
				: value;
		},
	});
}

/** A request that got no HTTP answer: what failed, worded for the user. */
function networkFailure(
	caught: unknown,
	timedOut: boolean,
	{ action, target, timeoutMs }: About,
): Failed {
	const failure = classifyNetworkError(caught, timedOut);
	const code = failureCode(failure);
	let what = `${code}. Check the credential's API Endpoint and that n8n can reach it.`;
	if (failure.kind === 'timeout') {
		what = `No answer within ${timeoutMs / 1000} s. Raise the Request Timeout option if the API is slow.`;
	} else if (failure.kind === 'blocked') {
		what = `Blocked by n8n's SSRF protection before it was sent: ${failure.reason}. Ask the n8n administrator to allow the API Endpoint's host.`;
	}
	return {
		failure,
		problem: {
			response: { action, endpoint: target.endpoint, reason: code },
			message: `Could not get an answer from the UCloud API at ${target.endpoint} for ${action}`,
			description: what,
		},
	};
}

/**
 * Whether ucdnRequest gave up because its last try got no complete answer within `timeoutMs`:
 * for a caller that words that failure itself, as the Project ID list does (its timeout is not
 * the Request Timeout option that networkFailure advises raising).
 */
export function isTimeout(error: NodeApiError): boolean {
	// networkFailure's reason: the system's code, or the kind of failure when there is none.
	return error.errorResponse?.reason === 'timeout';
}

/** An answer with an HTTP status other than 2xx. */
function statusFailure(
	response: IN8nHttpFullResponse,
	answer: unknown,
	{ action, secrets }: About,
): Failed {
	const { statusCode, headers } = response;
	return {
		failure: { kind: 'http', status: statusCode, retCode: readRetCode(answer) },
		retryAfterMs: parseRetryAfter(headers?.['retry-after'], Date.now()),
		problem: {
			response: { action, statusCode },
			message: `UCloud API ${action} failed with HTTP ${statusCode}`,
			description: `Response: ${preview(answer, secrets())}`,
		},
	};
}

/** A 2xx answer: a UCloud answer with RetCode 0, or what is wrong with it. */
function judgeAnswer(
	statusCode: number,
	answer: unknown,
	{ action, secrets, causes }: About,
): Outcome {
	const retCode = readRetCode(answer);
	if (retCode === undefined) {
		return {
			failure: { kind: 'malformed' },
			problem: {
				response: { action, statusCode },
				message: `UCloud API ${action} returned a response that is not a UCloud answer`,
				description: `HTTP ${statusCode}, body: ${preview(answer, secrets())}. Check the credential's API Endpoint.`,
			},
		};
	}
	const data = answer as IDataObject;
	if (retCode !== 0) {
		return {
			failure: { kind: 'retCode', retCode },
			problem: {
				response: { action, RetCode: retCode },
				message: retCodeMessage(action, retCode, data.Message, secrets()),
				description: retCodeHint(retCode, data.Message, causes),
			},
		};
	}
	return { answer: { ...data, RetCode: 0 } as UcdnResponse };
}

/**
 * One attempt: a signed POST of `body` (its Action is `action`), bounded end to end (headers and body) by `timeoutMs`,
 * whatever the server does; every way it can fail is classified and worded for the user.
 */
export async function attempt(
	this: UcdnFunctions,
	target: ApiTarget,
	action: string,
	body: ApiParams,
	{
		timeoutMs,
		signal: cancel,
		causes,
	}: { timeoutMs: number; signal?: AbortSignal; causes: readonly NamedCause[] },
): Promise<Outcome> {
	// Worked out only when an answer is quoted in an error: a successful request needs none.
	const secrets = () => requestSecrets(body, target.publicKey, target.privateKey);
	const about: About = { action, target, timeoutMs, secrets, causes };
	const deadline = AbortSignal.timeout(timeoutMs);
	const signal = cancel ? AbortSignal.any([deadline, cancel]) : deadline;
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(
			withCancelSignal(this, signal),
			CREDENTIAL_TYPE,
			{
				method: 'POST',
				baseURL: target.endpoint,
				url: '/',
				body: body as IDataObject,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				// `timeout` bounds only the wait for the headers; `signal` (see withCancelSignal) all of it.
				timeout: timeoutMs,
				abortSignal: signal,
			},
		)) as IN8nHttpFullResponse;
	} catch (error) {
		return networkFailure(error, deadline.aborted, about);
	}
	const answer = readBody(response.body);
	const { statusCode } = response;
	if (statusCode < 200 || statusCode > 299) return statusFailure(response, answer, about);
	return judgeAnswer(statusCode, answer, about);
}
