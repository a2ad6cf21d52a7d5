import { signParams } from '../../../../../credentials/common/ucloud/signing';
import { WITHHELD, requestSecrets } from '../../../../../nodes/shared/transport/redact';
import { retCodeMessage } from '../../../../../nodes/shared/transport/retCodes';

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
