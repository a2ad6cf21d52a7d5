import { signParams } from '../../../../../credentials/common/ucloud/signing';
import { WITHHELD, requestSecrets } from '../../../../../nodes/shared/transport/redact';
import { retCodeHint, retCodeMessage } from '../../../../../nodes/shared/transport/retCodes';

const KEY = 'TEST-KEY-"with"\\odd-chars';
const PARAMS = { Action: 'DescribeX', Limit: 1 };
const SECRETS = requestSecrets(PARAMS, 'TEST-PUBLIC', KEY);
const SENT = signParams(PARAMS, 'TEST-PUBLIC', KEY);

test('retCodeMessage quotes the start of the API Message on one line, or withholds it', () => {
	expect(retCodeMessage('DescribeX', 230, 'Params\n are  missing', SECRETS)).toBe(
		'UCloud API DescribeX failed with RetCode 230: Params are missing',
	);
	expect(retCodeMessage('DescribeX', 171, `Signature ${SENT.Signature} for ...`, SECRETS)).toBe(
		`UCloud API DescribeX failed with RetCode 171: ${WITHHELD}`,
	);
	expect(retCodeMessage('DescribeX', 230, 'm'.repeat(5_000_000), [])).toHaveLength(
		'UCloud API DescribeX failed with RetCode 230: '.length + 201,
	);
	expect(retCodeMessage('DescribeX', 230, '  ', [])).toBe(
		'UCloud API DescribeX failed with RetCode 230',
	);
});

describe('retCodeHint names the causes the API Message names', () => {
	const advice = retCodeHint(250);

	test('a Message about a quota points to Get Quota and the check', () => {
		const hint = retCodeHint(250, 'Refresh dir QUOTA exceeded');
		expect(hint.startsWith(`${advice} `)).toBe(true);
		expect(hint).toMatch(/daily purge quota may be used up\. Domain → Get Quota/);
		expect(hint).not.toMatch(/mentions a domain/);
	});

	test('a Message about a domain points to Get Many; one about both names both', () => {
		expect(retCodeHint(251, 'Domain old.example.org is disable')).toMatch(
			/mentions a domain: .*\(Domain → Get Many\)\.$/,
		);
		expect(retCodeHint(250, 'quota exceeded for domain a.example.com')).toMatch(
			/mentions a quota.*mentions a domain/,
		);
	});

	test('other Messages, or none, or no text, add nothing', () => {
		expect(retCodeHint(250, 'Params [UrlList] not valid')).toBe(advice);
		expect(retCodeHint(250)).toBe(advice);
		expect(retCodeHint(250, { text: 'quota' })).toBe(advice);
	});
});
