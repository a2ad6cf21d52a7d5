import { readBody, readRetCode } from '../../../../../nodes/shared/transport/answer';

describe('readBody', () => {
	test('JSON text, as n8n hands over a body whose content type is not JSON, is parsed', () => {
		expect(readBody('{"RetCode":0,"TotalCount":1}')).toEqual({ RetCode: 0, TotalCount: 1 });
		expect(readBody(Buffer.from('{"RetCode":171}'))).toEqual({ RetCode: 171 });
		expect(readBody(' [1, 2] ')).toEqual([1, 2]);
	});

	test('text that is not JSON stays as it came, to be quoted', () => {
		expect(readBody('<html>Bad Gateway</html>')).toBe('<html>Bad Gateway</html>');
		expect(readBody('')).toBe('');
		const buffer = Buffer.from('not json');
		expect(readBody(buffer)).toBe(buffer);
	});

	test('a body n8n already parsed is passed on as it is', () => {
		const answer = { RetCode: 0 };
		expect(readBody(answer)).toBe(answer);
		expect(readBody(undefined)).toBeUndefined();
		expect(readBody(null)).toBeNull();
		expect(readBody(42)).toBe(42);
	});
});

describe('readRetCode', () => {
	test.each<[string, unknown, number]>([
		['a number', { RetCode: 0 }, 0],
		['a non-zero number', { RetCode: 171, Message: 'Signature VerifyAC Error' }, 171],
		['text', { RetCode: '0' }, 0],
		['text with spaces around', { RetCode: ' 2001 ' }, 2001],
		['negative text', { RetCode: '-1' }, -1],
	])('%s', (_case, answer, retCode) => {
		expect(readRetCode(answer)).toBe(retCode);
	});

	test.each<[string, unknown]>([
		['no RetCode', { TotalCount: 0 }],
		['a fraction', { RetCode: 0.5 }],
		['text that is not a whole number', { RetCode: '0.5' }],
		['text that is no number', { RetCode: 'OK' }],
		['empty text', { RetCode: '' }],
		['hexadecimal text', { RetCode: '0x0' }],
		['a boolean', { RetCode: false }],
		['null', { RetCode: null }],
		['a list', [{ RetCode: 0 }]],
		['text, not parsed', '{"RetCode":0}'],
		['nothing', undefined],
		['null as the body', null],
	])('%s: not a UCloud answer', (_case, answer) => {
		expect(readRetCode(answer)).toBeUndefined();
	});
});
