import CryptoJS from 'crypto-js';

import {
	encodeScalar,
	flattenParams,
	signParams,
	signature,
	stringToSign,
} from '../../credentials/common/ucloud/signing';

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
