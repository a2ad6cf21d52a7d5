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

describe('retCodeHint names the causes the API Message names, in the caller’s words', () => {
	const advice = retCodeHint(250);
	const causes = [
		{ words: /quota/i, hint: 'A quota.' },
		{ words: /domain/i, hint: 'A domain.' },
	];

	test('each cause whose words the Message holds, in any case, after the advice', () => {
		expect(retCodeHint(250, 'Refresh dir QUOTA exceeded', causes)).toBe(`${advice} A quota.`);
		expect(retCodeHint(251, 'Domain old.example.org is disable', causes)).toBe(
			`${retCodeHint(251)} A domain.`,
		);
		expect(retCodeHint(250, 'quota exceeded for domain a.example.com', causes)).toBe(
			`${advice} A quota. A domain.`,
		);
	});

	test('other Messages, or none, or no text, or no causes, add nothing', () => {
		expect(retCodeHint(250, 'Params [UrlList] not valid', causes)).toBe(advice);
		expect(retCodeHint(250, undefined, causes)).toBe(advice);
		expect(retCodeHint(250, { text: 'quota' }, causes)).toBe(advice);
		expect(retCodeHint(250, 'quota')).toBe(advice);
	});
});
