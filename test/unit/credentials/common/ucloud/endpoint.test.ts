import { resolveEndpoint } from '../../../../../credentials/common/ucloud/endpoint';

describe('resolveEndpoint', () => {
	test.each([
		[{ endpoint: 'https://api.scloudsg.com' }, { url: 'https://api.scloudsg.com' }],
		[{ endpoint: 'https://api.ucloud.cn' }, { url: 'https://api.ucloud.cn' }],
		[
			{ endpoint: 'custom', customEndpoint: ' http://127.0.0.1:8080/ ' },
			{ url: 'http://127.0.0.1:8080' },
		],
		[
			{ endpoint: 'custom', customEndpoint: 'https://gw.example.com/ucloud/' },
			{ url: 'https://gw.example.com/ucloud' },
		],
	])('%p → %p', (input, expected) => {
		expect(resolveEndpoint(input)).toEqual(expected);
	});

	test.each([
		[{ endpoint: 'custom', customEndpoint: '' }, /no API Endpoint/],
		[{ endpoint: 'custom', customEndpoint: 'not a url' }, /is not a URL/],
		[{ endpoint: 'custom', customEndpoint: 'ftp://x' }, /must start with https:\/\/ or http:\/\//],
	])('%p is a problem', (input, message) => {
		const resolved = resolveEndpoint(input);
		expect('problem' in resolved && resolved.problem).toMatch(message);
	});

	test.each([
		['admin:S3cret@api.example.com', /"\*\*\*@api\.example\.com" must start with https:\/\//],
		['api.example.com?token=S3cret', /"api\.example\.com" is not a URL/],
		['https://api.example.com:99999/#S3cret', /"https:\/\/api\.example\.com:99999\/" is not a URL/],
	])(
		'%p: the message never repeats a password, query string or fragment',
		(customEndpoint, message) => {
			const resolved = resolveEndpoint({ endpoint: 'custom', customEndpoint });
			const problem = 'problem' in resolved ? resolved.problem : '';
			expect(problem).toMatch(message);
			expect(problem).not.toContain('S3cret');
		},
	);
});
