import { excerpt } from '../../../credentials/common/ucloud/excerpt';
import { ParameterError, hasControlCharacter } from '../errors';

export type RefreshType = 'file' | 'dir' | 'm3u8';

export const MAX_URLS = 100_000;
const MAX_URL_LENGTH = 4096;

/**
 * `text` as a URL, or undefined when it is none. Not URL.canParse: on Node 20, once that is hot
 * enough for V8's fast path, it reads a string of one-byte characters (a host with `ü` or a soft
 * hyphen) as UTF-8 and answers false for a URL that parses.
 */
export function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

/**
 * The URL `typed` as it is sent: its scheme, host and port as a browser requests them, and so
 * as the CDN caches them (`parsed`'s: lower case, an internationalised host in punycode,
 * invisible characters such as a zero-width space or a soft hyphen dropped, fullwidth forms and
 * ideographic full stops as ASCII, percent escapes decoded, no trailing dot, no default port,
 * no user info, which a browser never sends), then the path, query and fragment exactly as
 * typed. Check Domains and Quota reads the same host, so what it vouches for is what is sent.
 */
function asSent(typed: string, { protocol, hostname, port }: URL): string {
	// The authority ends where the path, query or fragment starts (readUrls refused backslashes).
	const authority = typed.indexOf('//') + 2;
	const end = typed.slice(authority).search(/[/?#]/);
	const rest = end === -1 ? '' : typed.slice(authority + end);
	return `${protocol}//${hostname.replace(/\.$/, '')}${port === '' ? '' : `:${port}`}${rest}`;
}

/**
 * Checks the typed URLs before anything is sent: http(s), a host, no whitespace or control
 * characters; Directory refreshes must end with `/`; prefetch takes files only. The error names
 * the URL and its position in the list (1-based). Returns the URLs as they are sent (asSent),
 * each once: two spellings of one URL are one URL.
 */
export function readUrls(
	urls: string[],
	{ type, filesOnly }: { type?: RefreshType; filesOnly: boolean },
): string[] {
	if (urls.length === 0) throw new ParameterError('URLs', 'no URL given');
	if (urls.length > MAX_URLS) {
		throw new ParameterError(
			'URLs',
			`${urls.length} URLs given; at most ${MAX_URLS} per item are allowed`,
		);
	}
	const sent = new Set<string>();
	urls.forEach((url, index) => {
		const fail = (why: string): never => {
			throw new ParameterError('URLs', `URL ${index + 1} "${excerpt(url, 200)}" ${why}`);
		};
		if (url.length > MAX_URL_LENGTH) fail(`is longer than ${MAX_URL_LENGTH} characters`);
		if (/\s/.test(url) || hasControlCharacter(url))
			fail('contains whitespace or control characters');
		if (!/^https?:\/\//i.test(url)) fail('must start with http:// or https://');
		// URL reads a backslash before the query as a slash; the API may not: either could mean another host.
		if (/^[^?#]*\\/.test(url)) fail('contains a backslash: write / in its place');
		const parsed = /^https?:\/\/[^/?#]/i.test(url) ? parseUrl(url) : undefined;
		if (!parsed) return fail('has no valid host');
		if (type === 'dir' && !url.endsWith('/')) fail('must end with / to refresh a directory');
		if (filesOnly && url.endsWith('/')) fail('is a directory; prefetch takes files only');
		sent.add(asSent(url, parsed));
	});
	return [...sent];
}
