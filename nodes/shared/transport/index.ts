/**
 * The one request function, ucdnRequest: attempts (attempt.ts) with the retry policy between
 * them (retry.ts), and one NodeApiError when it gives up. What other modules use of the
 * transport is exported here.
 */
import { NodeApiError } from 'n8n-workflow';

import type { ParamValue } from '../../../credentials/common/ucloud/signing';
import { withNotes } from '../errors';
import { createsTasks } from './actions';
import type { UcdnResponse } from './answer';
import type { ApiTarget, UcdnFunctions } from './apiCredentials';
import { requestBody } from './apiCredentials';
import type { Failed } from './attempt';
import { attempt } from './attempt';
import { pause } from './cancellable';
import type { NamedCause } from './retCodes';
import { MAX_RETRY_AFTER_MS, backoffMs, givingUpNotes, isRetryable } from './retry';

export { CREDENTIAL_TYPE } from '../../../credentials/common/ucloud/credentialType';
export { ACTIONS } from './actions';
export type { UcdnResponse } from './answer';
export { isTimeout } from './attempt';
export type { NamedCause } from './retCodes';
export { NO_PERMISSION, SERVER_ERROR_RETCODE } from './retCodes';
export type { ApiTarget, UcdnFunctions } from './apiCredentials';
export { getApiTarget, secretsOf } from './apiCredentials';

/** How one request is made; Retries and Request Timeout come from the node's options. */
export interface RequestSettings {
	itemIndex: number;
	/** Further attempts after the first, for transient faults. */
	retries: number;
	timeoutMs: number;
	/** Epoch ms by which all attempts must be over (Wait for Completion's Timeout). */
	deadline?: number;
	/** Which of several like requests this is, for its error's message: `batch 2 of 3`. */
	part?: string;
	/** What a refusal's Message may name, in the words of the operation that asks. */
	causes?: readonly NamedCause[];
}

/** The error ucdnRequest throws: the last attempt's, telling how often it failed and whether a task may exist. */
function givingUp(
	this: UcdnFunctions,
	{ failure, problem, retryAfterMs }: Failed,
	attempts: number,
	action: string,
	{ itemIndex, part }: RequestSettings,
): NodeApiError {
	const notes = givingUpNotes(failure, retryAfterMs, attempts, createsTasks(action));
	return new NodeApiError(this.getNode(), problem.response, {
		message: part === undefined ? problem.message : `${problem.message} (${part})`,
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
	const creates = createsTasks(action);
	const signal = 'getExecutionCancelSignal' in this ? this.getExecutionCancelSignal?.() : undefined;

	const { deadline, causes = [] } = settings;
	for (let attempts = 1; ; attempts++) {
		// Each attempt gets at least a second, even right at the deadline.
		const timeoutMs =
			deadline === undefined
				? settings.timeoutMs
				: Math.max(1000, Math.min(settings.timeoutMs, deadline - Date.now()));
		const outcome = await attempt.call(this, target, action, body, { timeoutMs, signal, causes });
		if ('answer' in outcome) return outcome.answer;
		const { failure, retryAfterMs } = outcome;
		const waitMs = retryAfterMs ?? backoffMs(attempts - 1, Math.random());
		const retry =
			isRetryable(failure, creates) &&
			attempts <= settings.retries &&
			waitMs <= MAX_RETRY_AFTER_MS &&
			(deadline === undefined || Date.now() + waitMs < deadline) &&
			!signal?.aborted;
		if (!retry) throw givingUp.call(this, outcome, attempts, action, settings);
		await pause(waitMs, signal);
	}
}
