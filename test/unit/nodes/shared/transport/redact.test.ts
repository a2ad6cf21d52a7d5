import {
	preview,
	requestSecrets,
	scrub,
	WITHHELD,
} from '../../../../../nodes/shared/transport/redact';
import { signParams, stringToSign } from '../../../../../credentials/common/ucloud/signing';

const KEY = 'TEST-KEY-"with"\\odd-chars';
const SIGNATURE = '0123456789abcdef0123456789ABCDEF01234567';
const PARAMS = { Action: 'DescribeX', Limit: 1 };
const SECRETS = requestSecrets(PARAMS, 'TEST-PUBLIC', KEY);
const SENT = signParams(PARAMS, 'TEST-PUBLIC', KEY);
const SIGNED = stringToSign(SENT, KEY);

describe('requestSecrets', () => {
	test('the private key, the Signature the credential sends, and the string it signs', () => {
		expect(SECRETS).toEqual([KEY, SENT.Signature, SIGNED]);
		expect(requestSecrets(PARAMS, 'TEST-PUBLIC', '')).toEqual([]);
	});
});

describe('scrub', () => {
	const base64 = (text: string) => Buffer.from(text).toString('base64');
	test.each([
		['as written', `a ${KEY} b`],
		['JSON-escaped', JSON.stringify({ echo: KEY })],
		['URL-encoded', `k=${encodeURIComponent(SIGNED)}`],
		['URL-encoded in lower case', `k=${encodeURIComponent(SIGNED).toLowerCase()}`],
		['in hex', Buffer.from(`x${SIGNED}`).toString('hex')],
		['in upper-case hex', Buffer.from(KEY).toString('hex').toUpperCase()],
		['in base64, at any offset', base64(`Signature ${SENT.Signature}`)],
		['in base64, one byte in', base64(`_${SIGNED}`)],
		['in base64, two bytes in', base64(`__${KEY}!`)],
		['in base64url', base64(`~~~${SIGNED}???`).replace(/\+/g, '-').replace(/\//g, '_')],
		[
			'in base64 wrapped at 76 characters (MIME)',
			base64(`<<${SIGNED}>>`).replace(/.{76}/g, '$&\r\n'),
		],
		['in a hex dump, byte by byte', Buffer.from(`x${KEY}`).toString('hex').replace(/../g, '$& ')],
		['in upper case', `SIGNATURE ${SENT.Signature.toUpperCase()}`],
		['glued to word characters', `Signature${SENT.Signature}`],
		['inside an identifier', `sig_${SENT.Signature}_end`],
	])('a text quoting a secret %s is withheld entirely', (_how, text) => {
		expect(scrub(text, SECRETS)).toBe(WITHHELD);
	});

	test('a key with / is found in JSON that escapes / as \\/', () => {
		const key = 'TEST/KEY/with+slashes';
		expect(scrub(JSON.stringify({ echo: key }).replace(/\//g, '\\/'), [key])).toBe(WITHHELD);
	});

	test('masks hex shaped like a Signature, glued or not, when it is no known secret', () => {
		expect(scrub(`Signature=${SIGNATURE}&x=1`, [])).toBe('Signature=***&x=1');
		expect(scrub(`Signature${SIGNATURE} sig_${SIGNATURE}_end`, [])).toBe('Signatur*** sig_***_end');
	});

	test('leaves shorter hex and ordinary text alone', () => {
		expect(scrub('id 0123456789abcdef and task-5f1d2e', SECRETS)).toBe(
			'id 0123456789abcdef and task-5f1d2e',
		);
	});

	test('a very short private key does not mangle messages or show by a mask', () => {
		const short = requestSecrets(PARAMS, 'TEST-PUBLIC', 'a');
		expect(scrub('Params are missing', short)).toBe('Params are missing');
		const sent = signParams(PARAMS, 'TEST-PUBLIC', 'a');
		expect(scrub(`Signature ${sent.Signature} for ${stringToSign(sent, 'a')}`, short)).toBe(
			WITHHELD,
		);
	});
});

describe('preview', () => {
	test('one line, at most 200 characters', () => {
		const body = `${'x'.repeat(190)}\n\n ${'y'.repeat(50)}`;
		expect(preview(body, [KEY])).toBe(`${'x'.repeat(190)} ${'y'.repeat(9)}…`);
	});

	test('a secret just past the cut still withholds the excerpt', () => {
		expect(preview(`${'x'.repeat(195)}${KEY}`, [KEY])).toBe(WITHHELD);
	});

	test('objects are shown as JSON; nothing is "(empty)"', () => {
		expect(preview({ RetCode: '0', Skip: undefined }, [])).toBe('{"RetCode":"0"}');
		expect(preview('  \n', [])).toBe('(empty)');
		expect(preview(undefined, [])).toBe('(empty)');
	});

	test('a link keeps its host and path, not its query (a log link is signed there)', () => {
		expect(
			preview({ LogUrl: 'https://l.example.net/a/1.gz?Signature=kT8w%2B&Expires=1' }, []),
		).toBe('{"LogUrl":"https://l.example.net/a/1.gz?…"}');
		expect(preview('at http:\\/\\/l.example.net\\/1.gz?Signature=kT8w", then', [])).toBe(
			'at http:\\/\\/l.example.net\\/1.gz?…", then',
		);
	});

	test('a body nested 20,000 levels deep, or megabytes long, gives a short excerpt', () => {
		let deep: unknown = 1;
		for (let level = 0; level < 20_000; level++) deep = [{ a: deep }];
		expect(preview(deep, [])).toMatch(/^\[\{"a":\[\{"a":.*…/);
		expect(preview(deep, []).length).toBeLessThanOrEqual(201);
		const wide = Array.from({ length: 1_000_000 }, (_, n) => n);
		expect(preview(wide, []).length).toBeLessThanOrEqual(201);
		expect(preview('z'.repeat(5_000_000), []).length).toBeLessThanOrEqual(201);
	});
});
