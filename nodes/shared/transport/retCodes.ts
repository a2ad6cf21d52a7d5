import { quote } from './redact';

/** UCloud's RetCode for a key whose permissions (IAM) do not allow the action. */
export const NO_PERMISSION = 299;

/**
 * Causes the API's Message names, for a refused purge: no source documents the RetCodes for a
 * used-up daily quota or a host the account does not accelerate, so the Message's words tell.
 */
const NAMED_CAUSES: Array<[RegExp, string]> = [
	[
		/quota/i,
		"The API's message mentions a quota: a domain's daily purge quota may be used up. Domain → Get Quota shows what is left; Check Domains and Quota refuses such purges before anything is sent.",
	],
	[
		/domain/i,
		"The API's message mentions a domain: check that every URL's host is an enabled accelerated domain of this account and project (Domain → Get Many).",
	],
];

/** What a user should check for a RetCode the UCloud API answered, with the causes its Message names. */
export function retCodeHint(retCode: number, message?: unknown): string {
	const text = typeof message === 'string' ? message : '';
	const named = NAMED_CAUSES.filter(([words]) => words.test(text)).map(([, hint]) => hint);
	return [retCodeAdvice(retCode), ...named].join(' ');
}

function retCodeAdvice(retCode: number): string {
	if (retCode === 171) {
		return 'The signature was rejected. Check that the Public Key and Private Key belong together and were issued for the selected API Endpoint (SurferCloud and UCloud keys are not interchangeable).';
	}
	if (retCode === 172) {
		return 'The endpoint does not know this Public Key. Check the Public Key and the API Endpoint in the credential.';
	}
	if (retCode >= 2000) {
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
