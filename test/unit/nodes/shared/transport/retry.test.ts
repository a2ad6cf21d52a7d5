import type { Failure } from '../../../../../nodes/shared/transport/retry';
import {
	backoffMs,
	givingUpNotes,
	isRetryable,
	mayHaveCreatedTask,
	parseRetryAfter,
} from '../../../../../nodes/shared/transport/retry';

const cases: Array<[string, Failure, boolean, boolean, boolean]> = [
	// name, failure, retried for reads, retried for submits, a submit may have created a task
	['refused connection', { kind: 'refused' }, true, true, false],
	['connection reset', { kind: 'network', code: 'ECONNRESET' }, true, false, true],
	['DNS: no such host', { kind: 'network', code: 'ENOTFOUND' }, false, false, false],
	// Failures before a connection was made: nothing reached the API.
	['DNS: try again', { kind: 'network', code: 'EAI_AGAIN' }, true, true, false],
	['no route to host', { kind: 'network', code: 'EHOSTUNREACH' }, true, true, false],
	['network unreachable', { kind: 'network', code: 'ENETUNREACH' }, true, true, false],
	['expired certificate', { kind: 'network', code: 'CERT_HAS_EXPIRED' }, false, false, false],
	['self-signed', { kind: 'network', code: 'SELF_SIGNED_CERT_IN_CHAIN' }, false, false, false],
	[
		'wrong host name',
		{ kind: 'network', code: 'ERR_TLS_CERT_ALTNAME_INVALID' },
		false,
		false,
		false,
	],
	[
		'unverifiable certificate',
		{ kind: 'network', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
		false,
		false,
		false,
	],
	['timeout', { kind: 'timeout' }, true, false, true],
	['HTTP 429', { kind: 'http', status: 429 }, true, true, false],
	['HTTP 503 from a gateway', { kind: 'http', status: 503 }, true, false, true],
	['HTTP 503, RetCode 2001', { kind: 'http', status: 503, retCode: 2001 }, true, true, false],
	['HTTP 500, RetCode 230', { kind: 'http', status: 500, retCode: 230 }, true, false, false],
	['HTTP 429, RetCode 230', { kind: 'http', status: 429, retCode: 230 }, true, true, false],
	['blocked by n8n (SSRF)', { kind: 'blocked', reason: 'restricted IP' }, false, false, false],
	['HTTP 500', { kind: 'http', status: 500 }, true, false, true],
	['HTTP 502', { kind: 'http', status: 502 }, true, false, true],
	['HTTP 400', { kind: 'http', status: 400 }, false, false, false],
	['HTTP 404', { kind: 'http', status: 404 }, false, false, false],
	['RetCode 171', { kind: 'retCode', retCode: 171 }, false, false, false],
	['RetCode 172', { kind: 'retCode', retCode: 172 }, false, false, false],
	['RetCode 230', { kind: 'retCode', retCode: 230 }, false, false, false],
	['RetCode 1999', { kind: 'retCode', retCode: 1999 }, false, false, false],
	['RetCode 2000', { kind: 'retCode', retCode: 2000 }, true, true, false],
	['RetCode 8039', { kind: 'retCode', retCode: 8039 }, true, true, false],
	['malformed body', { kind: 'malformed' }, false, false, true],
];

test.each(cases)('%s', (_name, failure, read, submit, ambiguous) => {
	expect(isRetryable(failure, false)).toBe(read);
	expect(isRetryable(failure, true)).toBe(submit);
	expect(mayHaveCreatedTask(failure)).toBe(ambiguous);
});

test('a submit is never retried when it may have created a task', () => {
	for (const [, failure] of cases) {
		if (mayHaveCreatedTask(failure)) expect(isRetryable(failure, true)).toBe(false);
	}
});

test('backoff doubles, with jitter between half and all of it, capped at 30 s', () => {
	expect([0, 1, 2, 3].map((n) => backoffMs(n, 1))).toEqual([1000, 2000, 4000, 8000]);
	expect([0, 1, 2, 3].map((n) => backoffMs(n, 0))).toEqual([500, 1000, 2000, 4000]);
	expect(backoffMs(20, 1)).toBe(30_000);
	expect(backoffMs(20, 0)).toBe(15_000);
});

test('Retry-After as seconds or an HTTP date', () => {
	const now = Date.parse('2026-01-01T00:00:00Z');
	expect(parseRetryAfter('2', now)).toBe(2000);
	expect(parseRetryAfter(' 0 ', now)).toBe(0);
	expect(parseRetryAfter(['1.5'], now)).toBe(1500);
	expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
	expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
	expect(parseRetryAfter(undefined, now)).toBeUndefined();
	expect(parseRetryAfter('soon', now)).toBeUndefined();
	expect(parseRetryAfter('-3', now)).toBeUndefined();
});

describe('givingUpNotes', () => {
	const MAYBE_CREATED =
		'The task may have been created anyway, so it was not submitted again: check with Describe Tasks before submitting these URLs again.';

	test('one attempt of a read: nothing to add', () => {
		expect(givingUpNotes({ kind: 'timeout' }, undefined, 1, false)).toEqual([]);
	});

	test('how often it failed, and a Retry-After beyond two minutes that was not waited for', () => {
		expect(givingUpNotes({ kind: 'http', status: 429 }, 180_000, 3, false)).toEqual([
			'Failed 3 times in a row.',
			'The API asked to retry after 180 s.',
		]);
		expect(givingUpNotes({ kind: 'http', status: 429 }, 120_000, 1, false)).toEqual([]);
	});

	test('a submit that may have created a task says so; one that cannot have does not', () => {
		expect(givingUpNotes({ kind: 'timeout' }, undefined, 1, true)).toEqual([MAYBE_CREATED]);
		expect(givingUpNotes({ kind: 'refused' }, undefined, 2, true)).toEqual([
			'Failed 2 times in a row.',
		]);
		expect(givingUpNotes({ kind: 'retCode', retCode: 230 }, undefined, 1, true)).toEqual([]);
	});
});
