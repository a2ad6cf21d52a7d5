import CryptoJS from 'crypto-js';

import { resolveEndpoint } from '../../credentials/common/ucloud/endpoint';
import { signRequest } from '../../credentials/common/ucloud/signing';

const credentials = {
	publicKey: ' pub ',
	privateKey: 'priv',
	endpoint: 'https://api.scloudsg.com',
	projectId: '',
};

test('a POST is signed in its JSON body; the input is not changed', () => {
	const request = {
		method: 'POST' as const,
		url: '/',
		body: { Action: 'X', Limit: 1, TaskId: ['a'] },
	};
	const signed = signRequest(credentials, request);
	expect(signed.body).toEqual({
		Action: 'X',
		Limit: '1',
		'TaskId.0': 'a',
		PublicKey: 'pub',
		Signature: CryptoJS.SHA1('ActionXLimit1PublicKeypubTaskId.0apriv').toString(),
	});
	expect(request.body).toEqual({ Action: 'X', Limit: 1, TaskId: ['a'] });
});

test('a GET is signed in its query string', () => {
	const signed = signRequest(credentials, { method: 'GET', url: '/', qs: { Action: 'X' } });
	expect(signed.qs).toEqual({
		Action: 'X',
		PublicKey: 'pub',
		Signature: CryptoJS.SHA1('ActionXPublicKeypubpriv').toString(),
	});
	expect(signed.body).toBeUndefined();
});

test('the private key itself is never part of the request', () => {
	const signed = signRequest(credentials, { method: 'POST', url: '/', body: { Action: 'X' } });
	expect(JSON.stringify(signed)).not.toContain('priv"');
});

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
