import { isServerRetCode } from './retCodes';

/**
 * The retry policy, as pure functions. What failed is a FailureKind; whether it is retried
 * depends on whether the request creates tasks: a submit is retried only when the answer
 * proves no task was created, so the node never submits the same purge twice on its own.
 */
export type Failure =
	| { kind: 'refused' }
	/** Refused by n8n (its SSRF protection) before anything was sent. */
	| { kind: 'blocked'; reason: string }
	| { kind: 'network'; code: string }
	| { kind: 'timeout' }
	/** `retCode`: the body was a UCloud answer with this RetCode (a gateway's page has none). */
	| { kind: 'http'; status: number; retCode?: number }
	| { kind: 'malformed' }
	| { kind: 'retCode'; retCode: number };

/** An error status any hop (a proxy, a gateway) may send after passing the request on. */
const isServerError = (status: number) => status >= 500;

/**
 * Network errors raised before a connection carried anything (name lookup, routing, the TLS
 * handshake): nothing reached the API. The first ones may pass; the others will not by themselves.
 */
const UNSENT_PASSING = new Set(['EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const UNSENT_LASTING = new Set([
	'ENOTFOUND',
	'ERR_INVALID_URL',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);
const isUnsent = (code: string) =>
	UNSENT_PASSING.has(code) || UNSENT_LASTING.has(code) || code.startsWith('CERT_');

export function isRetryable(failure: Failure, createsTasks: boolean): boolean {
	switch (failure.kind) {
		case 'refused':
			return true;
		case 'blocked':
			return false;
		case 'retCode':
			return isServerRetCode(failure.retCode);
		case 'http':
			// A submit only when the API itself says it did nothing: a 503 from a proxy in front
			// of it may come after the request was passed on.
			if (failure.status === 429 || isServerRetCode(failure.retCode ?? 0)) return true;
			return !createsTasks && isServerError(failure.status);
		case 'network':
			if (UNSENT_PASSING.has(failure.code)) return true;
			return !createsTasks && !isUnsent(failure.code);
		case 'timeout':
			return !createsTasks;
		case 'malformed':
			return false;
	}
}

/** Whether a failed submit may still have created a task on the server. */
export function mayHaveCreatedTask(failure: Failure): boolean {
	switch (failure.kind) {
		case 'refused':
		case 'blocked':
		case 'retCode':
			return false;
		case 'http':
			// A UCloud answer with a RetCode ≠ 0 means the action failed; 429 means it was not run.
			return (
				failure.retCode === undefined && failure.status !== 429 && isServerError(failure.status)
			);
		case 'network':
			return !isUnsent(failure.code);
		case 'timeout':
		case 'malformed':
			return true;
	}
}

export const BASE_DELAY_MS = 1000;
export const MAX_BACKOFF_MS = 30_000;
/** A Retry-After longer than this is not waited for: the failure is reported instead. */
export const MAX_RETRY_AFTER_MS = 120_000;

/** Exponential backoff with jitter: attempt 0 waits 0.5–1 s, then 1–2 s, 2–4 s, … up to 30 s. */
export function backoffMs(attempt: number, random: number): number {
	const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** attempt);
	return Math.round(ceiling * (0.5 + random / 2));
}

/** A Retry-After header (seconds, or an HTTP date) in milliseconds from now; undefined if absent or unreadable. */
export function parseRetryAfter(header: unknown, nowMs: number): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	if (!/^[a-z]{3}, /i.test(text)) return undefined;
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * What the error of a request that was given up on adds to its last attempt's description:
 * how often it failed, a Retry-After not waited for, and whether a submit may have created a task.
 */
export function givingUpNotes(
	failure: Failure,
	retryAfterMs: number | undefined,
	attempts: number,
	createsTasks: boolean,
): string[] {
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
	return notes;
}
