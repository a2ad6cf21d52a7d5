import { quote } from './redact';

/** UCloud's RetCode for a key whose permissions (IAM) do not allow the action. */
export const NO_PERMISSION = 299;

/** RetCodes from this one up are the server's own errors, which the official Go SDK retries; below it, the request is wrong. */
export const SERVER_ERROR_RETCODE = 2000;

export const isServerRetCode = (retCode: number): boolean => retCode >= SERVER_ERROR_RETCODE;

/**
 * A cause an API Message may name, by its `words`, and what it means, in the words of the
 * operation that asks (RequestSettings' causes): no source documents the RetCodes of some
 * refusals, so the Message's words tell.
 */
export interface NamedCause {
	words: RegExp;
	hint: string;
}

/** What a user should check for a RetCode the UCloud API answered, with the `causes` its Message names. */
export function retCodeHint(
	retCode: number,
	message?: unknown,
	causes: readonly NamedCause[] = [],
): string {
	const text = typeof message === 'string' ? message : '';
	const named = causes.filter(({ words }) => words.test(text)).map(({ hint }) => hint);
	return [retCodeAdvice(retCode), ...named].join(' ');
}

function retCodeAdvice(retCode: number): string {
	if (retCode === 171) {
		return 'The signature was rejected. Check that the Public Key and Private Key belong together and were issued for the selected API Endpoint (SurferCloud and UCloud keys are not interchangeable).';
	}
	if (retCode === 172) {
		return 'The endpoint does not know this Public Key. Check the Public Key and the API Endpoint in the credential.';
	}
	if (isServerRetCode(retCode)) {
		return 'UCloud reported a server-side error. Try again later.';
	}
	return 'UCloud refused the request. Check the parameters, the Project ID and the permissions of the key.';
}

/** The error message for a RetCode, quoting the start of the API's Message, made safe by `quote`. */
export function retCodeMessage(
	action: string,
	retCode: number,
	message: unknown,
	secrets: string[],
): string {
	const quoted = typeof message === 'string' ? quote(message, secrets) : '';
	const text = quoted !== '' ? `: ${quoted}` : '';
	return `UCloud API ${action} failed with RetCode ${retCode}${text}`;
}
