import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { excerpt } from './excerpt';

/**
 * A user-entered endpoint as messages may quote it: cut short, without its query string or
 * fragment, anything before an @ hidden (with or without a scheme: `user:pw@host` parses).
 */
function shownEndpoint(raw: string): string {
	return excerpt(raw.replace(/[?#].*$/s, '').replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/is, '$1***@'));
}

/**
 * The base URL requests go to, from the credential's endpoint choice, or what is wrong with it.
 * A base URL only: user info would be sent to the API next to the signature, a query string or
 * fragment would end up inside the request path.
 */
export function resolveEndpoint(
	credentials: ICredentialDataDecryptedObject,
): { url: string } | { problem: string } {
	const chosen = String(credentials.endpoint ?? '');
	const raw = chosen === 'custom' ? String(credentials.customEndpoint ?? '').trim() : chosen;
	const what = "The credential's API Endpoint";
	if (raw === '')
		return { problem: 'The credential has no API Endpoint: set a Custom Endpoint URL' };
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return { problem: `${what} "${shownEndpoint(raw)}" is not a URL` };
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return { problem: `${what} "${shownEndpoint(raw)}" must start with https:// or http://` };
	}
	if (url.username !== '' || url.password !== '' || /^[^/]*\/\/[^/]*@/.test(raw)) {
		return {
			problem: `${what} must not contain a user name or password: UCloud requests are signed with the keys. Remove the part before @.`,
		};
	}
	const base = excerpt(`${url.origin}${url.pathname}`.replace(/\/+$/, ''));
	if (raw.includes('?'))
		return {
			problem: `${what} must not contain a query string (?…): enter the base URL only, such as ${base}`,
		};
	if (raw.includes('#'))
		return {
			problem: `${what} must not contain a fragment (#…): enter the base URL only, such as ${base}`,
		};
	return { url: url.href.replace(/\/+$/, '') };
}
