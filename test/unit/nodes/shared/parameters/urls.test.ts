import { hostnameOf } from '../../../../../nodes/shared/domains/matching';
import { readUrls } from '../../../../../nodes/shared/parameters/urls';

describe('readUrls', () => {
	test('accepts http(s) URLs with a host', () => {
		expect(() =>
			readUrls(['https://a.example.com/x', 'http://b.example.com:8080/y?z=1'], {
				type: 'file',
				filesOnly: false,
			}),
		).not.toThrow();
		expect(() =>
			readUrls(['https://a.example.com/dir/'], { type: 'dir', filesOnly: false }),
		).not.toThrow();
		expect(() => readUrls(['HTTPS://A.EXAMPLE.COM/X'], { filesOnly: true })).not.toThrow();
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
		expect(() => readUrls(urls, options)).toThrow(message);
	});

	test('a very long URL is shortened in the message', () => {
		const long = `ftp://${'x'.repeat(500)}`;
		expect(() => readUrls([long], { filesOnly: false })).toThrow(/"ftp:\/\/x{194}…" must start/);
	});
});

describe('readUrls sends the scheme, host and port as a browser requests them, the rest as typed', () => {
	const sent = (url: string) => readUrls([url], { filesOnly: false })[0];

	test.each([
		['a zero-width space', 'https://static.example.com\u200b/x.png'],
		['a soft hyphen', 'https://sta\u00adtic.example.com/x.png'],
		['ideographic full stops', 'https://static\u3002example\u3002com/x.png'],
		['a fullwidth full stop', 'https://static\uff0eexample.com/x.png'],
		['a fullwidth letter', 'https://\uff53tatic.example.com/x.png'],
		['a percent escape', 'https://st%61tic.example.com/x.png'],
		['capitals, scheme too', 'HTTPS://Static.Example.COM/x.png'],
		['a trailing dot', 'https://static.example.com./x.png'],
		['the default port', 'https://static.example.com:443/x.png'],
		['user info, which a browser never sends', 'https://a@b@static.example.com/x.png'],
	])('%s', (_, typed) => {
		expect(sent(typed)).toBe('https://static.example.com/x.png');
	});

	test('an internationalised host in punycode; another port, the path, query and fragment as typed', () => {
		expect(sent('http://u:p@Bücher.example:8080/Ä%20b/c.png?Q=1#F')).toBe(
			'http://xn--bcher-kva.example:8080/Ä%20b/c.png?Q=1#F',
		);
		expect(sent('https://[::1]:8080/a')).toBe('https://[::1]:8080/a');
		expect(sent('https://static.example.com?v=1')).toBe('https://static.example.com?v=1');
	});

	test('a URL already in that form is returned as it is', () => {
		for (const url of ['https://static.example.com/a/b.png', 'http://a.example.com/?x=%41'])
			expect(sent(url)).toBe(url);
	});

	test('a backslash before the query is refused: URL reads it as a slash, the API may not', () => {
		expect(() => sent('https://static.example.com\\@evil.example.net/x')).toThrow(
			'URLs: URL 1 "https://static.example.com\\@evil.example.net/x" contains a backslash: write / in its place',
		);
		expect(() => sent('https://static.example.com\\x.png')).toThrow('contains a backslash');
		expect(sent('https://static.example.com/x?q=a\\b')).toBe('https://static.example.com/x?q=a\\b');
	});
});

test('a host in one-byte characters (ü, a soft hyphen) is read the same once URL.canParse is hot, as Node 20 misreads it then', () => {
	const latin1 = 'https://b\u00fccher.example/a.png';
	for (let n = 0; n < 200_000; n++) URL.canParse(latin1);
	expect(readUrls([latin1, 'https://sta\u00adtic.example.com/x'], { filesOnly: true })).toEqual([
		'https://xn--bcher-kva.example/a.png',
		'https://static.example.com/x',
	]);
	expect(hostnameOf('b\u00fccher.example')).toBe('xn--bcher-kva.example');
});

test('readUrls returns each URL as it is sent, once', () => {
	expect(
		readUrls(
			[
				'https://Static.example.com/a',
				'https://static.example.com/a',
				'https://static.example.com/A',
			],
			{ filesOnly: true },
		),
	).toEqual(['https://static.example.com/a', 'https://static.example.com/A']);
});
