/**
 * Drives every way a request can fail with recognisable keys, and checks that neither private
 * key, nor any Signature sent, nor any signed string appears in output items, errors (message,
 * description, stack, every field), run data, or anything written to stdout, stderr or the
 * console. n8n's own logger is turned up to debug for this file so its lines are checked too.
 */
import SHA1 from 'crypto-js/sha1';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type {
	Fault,
	FaultOptions,
	RecordedRequest,
	UcdnSimulator,
} from '../../../dev/simulator/server';
import { startSimulator } from '../../../dev/simulator/server';
import type { RunResult } from '../../../dev/engine/run';
import { runWorkflow } from '../../../dev/engine/run';
import { testCredentials } from '../../../dev/engine/credentialTest';
import { searchList } from '../../../dev/engine/listSearch';
import type { UcdnWorkflowOptions } from '../../../dev/engine/workflows';
import { simulatorCredentials, ucdnWorkflow } from '../../../dev/engine/workflows';

process.env.N8N_LOG_LEVEL = 'debug';

const PUBLIC_KEY = 'TEST-PUBLIC-KEY-secrets';
/** Both private keys share a marker, so even a cut-off piece of one is caught. */
const MARKER = 'canary';
const PRIVATE_KEY = `TEST-PRIVATE-KEY-${MARKER}-7Qx9"quoted"\\slash`;
const WRONG_PRIVATE_KEY = `TEST-WRONG-PRIVATE-KEY-${MARKER}-3Fz1`;
const KEYS = [PRIVATE_KEY, WRONG_PRIVATE_KEY];
/** A one-letter private key: too short to look for on its own, but its signatures must stay secret. */
const SHORT_PUBLIC_KEY = 'TEST-PUBLIC-KEY-short';
const SHORT_KEY = 'a';
/** A body nested 20,000 levels deep. */
const DEEP_JSON = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);

/** The string a request's Signature is computed over, for a given private key. */
const signedString = ({ params }: RecordedRequest, privateKey: string) =>
	Object.keys(params)
		.sort()
		.map((name) => name + params[name])
		.join('') + privateKey;

let sim: UcdnSimulator;
let closedUrl: string;
const written: string[] = [];

beforeAll(async () => {
	sim = await startSimulator({
		accounts: { [PUBLIC_KEY]: PRIVATE_KEY, [SHORT_PUBLIC_KEY]: SHORT_KEY },
	});
	const closed = await startSimulator();
	closedUrl = closed.url;
	await closed.close();
	// winston (n8n's logger) writes to console._stdout/_stderr, which under jest's workers are not process.stdout.
	const { _stdout, _stderr } = console as unknown as Record<string, NodeJS.WriteStream | undefined>;
	for (const stream of new Set(
		[process.stdout, process.stderr, _stdout, _stderr].filter((s) => s !== undefined),
	)) {
		const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
		jest.spyOn(stream, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => {
			written.push(String(chunk));
			// Jest reports through the process's streams; the logger's console streams need not be shown.
			return stream === process.stdout || stream === process.stderr ? write(chunk, ...rest) : true;
		});
	}
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		jest
			.spyOn(console, method)
			.mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(' ')));
	}
});

afterAll(async () => {
	jest.restoreAllMocks();
	await sim.close();
});

/** Every text that must stay secret, from what was really sent so far. */
function secrets(): string[] {
	const sent = sim.requests.flatMap((request) => [
		...(request.signature ? [request.signature] : []),
		...[...KEYS, SHORT_KEY].flatMap((key) => [
			signedString(request, key),
			SHA1(signedString(request, key)).toString(),
		]),
	]);
	return [MARKER, ...KEYS, ...sent];
}

/** Errors with all their own fields (message and stack are not enumerable). */
function dump(value: unknown): string {
	const text = JSON.stringify(value, (_key, field: unknown) =>
		field instanceof Error
			? Object.fromEntries(
					Object.getOwnPropertyNames(field).map((name) => [name, (field as never)[name]]),
				)
			: field,
	);
	return text ?? '';
}

function expectNoSecretIn(text: string) {
	const lower = text.toLowerCase();
	for (const secret of secrets()) expect(lower).not.toContain(secret.toLowerCase());
}

const credentials = (overrides: IDataObject = {}) =>
	simulatorCredentials(sim, { publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY, ...overrides });

interface Scenario {
	label: string;
	parameters: INodeParameters;
	fault?: [Fault, FaultOptions?];
	credentials?: IDataObject;
	workflow?: UcdnWorkflowOptions;
	/** What the failure must say: proof the scenario failed the way it was meant to. */
	expected: RegExp;
}

const describeTasks = (options: IDataObject = {}, extra: INodeParameters = {}) => ({
	operation: 'describeTasks',
	options: { retries: 0, ...options },
	...extra,
});
const submit = (options: IDataObject = {}, extra: INodeParameters = {}) => ({
	operation: 'submit',
	urls: 'https://cdn.example.com/app.js',
	options: { retries: 0, ...options },
	...extra,
});

const scenarios: Scenario[] = [
	{
		label: 'a wrong private key (RetCode 171)',
		parameters: describeTasks(),
		credentials: { privateKey: WRONG_PRIVATE_KEY },
		expected: /RetCode 171/,
	},
	{
		label: 'an unknown public key (RetCode 172)',
		parameters: describeTasks(),
		credentials: { publicKey: 'TEST-UNKNOWN' },
		expected: /RetCode 172/,
	},
	{
		label: 'a 171 Message quoting the signature and the signed string',
		parameters: describeTasks(),
		fault: [{ kind: 'echo', in: 'retCode' }],
		expected: /RetCode 171: \(withheld: it quotes this request's credentials\)/,
	},
	...(['glued', 'base64', 'hex', 'url', 'upper'] as const).flatMap((as) => [
		{
			label: `a 171 Message quoting them (${as})`,
			parameters: describeTasks(),
			fault: [{ kind: 'echo', in: 'retCode', as }] as [Fault],
			expected: /RetCode 171: \(withheld: it quotes this request's credentials\)/,
		},
		{
			label: `an HTML gateway page quoting them (${as})`,
			parameters: describeTasks(),
			fault: [{ kind: 'echo', as }] as [Fault],
			expected: /HTTP 502.*Response: \(withheld: it quotes this request's credentials\)/,
		},
	]),
	{
		label: 'a one-letter private key, the API quoting the signed string',
		parameters: describeTasks(),
		credentials: { publicKey: SHORT_PUBLIC_KEY, privateKey: SHORT_KEY },
		fault: [{ kind: 'echo', in: 'retCode', as: 'base64' }],
		expected: /RetCode 171: \(withheld: it quotes this request's credentials\)/,
	},
	{
		label: 'a one-letter private key and a Message that contains the letter',
		parameters: describeTasks(),
		credentials: { publicKey: SHORT_PUBLIC_KEY, privateKey: SHORT_KEY },
		fault: [{ kind: 'retCode', retCode: 230, message: 'Params are missing' }],
		expected: /^UCloud API \S+ failed with RetCode 230: Params are missing /,
	},
	{
		label: 'an error body nested 20,000 levels deep',
		parameters: describeTasks(),
		fault: [{ kind: 'garbage', body: DEEP_JSON, contentType: 'application/json' }],
		expected: /not a UCloud answer.*body: \{"a":\{"a":.*…/,
	},
	{
		label: 'an HTTP 500 body nested 20,000 levels deep',
		parameters: describeTasks(),
		fault: [{ kind: 'http', status: 500, body: '['.repeat(20_000) + ']'.repeat(20_000) }],
		expected: /HTTP 500.*Response: \[\[\[/,
	},
	{
		label: 'an HTML gateway page quoting them',
		parameters: describeTasks(),
		fault: [{ kind: 'echo' }],
		expected: /HTTP 502/,
	},
	{
		label: 'the same from a submit',
		parameters: submit(),
		fault: [{ kind: 'echo' }],
		expected: /HTTP 502/,
	},
	{
		label: 'a quoted 171 while waiting',
		parameters: describeTasks({}, { taskIds: 'a', waitForCompletion: true, pollInterval: 2 }),
		fault: [{ kind: 'echo', in: 'retCode' }],
		expected: /RetCode 171/,
	},
	{
		label: 'HTTP 500',
		parameters: describeTasks(),
		fault: [{ kind: 'http', status: 500, body: 'Internal error' }],
		expected: /HTTP 500/,
	},
	{
		label: 'HTTP 429, retried until the retries run out',
		parameters: describeTasks({ retries: 1 }),
		fault: [{ kind: 'http', status: 429, headers: { 'Retry-After': '0' } }, { times: 2 }],
		expected: /HTTP 429/,
	},
	{
		label: 'HTML instead of JSON',
		parameters: describeTasks(),
		fault: [{ kind: 'garbage' }],
		expected: /not a UCloud answer/,
	},
	{
		label: 'JSON without a RetCode',
		parameters: describeTasks(),
		fault: [{ kind: 'garbage', body: '{"Hello":1}', contentType: 'application/json' }],
		expected: /not a UCloud answer/,
	},
	{
		label: 'a malformed TaskList',
		parameters: describeTasks(),
		fault: [{ kind: 'transform', transform: (answer) => ({ ...answer, TaskList: 'nope' }) }],
		expected: /TaskList/,
	},
	{
		label: 'a one-letter private key, a malformed TaskList quoting the signed string',
		parameters: describeTasks(),
		credentials: { publicKey: SHORT_PUBLIC_KEY, privateKey: SHORT_KEY },
		fault: [
			{
				kind: 'transform',
				// TaskList first, so that the quote's first 200 characters hold the whole string.
				transform: (answer, request) => {
					const echo = { TaskList: `for ${signedString(request, SHORT_KEY)}` };
					return Object.assign({ ...echo }, answer, echo);
				},
			},
		],
		expected: /task list that cannot be read.*\(withheld: it quotes this request's credentials\)/,
	},
	{
		label: 'Check Domains and Quota, a domain list entry quoting the signed string',
		parameters: submit({}, { urls: 'https://echo.example.org/a.js' }),
		fault: [
			{
				kind: 'transform',
				transform: (answer, request) => ({
					...answer,
					DomainList: [
						{
							Domain: 'echo.example.org',
							DomainId: 'ucdn-echo',
							Status: `for ${signedString(request, PRIVATE_KEY)}`,
						},
					],
				}),
			},
			{ action: 'GetUcdnDomainConfig' },
		],
		workflow: { typeVersion: 1.2 },
		expected:
			/^URLs: https:\/\/echo\.example\.org\/a\.js: echo\.example\.org is not an accelerated domain/,
	},
	{
		label: 'a request timeout',
		parameters: describeTasks({ requestTimeout: 1 }),
		fault: [{ kind: 'delay', ms: 2500 }],
		expected: /No answer within 1 s/,
	},
	{
		label: 'a submit timeout',
		parameters: submit({ requestTimeout: 1 }),
		fault: [{ kind: 'delay', ms: 2500 }],
		expected: /may have been created/,
	},
	{
		label: 'a reset connection',
		parameters: describeTasks(),
		fault: [{ kind: 'reset' }],
		expected: /ECONNRESET/,
	},
	{
		label: 'an unreachable endpoint',
		parameters: describeTasks(),
		credentials: { customEndpoint: 'CLOSED' },
		expected: /ECONNREFUSED/,
	},
	{
		label: 'an empty custom endpoint',
		parameters: describeTasks(),
		credentials: { customEndpoint: '' },
		expected: /no API Endpoint/,
	},
	{
		label: 'an endpoint with a password in it',
		parameters: describeTasks(),
		credentials: { customEndpoint: `http://admin:pw-${MARKER}@127.0.0.1:9` },
		expected: /API Endpoint must not contain a user name or password/,
	},
	{
		label: 'an endpoint with a token in its query string',
		parameters: submit(),
		credentials: { customEndpoint: `http://127.0.0.1:9/?token=${MARKER}` },
		expected:
			/API Endpoint must not contain a query string \(\?…\): enter the base URL only, such as http:\/\/127\.0\.0\.1:9 /,
	},
	{
		label: 'a private key with an invisible character inside',
		parameters: describeTasks(),
		credentials: { privateKey: `TEST-PRIVATE-KEY-${MARKER}\u200B-pasted` },
		expected: /^The Private Key contains an invisible character \(U\+200B\) at position 24: /,
	},
	{
		label: 'a validation error',
		parameters: describeTasks({}, { taskIds: '={{ "a\\u0001b" }}' }),
		expected: /^Task IDs: /,
	},
	{
		label: 'Continue On Fail with a quoted 171',
		parameters: describeTasks(),
		fault: [{ kind: 'echo', in: 'retCode' }],
		workflow: { continueOnFail: true },
		expected: /RetCode 171/,
	},
];

async function run(scenario: Scenario): Promise<RunResult> {
	if (scenario.fault) sim.failNext(...scenario.fault);
	const overrides = { ...scenario.credentials };
	if (overrides.customEndpoint === 'CLOSED') overrides.customEndpoint = closedUrl;
	return await runWorkflow(
		ucdnWorkflow({ resource: 'refresh', ...scenario.parameters }, scenario.workflow),
		{
			credentials: credentials(overrides),
		},
	);
}

test.each(scenarios)('$label: no key, signature or signed string anywhere', async (scenario) => {
	const result = await run(scenario);
	sim.clearFaults();
	const items = result.json('UCDN');
	const failure = scenario.workflow?.continueOnFail
		? { message: items[0]?.error, description: items[0]?.description }
		: result.error;
	expect(`${String(failure?.message)} ${String(failure?.description)}`).toMatch(scenario.expected);
	expectNoSecretIn(dump(result.run));
	expectNoSecretIn(dump(result.error));
	expectNoSecretIn(dump(items));
});

test('a successful run: its items hold no secret either', async () => {
	const result = await runWorkflow(
		ucdnWorkflow({ resource: 'refresh', operation: 'describeTasks', output: 'raw' }),
		{
			credentials: credentials(),
		},
	);
	expect(result.error).toBeUndefined();
	expect(result.json('UCDN')[0]).toHaveProperty('TaskList');
	expectNoSecretIn(dump(result.run));
});

test.each([
	['a wrong private key', { privateKey: WRONG_PRIVATE_KEY }, undefined, /RetCode 171/],
	['an unknown public key', { publicKey: 'TEST-UNKNOWN' }, undefined, /RetCode 172/],
	[
		'a 171 Message quoting the signature and the signed string',
		{},
		{ kind: 'echo', in: 'retCode' },
		/RetCode 171: \(withheld: it quotes this request's credentials\)/,
	],
	[
		'a glued signature',
		{},
		{ kind: 'echo', in: 'retCode', as: 'glued' },
		/RetCode 171: \(withheld/,
	],
	[
		'the signed string in base64',
		{},
		{ kind: 'echo', in: 'retCode', as: 'base64' },
		/RetCode 171: \(withheld/,
	],
	[
		'a one-letter key and a Message with the letter',
		{ publicKey: SHORT_PUBLIC_KEY, privateKey: SHORT_KEY },
		{ kind: 'retCode', retCode: 230, message: 'Params are missing' },
		/RetCode 230: Params are missing\. /,
	],
	[
		'a body nested 20,000 levels deep',
		{},
		{ kind: 'garbage', body: DEEP_JSON, contentType: 'application/json' },
		/not like a UCloud API/,
	],
	['an HTML gateway page quoting them', {}, { kind: 'echo' }, /HTTP 502/],
	['HTML instead of JSON', {}, { kind: 'garbage' }, /not like a UCloud API/],
	['an unreachable endpoint', { customEndpoint: 'CLOSED' }, undefined, /ECONNREFUSED/],
	[
		'a private key with an invisible character inside',
		{ privateKey: `TEST-PRIVATE-KEY-${MARKER}\u200B-pasted` },
		undefined,
		/^The Private Key contains an invisible character \(U\+200B\) at position 24: /,
	],
] as Array<[string, IDataObject, Fault | undefined, RegExp]>)(
	'credential test, %s: the message holds no secret',
	async (_label, overrides, fault, expected) => {
		if (fault) sim.failNext(fault);
		const data = credentials(
			overrides.customEndpoint === 'CLOSED' ? { customEndpoint: closedUrl } : overrides,
		).ucloudApi;
		const result = await testCredentials(data);
		sim.clearFaults();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(expected);
		expectNoSecretIn(dump(result));
	},
);

test.each<[string, Fault, RegExp]>([
	['a 171 Message quoting them', { kind: 'echo', in: 'retCode' }, /RetCode 171: \(withheld/],
	['an HTML gateway page quoting them', { kind: 'echo' }, /HTTP 502/],
	[
		'a RetCode 299 (no permission) whose Message quotes them',
		{
			kind: 'transform',
			transform: (_answer, request) => ({
				Action: 'GetProjectListResponse',
				RetCode: 299,
				Message: `denied: Signature ${request.signature} for ${signedString(request, PRIVATE_KEY)}`,
			}),
		},
		/may not list projects/,
	],
])('Project ID list, %s: the error holds no secret', async (_label, fault, expected) => {
	// The list retries as requests do by default: every try gets the fault.
	sim.failNext(fault, { action: 'GetProjectList', times: 10 });
	const failure = await searchList('ucdn', 'options.projectId', {
		credentials: credentials(),
		parameters: { resource: 'refresh', operation: 'describeTasks', options: {} },
	}).then(
		() => undefined,
		(caught: unknown) => caught as Error & { description?: string },
	);
	sim.clearFaults();
	expect(`${failure?.message} ${failure?.description}`).toMatch(expected);
	expectNoSecretIn(dump(failure));
});

test('nothing secret was written to stdout, stderr or the console, and n8n did log the failures', () => {
	const output = written.join('\n');
	expect(output).toMatch(/RetCode 171/);
	expect(output).toMatch(/Could not get an answer/);
	expectNoSecretIn(output);
});
