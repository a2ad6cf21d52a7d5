import { validateUrls } from '../../../../../nodes/Ucdn/helpers/urls';

describe('validateUrls', () => {
	test('accepts http(s) URLs with a host', () => {
		expect(() =>
			validateUrls(['https://a.example.com/x', 'http://b.example.com:8080/y?z=1'], {
				type: 'file',
				filesOnly: false,
			}),
		).not.toThrow();
		expect(() =>
			validateUrls(['https://a.example.com/dir/'], { type: 'dir', filesOnly: false }),
		).not.toThrow();
		expect(() => validateUrls(['HTTPS://A.EXAMPLE.COM/X'], { filesOnly: true })).not.toThrow();
	});

	test.each<[string[], { type?: 'file' | 'dir' | 'm3u8'; filesOnly: boolean }, string]>([
		[[], { filesOnly: false }, 'URLs: no URL given'],
		[
			['https://a/ok', 'www.example.com/x'],
			{ filesOnly: false },
			'URLs: URL 2 "www.example.com/x" must start with http:// or https://',
		],
		[['https://'], { filesOnly: false }, 'URLs: URL 1 "https://" has no valid host'],
		[['https://[bad/'], { filesOnly: false }, 'URLs: URL 1 "https://[bad/" has no valid host'],
		[
			['https://a/x\u0000y'],
			{ filesOnly: false },
			'URLs: URL 1 "https://a/x\\u0000y" contains whitespace or control characters',
		],
		[
			['https://a/x y'],
			{ filesOnly: false },
			'URLs: URL 1 "https://a/x y" contains whitespace or control characters',
		],
		[
			['https://a/dir'],
			{ type: 'dir', filesOnly: false },
			'URLs: URL 1 "https://a/dir" must end with / to refresh a directory',
		],
		[
			['https://a/dir/'],
			{ filesOnly: true },
			'URLs: URL 1 "https://a/dir/" is a directory; prefetch takes files only',
		],
	])('case %#: %s', (urls, options, message) => {
		expect(() => validateUrls(urls, options)).toThrow(message);
	});

	test('a very long URL is shortened in the message', () => {
		const long = `ftp://${'x'.repeat(500)}`;
		expect(() => validateUrls([long], { filesOnly: false })).toThrow(
			/"ftp:\/\/x{194}…" must start/,
		);
	});
});
