import CryptoJS from 'crypto-js';

import {
	encodeScalar,
	flattenParams,
	signParams,
	signature,
	stringToSign,
	keysOf,
	readKeys,
	signRequest,
} from '../../../../../credentials/common/ucloud/signing';

/** The signature as an independent implementation computes it. */
const cryptoJsSha1 = (text: string) =>
	CryptoJS.SHA1(CryptoJS.enc.Utf8.parse(text)).toString(CryptoJS.enc.Hex);

describe('the public test vector from the providers’ signature page', () => {
	const publicKey = 'someone@example.com1296235120854146120';
	const privateKey = '46f09bb9fab4f12dfc160dae12273d5332b5debe';
	const params = { Action: 'DescribeUHostInstance', Region: 'cn-bj2', Limit: 10 };
	const expectedText =
		'ActionDescribeUHostInstanceLimit10PublicKeysomeone@example.com1296235120854146120Regioncn-bj246f09bb9fab4f12dfc160dae12273d5332b5debe';
	const expectedSignature = '4201919d267504385deb93af19e0197870fed36b';

	test('the string to sign matches', () => {
		expect(stringToSign(flattenParams({ ...params, PublicKey: publicKey }), privateKey)).toBe(
			expectedText,
		);
	});

	test('node:crypto gives the published signature', () => {
		expect(signParams(params, publicKey, privateKey).Signature).toBe(expectedSignature);
	});

	test('crypto-js, independently, gives the same signature', () => {
		expect(cryptoJsSha1(expectedText)).toBe(expectedSignature);
	});

	test('signing sends exactly the signed pairs, values as strings', () => {
		expect(signParams(params, publicKey, privateKey)).toEqual({
			Action: 'DescribeUHostInstance',
			Region: 'cn-bj2',
			Limit: '10',
			PublicKey: publicKey,
			Signature: expectedSignature,
		});
	});
});

describe('value encoding', () => {
	test.each([
		[true, 'true'],
		[false, 'false'],
		[42, '42'],
		[42.0, '42'],
		[-7, '-7'],
		[0, '0'],
		[1e21, '1000000000000000000000'],
		[2 ** 60, '1152921504606846976'],
		[0.5, '0.5'],
		[1e-7, '0.0000001'],
		['Ünïcødé 漢字 ✓', 'Ünïcødé 漢字 ✓'],
		['', ''],
	])('%p is sent as %p', (value, expected) => {
		expect(encodeScalar(value)).toBe(expected);
	});

	test.each([NaN, Infinity, -Infinity])('%p cannot be sent', (value) => {
		expect(() => encodeScalar(value)).toThrow(TypeError);
	});

	test('unicode is hashed as UTF-8', () => {
		const wire = { Action: 'X', Note: 'Ünïcødé 漢字 ✓' };
		expect(signature(wire, 'k')).toBe(cryptoJsSha1('ActionXNoteÜnïcødé 漢字 ✓k'));
	});
});

describe('flattening', () => {
	test('lists become Name.N from 0, in order', () => {
		expect(flattenParams({ TaskId: ['b', 'a', 'c'] })).toEqual({
			'TaskId.0': 'b',
			'TaskId.1': 'a',
			'TaskId.2': 'c',
		});
	});

	test('null and undefined values are not sent, also inside lists', () => {
		expect(
			flattenParams({ A: null, B: undefined, C: 'x', L: [null, 'y', undefined, 'z'] }),
		).toEqual({
			C: 'x',
			'L.0': 'y',
			'L.1': 'z',
		});
	});

	test('an empty list sends nothing', () => {
		expect(flattenParams({ TaskId: [] })).toEqual({});
	});

	test('objects in lists become Name.N.Field', () => {
		expect(
			flattenParams({
				Rule: [
					{ Key: 'a', On: true },
					{ Key: 'b', On: false },
				],
			}),
		).toEqual({
			'Rule.0.Key': 'a',
			'Rule.0.On': 'true',
			'Rule.1.Key': 'b',
			'Rule.1.On': 'false',
		});
	});
});

describe('sorting and the signed string', () => {
	test('names sort by plain string comparison: upper case first, TaskId.10 before TaskId.2', () => {
		const wire = flattenParams({
			b: '1',
			A: '2',
			TaskId: Array.from({ length: 11 }, (_, n) => `t${n}`),
		});
		const text = stringToSign(wire, 'K');
		expect(text.startsWith('A2TaskId.0t0TaskId.1t1TaskId.10t10TaskId.2t2')).toBe(true);
		expect(text.endsWith('TaskId.9t9b1K')).toBe(true);
	});

	test('a Signature already present is neither signed nor kept', () => {
		const signed = signParams({ Action: 'X', Signature: 'stale' }, 'pub', 'priv');
		expect(signed.Signature).toBe(cryptoJsSha1('ActionXPublicKeypubpriv'));
	});

	test('booleans are signed as they are sent', () => {
		const signed = signParams({ Action: 'X', IsDcdn: true }, 'pub', 'priv');
		expect(signed.IsDcdn).toBe('true');
		expect(signed.Signature).toBe(cryptoJsSha1('ActionXIsDcdntruePublicKeypubpriv'));
	});
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
