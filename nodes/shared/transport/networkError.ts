import type { Failure } from './retry';

/** What can go wrong with a request that got no HTTP answer. */
export type NetworkFailure = Extract<
	Failure,
	{ kind: 'refused' | 'blocked' | 'network' | 'timeout' }
>;

/** What n8n's SSRF protection (n8n 2.x) throws when it refuses to connect: nothing was sent. */
const SSRF_ERRORS = new Set(['SsrfBlockedIpError', 'SsrfBlockedHostnameError']);

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/** A system, TLS or HTTP-client error code (ECONNREFUSED, CERT_HAS_EXPIRED), not an HTTP status. */
const SYSTEM_CODE = /^[A-Z][A-Z0-9_]+$/;

/** The error and the errors it wraps, outermost first; bounded, since causes can loop. */
function errorChain(error: unknown): object[] {
	const chain: object[] = [];
	for (let e = error; typeof e === 'object' && e !== null && chain.length < 8; ) {
		chain.push(e);
		e = (e as { cause?: unknown }).cause;
	}
	return chain;
}

/**
 * The code of a request that failed without an HTTP answer. n8n wraps the HTTP client's error
 * in a NodeApiError: n8n 2.x keeps it as `cause` (with its `code`); n8n 1.x drops the cause and
 * keeps only the code, in `httpCode`.
 */
function systemCode(chain: object[]): string | undefined {
	for (const link of chain) {
		const { code, httpCode } = link as { code?: unknown; httpCode?: unknown };
		for (const value of [code, httpCode]) {
			if (typeof value === 'string' && SYSTEM_CODE.test(value)) return value;
		}
	}
	return undefined;
}

/**
 * What went wrong with a request that got no HTTP answer, from what n8n's request helper threw:
 * the nodes' `httpRequestWithAuthentication` and the credential test's `request` alike.
 * `timedOut`: the caller's own deadline ended it (n8n then reports a cancelled request).
 */
export function classifyNetworkError(error: unknown, timedOut: boolean): NetworkFailure {
	if (timedOut) return { kind: 'timeout' };
	const chain = errorChain(error);
	const blocked = chain.find((link) => SSRF_ERRORS.has((link as Error).name));
	if (blocked) return { kind: 'blocked', reason: (blocked as Error).message };
	const code = systemCode(chain) ?? 'unknown network error';
	if (code === 'ECONNREFUSED') return { kind: 'refused' };
	if (TIMEOUT_CODES.has(code)) return { kind: 'timeout' };
	return { kind: 'network', code };
}

/** A failure without an HTTP answer in a word: the system's code, or its kind when it has none. */
export function failureCode(failure: NetworkFailure): string {
	switch (failure.kind) {
		case 'network':
			return failure.code;
		case 'refused':
			return 'ECONNREFUSED';
		case 'blocked':
		case 'timeout':
			return failure.kind;
	}
}
