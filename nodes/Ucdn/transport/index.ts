import type {
	IDataObject,
	IExecuteFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { pause } from '../helpers/pause';
import type { Failure } from '../helpers/retry';
import {
	MAX_RETRY_AFTER_MS,
	backoffMs,
	isRetryable,
	mayHaveCreatedTask,
	parseRetryAfter,
} from '../helpers/retry';
import { CREDENTIAL_TYPE, keysOf, resolveEndpoint } from './credentials';
import { preview, requestSecrets } from './redact';
import { retCodeHint, retCodeMessage } from './retCodes';
import type { ParamValue } from './signing';

export type UcdnContext = IExecuteFunctions | IPollFunctions;

/** Where requests go, read once from the credential per execution. */
export interface ApiTarget {
	endpoint: string;
	defaultProjectId?: string;
	/** Values that must never appear in a message: the private key. */
	secrets: string[];
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

/** A successful answer: RetCode 0 plus whatever fields the action returns. */
export type UcdnResponse = IDataObject & { RetCode: 0 };

export const DEFAULT_REQUEST_SETTINGS = { retries: 3, timeoutMs: 30_000 };

export async function getApiTarget(this: UcdnContext): Promise<ApiTarget> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const resolved = resolveEndpoint(credentials);
	if ('problem' in resolved) {
		throw new NodeOperationError(this.getNode(), resolved.problem, {
			description: 'Open the UCloud API credential and check its API Endpoint.',
		});
	}
	const projectId = String(credentials.projectId ?? '').trim();
	const { publicKey, privateKey } = keysOf(credentials);
	return {
		endpoint: resolved.url,
		defaultProjectId: projectId || undefined,
		secrets: privateKey ? [privateKey] : [],
		publicKey,
		privateKey,
	};
}

/** The system's error code of a failed request, if it has one (n8n wraps the HTTP client's error). */
function errorCode(error: unknown): string | undefined {
	const { code, cause } = error as { code?: unknown; cause?: { code?: unknown } };
	if (typeof cause?.code === 'string') return cause.code;
	return typeof code === 'string' ? code : undefined;
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

type Outcome =
	| { answer: UcdnResponse }
	| { failure: Failure; error: NodeApiError; retryAfterMs?: number };

/** One attempt: a signed POST; every way it can fail is classified and worded for the user. */
async function attempt(
	this: UcdnContext,
	target: ApiTarget,
	action: string,
	body: Record<string, ParamValue>,
	settings: RequestSettings,
): Promise<Outcome> {
	const node = this.getNode();
	const { itemIndex } = settings;
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: 'POST',
			baseURL: target.endpoint,
			url: '/',
			body: body as IDataObject,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: settings.timeoutMs,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		const code = errorCode(error) ?? 'unknown network error';
		const failure: Failure =
			code === 'ECONNREFUSED'
				? { kind: 'refused' }
				: TIMEOUT_CODES.has(code)
					? { kind: 'timeout' }
					: { kind: 'network', code };
		const what =
			failure.kind === 'timeout'
				? `No answer within ${settings.timeoutMs / 1000} s (${code}). Raise the Request Timeout option if the API is slow.`
				: `${code}. Check the credential's API Endpoint and that n8n can reach it.`;
		return {
			failure,
			error: new NodeApiError(
				node,
				{ action, endpoint: target.endpoint, reason: code } as JsonObject,
				{
					message: `Could not get an answer from the UCloud API at ${target.endpoint} for ${action}`,
					description: what,
					itemIndex,
				},
			),
		};
	}

	const { statusCode, headers } = response;
	const secrets = requestSecrets(body, target.publicKey, target.privateKey);
	let answer: unknown = response.body;
	if (typeof answer === 'string' || Buffer.isBuffer(answer)) {
		try {
			answer = JSON.parse(String(answer));
		} catch {
			// Not JSON: reported below with the status and the start of the body.
		}
	}
	if (statusCode < 200 || statusCode > 299) {
		return {
			failure: { kind: 'http', status: statusCode },
			retryAfterMs: parseRetryAfter(headers?.['retry-after'], Date.now()),
			error: new NodeApiError(node, { action, statusCode } as JsonObject, {
				message: `UCloud API ${action} failed with HTTP ${statusCode}`,
				description: `Response: ${preview(answer, secrets)}`,
				itemIndex,
			}),
		};
	}
	const data = answer as IDataObject | null;
	const retCode =
		data !== null && typeof data === 'object' && !Array.isArray(data)
			? typeof data.RetCode === 'string' && /^-?\d+$/.test(data.RetCode.trim())
				? Number(data.RetCode)
				: data.RetCode
			: undefined;
	if (typeof retCode !== 'number' || !Number.isInteger(retCode)) {
		return {
			failure: { kind: 'malformed' },
			error: new NodeApiError(node, { action, statusCode } as JsonObject, {
				message: `UCloud API ${action} returned a response that is not a UCloud answer`,
				description: `HTTP ${statusCode}, body: ${preview(answer, secrets)}. Check the credential's API Endpoint.`,
				itemIndex,
			}),
		};
	}
	if (retCode !== 0) {
		return {
			failure: { kind: 'retCode', retCode },
			error: new NodeApiError(node, { action, RetCode: retCode } as JsonObject, {
				message: retCodeMessage(action, retCode, data?.Message, secrets),
				description: retCodeHint(retCode),
				itemIndex,
			}),
		};
	}
	return { answer: { ...data, RetCode: 0 } as UcdnResponse };
}

/**
 * Calls one UCDN action: a signed POST with a JSON body (the credential's `authenticate` adds
 * PublicKey and Signature). Transient faults are retried with exponential backoff and jitter,
 * honouring Retry-After, up to `settings.retries` times; a submit only when the answer proves
 * no task was created. Every failure is a NodeApiError a user can act on.
 */
export async function ucdnRequest(
	this: UcdnContext,
	target: ApiTarget,
	action: string,
	params: Record<string, ParamValue>,
	settings: RequestSettings,
): Promise<UcdnResponse> {
	const body: Record<string, ParamValue> = { Action: action, ...params };
	if (body.ProjectId === undefined || body.ProjectId === '')
		body.ProjectId = target.defaultProjectId;
	const createsTasks = settings.createsTasks === true;
	const signal = 'getExecutionCancelSignal' in this ? this.getExecutionCancelSignal?.() : undefined;

	const { deadline } = settings;
	for (let attempts = 1; ; attempts++) {
		// Each attempt gets at least a second, even right at the deadline.
		const timeoutMs =
			deadline === undefined
				? settings.timeoutMs
				: Math.max(1000, Math.min(settings.timeoutMs, deadline - Date.now()));
		const outcome = await attempt.call(this, target, action, body, { ...settings, timeoutMs });
		if ('answer' in outcome) return outcome.answer;
		const { failure, error, retryAfterMs } = outcome;
		const waitMs = retryAfterMs ?? backoffMs(attempts - 1, Math.random());
		const retry =
			isRetryable(failure, createsTasks) &&
			attempts <= settings.retries &&
			waitMs <= MAX_RETRY_AFTER_MS &&
			(deadline === undefined || Date.now() + waitMs < deadline) &&
			!signal?.aborted;
		if (!retry) {
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
			if (notes.length > 0)
				error.description = [error.description, ...notes].filter(Boolean).join(' ');
			throw error;
		}
		await pause(waitMs, signal);
	}
}
