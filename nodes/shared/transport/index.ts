/**
 * The one request function, ucdnRequest: attempts with the retry policy between them
 * (retry.ts), and one NodeApiError when it gives up.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../../credentials/common/ucloud/credentialType';
import { resolveEndpoint } from '../../../credentials/common/ucloud/endpoint';
import { readKeys } from '../../../credentials/common/ucloud/signing';
import type { ParamValue } from '../../../credentials/common/ucloud/signing';
import { withNotes } from '../helpers/errors';
import type { UcdnResponse } from './answer';
import { readBody, readRetCode } from './answer';
import { classifyNetworkError, failureCode } from './networkError';
import { pause } from './pause';
import { preview, requestSecrets } from './redact';
import { retCodeHint, retCodeMessage } from './retCodes';
import type { Failure } from './retry';
import {
	MAX_RETRY_AFTER_MS,
	backoffMs,
	givingUpNotes,
	isRetryable,
	parseRetryAfter,
} from './retry';

export { CREDENTIAL_TYPE } from '../../../credentials/common/ucloud/credentialType';
export type { UcdnResponse } from './answer';

/** What a request is made from (`this`): a node execution, a trigger poll or a list in the editor. */
export type UcdnFunctions = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

/** Where requests go, read once from the credential per execution. */
export interface ApiTarget {
	endpoint: string;
	defaultProjectId?: string;
	/** The keys, to recompute what a request's answer must not quote (see requestSecrets). */
	publicKey: string;
	privateKey: string;
}

export async function getApiTarget(this: UcdnFunctions): Promise<ApiTarget> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const resolved = resolveEndpoint(credentials);
	if ('problem' in resolved) {
		throw new NodeOperationError(this.getNode(), resolved.problem, {
			description: 'Open the UCloud API credential and check its API Endpoint.',
		});
	}
	const keys = readKeys(credentials);
	if ('problem' in keys) {
		// Sending would only get RetCode 171 or 172, which cannot tell the user why.
		throw new NodeOperationError(this.getNode(), keys.problem, {
			description:
				'Open the UCloud API credential and paste the key again, copied from the console (Account → API Keys): a character that cannot be seen came with it. Position 1 is the key’s first visible character.',
		});
	}
	const projectId = String(credentials.projectId ?? '').trim();
	const { publicKey, privateKey } = keys;
	return {
		endpoint: resolved.url,
		defaultProjectId: projectId || undefined,
		publicKey,
		privateKey,
	};
}

/** The parameters a request sends; the credential's `authenticate` adds PublicKey and Signature. */
function requestBody(
	target: ApiTarget,
	action: string,
	params: Record<string, ParamValue>,
): Record<string, ParamValue> {
	const body: Record<string, ParamValue> = { Action: action, ...params };
	if (body.ProjectId === undefined || body.ProjectId === '')
		body.ProjectId = target.defaultProjectId;
	return body;
}

/** What an answer to this request must not quote: see requestSecrets. */
export function secretsOf(
	target: ApiTarget,
	action: string,
	params: Record<string, ParamValue>,
): string[] {
	return requestSecrets(requestBody(target, action, params), target.publicKey, target.privateKey);
}

/** What a failed attempt says, in the terms of the NodeApiError made of it if it is the last. */
interface Problem {
	/** The error's response: what failed, in fields (never a quoted body). */
	response: JsonObject;
	message: string;
	description: string;
}

type Failed = { failure: Failure; problem: Problem; retryAfterMs?: number };
type Outcome = { answer: UcdnResponse } | Failed;

/** What an attempt is about, for its messages. */
interface About {
	action: string;
	target: ApiTarget;
	/** This attempt's bound, in ms: the Request Timeout, or less at a deadline. */
	timeoutMs: number;
	/** What no message may quote: the private key, this request's Signature and signed string. */
	secrets: () => string[];
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
function judgeAnswer(statusCode: number, answer: unknown, { action, secrets }: About): Outcome {
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
				description: retCodeHint(retCode),
			},
		};
	}
	return { answer: { ...data, RetCode: 0 } as UcdnResponse };
}

/**
 * One attempt: a signed POST of `body` (its Action is `action`), bounded end to end (headers and body) by `timeoutMs`,
 * whatever the server does; every way it can fail is classified and worded for the user.
 */
async function attempt(
	this: UcdnFunctions,
	target: ApiTarget,
	action: string,
	body: Record<string, ParamValue>,
	timeoutMs: number,
	cancel: AbortSignal | undefined,
): Promise<Outcome> {
	// Worked out only when an answer is quoted in an error: a successful request needs none.
	const secrets = () => requestSecrets(body, target.publicKey, target.privateKey);
	const about: About = { action, target, timeoutMs, secrets };
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

/** How one request is made; Retries and Request Timeout come from the node's options. */
export interface RequestSettings {
	itemIndex: number;
	/** Further attempts after the first, for transient faults. */
	retries: number;
	timeoutMs: number;
	/** A submit: retried only when the answer proves no task was created. */
	createsTasks?: boolean;
	/** Epoch ms by which all attempts must be over (Wait for Completion's Timeout). */
	deadline?: number;
}

/** The error ucdnRequest throws: the last attempt's, telling how often it failed and whether a task may exist. */
function givingUp(
	this: UcdnFunctions,
	{ failure, problem, retryAfterMs }: Failed,
	attempts: number,
	createsTasks: boolean,
	itemIndex: number,
): NodeApiError {
	const notes = givingUpNotes(failure, retryAfterMs, attempts, createsTasks);
	return new NodeApiError(this.getNode(), problem.response, {
		message: problem.message,
		description: withNotes(problem.description, ...notes),
		itemIndex,
	});
}

/**
 * Calls one UCDN action: a signed POST with a JSON body (the credential's `authenticate` adds
 * PublicKey and Signature). Transient faults are retried with exponential backoff and jitter,
 * honouring Retry-After, up to `settings.retries` times; a submit only when the answer proves
 * no task was created. Every failure is a NodeApiError a user can act on.
 */
export async function ucdnRequest(
	this: UcdnFunctions,
	target: ApiTarget,
	action: string,
	params: Record<string, ParamValue>,
	settings: RequestSettings,
): Promise<UcdnResponse> {
	const body = requestBody(target, action, params);
	const createsTasks = settings.createsTasks === true;
	const signal = 'getExecutionCancelSignal' in this ? this.getExecutionCancelSignal?.() : undefined;

	const { deadline } = settings;
	for (let attempts = 1; ; attempts++) {
		// Each attempt gets at least a second, even right at the deadline.
		const timeoutMs =
			deadline === undefined
				? settings.timeoutMs
				: Math.max(1000, Math.min(settings.timeoutMs, deadline - Date.now()));
		const outcome = await attempt.call(this, target, action, body, timeoutMs, signal);
		if ('answer' in outcome) return outcome.answer;
		const { failure, retryAfterMs } = outcome;
		const waitMs = retryAfterMs ?? backoffMs(attempts - 1, Math.random());
		const retry =
			isRetryable(failure, createsTasks) &&
			attempts <= settings.retries &&
			waitMs <= MAX_RETRY_AFTER_MS &&
			(deadline === undefined || Date.now() + waitMs < deadline) &&
			!signal?.aborted;
		if (!retry) throw givingUp.call(this, outcome, attempts, createsTasks, settings.itemIndex);
		await pause(waitMs, signal);
	}
}
