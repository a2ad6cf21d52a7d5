import { quote } from './redact';

/** What a user should check for a RetCode the UCloud API answered. */
export function retCodeHint(retCode: number): string {
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
