import { excerpt } from '../../../credentials/common/ucloud/excerpt';
import { ParameterError, hasControlCharacter } from '../../shared/helpers/errors';

export type RefreshType = 'file' | 'dir' | 'm3u8';

export const MAX_URLS = 100_000;
const MAX_URL_LENGTH = 4096;

/**
 * Checks URLs before anything is sent: http(s), a host, no whitespace or control characters;
 * Directory refreshes must end with `/`; prefetch takes files only. The error names the URL
 * and its position in the list (1-based).
 */
export function validateUrls(
	urls: string[],
	{ type, filesOnly }: { type?: RefreshType; filesOnly: boolean },
): void {
	if (urls.length === 0) throw new ParameterError('URLs', 'no URL given');
	if (urls.length > MAX_URLS) {
		throw new ParameterError(
			'URLs',
			`${urls.length} URLs given; at most ${MAX_URLS} per item are allowed`,
		);
	}
	urls.forEach((url, index) => {
		const fail = (why: string): never => {
			throw new ParameterError('URLs', `URL ${index + 1} "${excerpt(url, 200)}" ${why}`);
		};
		if (url.length > MAX_URL_LENGTH) fail(`is longer than ${MAX_URL_LENGTH} characters`);
		if (/\s/.test(url) || hasControlCharacter(url))
			fail('contains whitespace or control characters');
		if (!/^https?:\/\//i.test(url)) fail('must start with http:// or https://');
		if (!/^https?:\/\/[^/?#]/i.test(url) || !URL.canParse(url)) fail('has no valid host');
		if (type === 'dir' && !url.endsWith('/')) fail('must end with / to refresh a directory');
		if (filesOnly && url.endsWith('/')) fail('is a directory; prefetch takes files only');
	});
}
