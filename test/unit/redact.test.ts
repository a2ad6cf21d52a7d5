import { preview, scrub } from '../../nodes/Ucdn/transport/redact';
import { retCodeMessage } from '../../nodes/Ucdn/transport/retCodes';

const KEY = 'TEST-KEY-"with"\\odd-chars';
const SIGNATURE = '0123456789abcdef0123456789ABCDEF01234567';

describe('scrub', () => {
	test('removes the secret as written and as escaped in JSON, and Signature-shaped hex', () => {
		expect(scrub(`a ${KEY} b`, [KEY])).toBe('a *** b');
		expect(scrub(JSON.stringify({ echo: KEY }), [KEY])).toBe('{"echo":"***"}');
		expect(scrub(`Signature=${SIGNATURE}&x=1`, [])).toBe('Signature=***&x=1');
	});

	test('leaves shorter or longer hex alone', () => {
		expect(scrub('id 0123456789abcdef and 0123456789abcdef0123456789abcdef012345678', [])).toBe(
			'id 0123456789abcdef and 0123456789abcdef0123456789abcdef012345678',
		);
	});
});

describe('preview', () => {
	test('one line, scrubbed before it is cut, at most 200 characters', () => {
		const body = `${'x'.repeat(190)}\n\n ${KEY}${'y'.repeat(50)}`;
		const shown = preview(body, [KEY]);
		expect(shown).toBe(`${'x'.repeat(190)} ***${'y'.repeat(6)}…`);
		expect(shown).not.toContain('TEST-KEY');
	});

	test('objects are shown as JSON; nothing is "(empty)"', () => {
		expect(preview({ RetCode: '0' }, [])).toBe('{"RetCode":"0"}');
		expect(preview('  \n', [])).toBe('(empty)');
		expect(preview(undefined, [])).toBe('(empty)');
	});
});

test('retCodeMessage quotes the API Message on one line, scrubbed', () => {
	expect(retCodeMessage('DescribeX', 171, `Signature ${SIGNATURE}\nfor Action${KEY}`, [KEY])).toBe(
		'UCloud API DescribeX failed with RetCode 171: Signature *** for Action***',
	);
	expect(retCodeMessage('DescribeX', 230, '  ', [])).toBe(
		'UCloud API DescribeX failed with RetCode 230',
	);
});
