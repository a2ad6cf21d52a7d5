import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { UcdnResponse } from './answer';
import { readBody, readRetCode } from './answer';
import { pause } from './pause';
import type { Failure } from './retry';
import {
	MAX_RETRY_AFTER_MS,
	backoffMs,
	isRetryable,
	mayHaveCreatedTask,
	parseRetryAfter,
} from './retry';
import { CREDENTIAL_TYPE } from '../../../credentials/common/ucloud/credentialType';
import { resolveEndpoint } from '../../../credentials/common/ucloud/endpoint';
import { readKeys } from '../../../credentials/common/ucloud/signing';
import { classifyNetworkError, failureCode } from './networkError';
import { preview, requestSecrets } from './redact';
import { retCodeHint, retCodeMessage } from './retCodes';
import type { ParamValue } from '../../../credentials/common/ucloud/signing';

export type { UcdnResponse } from './answer';

export { CREDENTIAL_TYPE } from '../../../credentials/common/ucloud/credentialType';

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

type Outcome =
	| { answer: UcdnResponse }
	| { failure: Failure; error: NodeApiError; retryAfterMs?: number };

type Failed = Exclude<Outcome, { answer: UcdnResponse }>;

/** What an attempt is about, for its error messages. */
interface Attempt {
	action: string;
	target: ApiTarget;
	settings: RequestSettings;
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
	this: UcdnFunctions,
	caught: unknown,
	timedOut: boolean,
	{ action, target, settings }: Attempt,
): Failed {
	const failure = classifyNetworkError(caught, timedOut);
	const code = failureCode(failure);
	let what = `${code}. Check the credential's API Endpoint and that n8n can reach it.`;
	if (failure.kind === 'timeout') {
		what = `No answer within ${settings.timeoutMs / 1000} s. Raise the Request Timeout option if the API is slow.`;
	} else if (failure.kind === 'blocked') {
		what = `Blocked by n8n's SSRF protection before it was sent: ${failure.reason}. Ask the n8n administrator to allow the API Endpoint's host.`;
	}
	return {
		failure,
		error: new NodeApiError(
			this.getNode(),
			{ action, endpoint: target.endpoint, reason: code } as JsonObject,
			{
				message: `Could not get an answer from the UCloud API at ${target.endpoint} for ${action}`,
				description: what,
				itemIndex: settings.itemIndex,
			},
		),
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
	this: UcdnFunctions,
	response: IN8nHttpFullResponse,
	answer: unknown,
	{ action, settings, secrets }: Attempt,
): Failed {
	const { statusCode, headers } = response;
	return {
		failure: { kind: 'http', status: statusCode, retCode: readRetCode(answer) },
		retryAfterMs: parseRetryAfter(headers?.['retry-after'], Date.now()),
		error: new NodeApiError(this.getNode(), { action, statusCode } as JsonObject, {
			message: `UCloud API ${action} failed with HTTP ${statusCode}`,
			description: `Response: ${preview(answer, secrets())}`,
			itemIndex: settings.itemIndex,
		}),
	};
}

/** A 2xx answer: a UCloud answer with RetCode 0, or what is wrong with it. */
function judgeAnswer(
	this: UcdnFunctions,
	statusCode: number,
	answer: unknown,
	{ action, settings, secrets }: Attempt,
): Outcome {
	const { itemIndex } = settings;
	const retCode = readRetCode(answer);
	if (retCode === undefined) {
		return {
			failure: { kind: 'malformed' },
			error: new NodeApiError(this.getNode(), { action, statusCode } as JsonObject, {
				message: `UCloud API ${action} returned a response that is not a UCloud answer`,
				description: `HTTP ${statusCode}, body: ${preview(answer, secrets())}. Check the credential's API Endpoint.`,
				itemIndex,
			}),
		};
	}
	const data = answer as IDataObject;
	if (retCode !== 0) {
		return {
			failure: { kind: 'retCode', retCode },
			error: new NodeApiError(this.getNode(), { action, RetCode: retCode } as JsonObject, {
				message: retCodeMessage(action, retCode, data.Message, secrets()),
				description: retCodeHint(retCode),
				itemIndex,
			}),
		};
	}
	return { answer: { ...data, RetCode: 0 } as UcdnResponse };
}

/**
 * One attempt: a signed POST, bounded end to end (headers and body) by `settings.timeoutMs`,
 * whatever the server does; every way it can fail is classified and worded for the user.
 */
async function attempt(
	this: UcdnFunctions,
	target: ApiTarget,
	action: string,
	body: Record<string, ParamValue>,
	settings: RequestSettings,
	cancel: AbortSignal | undefined,
): Promise<Outcome> {
	// Worked out only when an answer is quoted in an error: a successful request needs none.
	const secrets = () => requestSecrets(body, target.publicKey, target.privateKey);
	const about: Attempt = { action, target, settings, secrets };
	const deadline = AbortSignal.timeout(settings.timeoutMs);
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
				timeout: settings.timeoutMs,
				abortSignal: signal,
			},
		)) as IN8nHttpFullResponse;
	} catch (error) {
		return networkFailure.call(this, error, deadline.aborted, about);
	}
	const answer = readBody(response.body);
	const { statusCode } = response;
	if (statusCode < 200 || statusCode > 299)
		return statusFailure.call(this, response, answer, about);
	return judgeAnswer.call(this, statusCode, answer, about);
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

/** The error of the last attempt, telling how often it failed and whether a task may exist. */
function withGivingUpNotes(
	{ failure, error, retryAfterMs }: Failed,
	attempts: number,
	createsTasks: boolean,
): NodeApiError {
	const notes: string[] = [];
	if (attempts > 1) notes.push(`Failed ${attempts} times in a row.`);
	if (retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS) {
		notes.push(`The API asked to retry after ${Math.round(retryAfterMs / 1000)} s.`);
	}
	if (createsTasks && mayHaveCreatedTask(failure)) {
		notes.push(
			'The task may have been created anyway, so it was not submitted again: check with Describe Tasks before submitting these URLs again.',
		);
	}
	if (notes.length > 0) error.description = [error.description, ...notes].filter(Boolean).join(' ');
	return error;
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
		const outcome = await attempt.call(
			this,
			target,
			action,
			body,
			{ ...settings, timeoutMs },
			signal,
		);
		if ('answer' in outcome) return outcome.answer;
		const { failure, retryAfterMs } = outcome;
		const waitMs = retryAfterMs ?? backoffMs(attempts - 1, Math.random());
		const retry =
			isRetryable(failure, createsTasks) &&
			attempts <= settings.retries &&
			waitMs <= MAX_RETRY_AFTER_MS &&
			(deadline === undefined || Date.now() + waitMs < deadline) &&
			!signal?.aborted;
		if (!retry) throw withGivingUpNotes(outcome, attempts, createsTasks);
		await pause(waitMs, signal);
	}
}
