import { ParameterError } from './errors';

export type RefreshType = 'file' | 'dir' | 'm3u8';

const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f]/;

/**
 * Checks URLs before anything is sent: http(s), a host, no whitespace or control characters;
 * Directory refreshes must end with `/`; prefetch takes files only. The error names the URL
 * and its position in the list (1-based).
 */
export function validateUrls(urls: string[], { type, filesOnly }: { type?: RefreshType; filesOnly: boolean }): void {
	if (urls.length === 0) throw new ParameterError('URLs', 'no URL given');
	urls.forEach((url, index) => {
		const fail = (why: string): never => {
			throw new ParameterError('URLs', `URL ${index + 1} "${printable(url)}" ${why}`);
		};
		if (CONTROL_OR_SPACE.test(url)) fail('contains whitespace or control characters');
		if (!/^https?:\/\//i.test(url)) fail('must start with http:// or https://');
		if (!/^https?:\/\/[^/?#]/i.test(url) || !URL.canParse(url)) fail('has no valid host');
		if (type === 'dir' && !url.endsWith('/')) fail('must end with / to refresh a directory');
		if (filesOnly && url.endsWith('/')) fail('is a directory; prefetch takes files only');
	});
}

/** The URL as it can be shown in a message: control characters made visible, length capped. */
function printable(url: string): string {
	const visible = url.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
	return visible.length > 200 ? `${visible.slice(0, 200)}…` : visible;
}
