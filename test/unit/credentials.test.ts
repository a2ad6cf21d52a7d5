import CryptoJS from 'crypto-js';

import { UCloudApi } from '../../credentials/UCloudApi.credentials';
import { CREDENTIAL_TYPE } from '../../credentials/common/ucloud/credentialType';
import { resolveEndpoint } from '../../credentials/common/ucloud/endpoint';
import { keysOf, readKeys, signRequest } from '../../credentials/common/ucloud/signing';

test('the credential type is ucloudApi, the name saved credentials and workflows refer to', () => {
	expect(CREDENTIAL_TYPE).toBe('ucloudApi');
	expect(new UCloudApi().name).toBe(CREDENTIAL_TYPE);
});

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

describe('keys pasted with invisible characters', () => {
	const ZWSP = '\u200B';

	test.each([
		['a zero-width space at the end', `TEST-KEY${ZWSP}`],
		['a BOM and a zero-width space in front', `\uFEFF${ZWSP}TEST-KEY`],
		['zero-width (non-)joiners and a word joiner', `\u200C\u2060TEST-KEY\u200D`],
		['a soft hyphen and a left-to-right mark (also format characters)', `\u00ADTEST-KEY\u200E`],
		['whitespace and format characters mixed', ` ${ZWSP} TEST-KEY \uFEFF\n`],
		['tabs and newlines only', '\t TEST-KEY\r\n'],
	])('%s: removed at either end, as whitespace is', (_label, key) => {
		expect(keysOf({ publicKey: key, privateKey: key })).toEqual({
			publicKey: 'TEST-KEY',
			privateKey: 'TEST-KEY',
		});
		expect(readKeys({ publicKey: key, privateKey: key })).toEqual({
			publicKey: 'TEST-KEY',
			privateKey: 'TEST-KEY',
		});
	});

	test('a key with a zero-width space at the end is signed as the key without it', () => {
		const request = { method: 'POST' as const, url: '/', body: { Action: 'X' } };
		const pasted = { ...credentials, publicKey: `pub${ZWSP}`, privateKey: `priv${ZWSP}\n` };
		expect(signRequest(pasted, request)).toEqual(signRequest(credentials, request));
	});

	test.each([
		// Positions count the key's characters once what surrounds it is removed.
		['TEST-PUBLIC-KEY-' + ZWSP + 'x', 'U+200B', 17],
		[` ${ZWSP}ab${ZWSP}c`, 'U+200B', 3],
		['ab\uFEFFc', 'U+FEFF', 3],
		['a\u2060b', 'U+2060', 2],
		// Counted in characters, not UTF-16 units: a language tag is one character, outside the BMP.
		['\u{1F511}a\u{E0001}b', 'U+E0001', 3],
	])('%j inside the Public Key: named with its position', (publicKey, code, position) => {
		expect(readKeys({ publicKey, privateKey: 'TEST-PRIVATE-KEY' })).toEqual({
			problem: `The Public Key contains an invisible character (${code}) at position ${position}: paste it again`,
		});
	});

	test('inside the Private Key: the message names the character and its place, never the key', () => {
		const privateKey = `TEST${ZWSP}-PRIVATE-KEY-fake`;
		const read = readKeys({ publicKey: 'TEST-PUBLIC-KEY', privateKey });
		expect(read).toEqual({
			problem:
				'The Private Key contains an invisible character (U+200B) at position 5: paste it again',
		});
		for (const part of privateKey.split(ZWSP)) expect(JSON.stringify(read)).not.toContain(part);
	});

	test('both keys: the Public Key is named first, only the first character of each is reported', () => {
		expect(readKeys({ publicKey: `a${ZWSP}b\u200C`, privateKey: `c${ZWSP}d` })).toEqual({
			problem:
				'The Public Key contains an invisible character (U+200B) at position 2: paste it again',
		});
	});

	test('a key that is nothing but invisible characters reads as empty', () => {
		expect(readKeys({ publicKey: `${ZWSP}\uFEFF`, privateKey: ZWSP })).toEqual({
			publicKey: '',
			privateKey: '',
		});
	});
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
