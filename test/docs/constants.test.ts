/**
 * The figures the docs state that the code also holds, read from both sides: the parameters'
 * bounds and defaults from the nodes' descriptions (what the editor shows), the rest from the
 * constants the code uses. Each figure is found by its sentence, so changing the code, the
 * figure or the sentence fails here; then update the other side, or this test with the new
 * sentence.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { EXCERPT_LENGTH } from '../../credentials/common/ucloud/excerpt';
import { DEFAULT_QUOTA } from '../../dev/simulator/data';
import { INCLUDE_TEXT } from '../../nodes/Ucdn/actions/certificate/getMany.operation';
import { DOMAIN_LIMIT } from '../../nodes/Ucdn/actions/domain/getMany.operation';
import { DOWNLOAD, LOG_LIMIT } from '../../nodes/Ucdn/actions/log/getMany.operation';
import { CERTIFICATE_PAGE_SIZE } from '../../nodes/shared/certificates/certificates';
import { DOWNLOAD_CONCURRENCY } from '../../nodes/shared/logs/download';
import { LOG_CALL_SECONDS } from '../../nodes/shared/logs/files';
import {
	DAYS_BEFORE,
	KEEP_AFTER_END,
	certificateKey,
	readThresholds,
} from '../../nodes/UcdnTrigger/certificates';
import { FILE_BYTES } from '../../scripts/bench/logDownload';
import { CHECK_DOMAINS } from '../../nodes/Ucdn/actions/tasks/submitParameters';
import { WINDOW } from '../../nodes/Ucdn/actions/statistics/checkHealth.operation';
import {
	GRANULARITY,
	MAX_MINUTE_SPAN,
	MAX_POINTS_PER_CALL,
	MAX_SERIES_POINTS,
	autoStep,
} from '../../nodes/shared/statistics/granularity';
import {
	MAX_ERROR_RISE,
	MAX_ERROR_SHARE,
	MAX_HIT_RATE_DROP,
	MIN_REPORTED,
	MIN_REQUESTS,
} from '../../nodes/shared/statistics/health';
import { SERIES_AT_ONCE } from '../../nodes/shared/statistics/read';
import { DOMAIN_PAGE_SIZE } from '../../nodes/shared/domains/accountDomains';
import { Ucdn } from '../../nodes/Ucdn/Ucdn.node';
import { READABLE_TIMES } from '../../nodes/shared/output/parameters';
import { MAX_PAGES, MAX_PAGE_SIZE } from '../../nodes/shared/paging';
import { LIST_SETTINGS } from '../../nodes/shared/editor/projectList';
import { TEST_TIMEOUT_MS } from '../../nodes/shared/editor/credentialTest';
import {
	MIN_SECRET_LENGTH,
	PREVIEW_LENGTH,
	SERIALISED_DEPTH,
} from '../../nodes/shared/transport/redact';
import { MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS, backoffMs } from '../../nodes/shared/transport/retry';
import { RELEASES } from '../../scripts/n8n/install';
import { IDS_PER_CALL, MARGIN, PAGING } from '../../nodes/UcdnTrigger/pollState';
import { UcdnTrigger } from '../../nodes/UcdnTrigger/UcdnTrigger.node';

const ROOT = path.resolve(__dirname, '../..');
const README_FILE = 'README.md';
/** Tasks per Describe call of a poll's window. */
const PAGE_OF_A_POLL = PAGING.pageSize;
/** A page with every run of white space as one space: Prettier may wrap a sentence anywhere. */
const page = (file: string) => readFileSync(path.join(ROOT, file), 'utf8').replace(/\s+/g, ' ');

/** `1,000` → 1000, `0.5` → 0.5; words stay words. */
const value = (text: string): number | string =>
	/^[\d,]*\.?\d+$/.test(text) ? Number(text.replace(/,/g, '')) : text;

/**
 * What each occurrence of `sentence` in `file` captures. It must occur: a sentence that was
 * reworded fails here rather than go unchecked.
 */
function stated(file: string, sentence: RegExp): Array<Array<number | string>> {
	const flags = sentence.flags.includes('g') ? sentence.flags : `${sentence.flags}g`;
	const found = [...page(file).matchAll(new RegExp(sentence.source, flags))].map((match) =>
		match.slice(1).map((text) => value(text ?? '')),
	);
	if (found.length === 0) throw new Error(`${file} no longer says ${sentence}`);
	return found;
}

/** Expects every occurrence of `sentence` in `file` to capture `figures`. */
function expectStated(file: string, sentence: RegExp, figures: Array<number | string>) {
	for (const captured of stated(file, sentence)) expect(captured).toEqual(figures);
}

// The parameters as the editor shows them.

const ucdn = new Ucdn().description;
const trigger = new UcdnTrigger().description;

/** Every property named `name`, in collections too, of the given operation (or of any). */
function propertiesNamed(
	properties: INodeProperties[],
	name: string,
	operation?: string,
): INodeProperties[] {
	return properties.flatMap((property) => {
		const operations = property.displayOptions?.show?.operation as string[] | undefined;
		if (operation !== undefined && operations !== undefined && !operations.includes(operation))
			return [];
		const nested =
			property.type === 'collection'
				? propertiesNamed((property.options ?? []) as INodeProperties[], name, operation)
				: [];
		return property.name === name ? [property, ...nested] : nested;
	});
}

interface Facts {
	min?: number;
	max?: number;
	default: unknown;
	/** The name the editor shows for the default choice, for options parameters. */
	defaultName?: string;
}

const factsOf = (property: INodeProperties): Facts => ({
	min: property.typeOptions?.minValue,
	max: property.typeOptions?.maxValue,
	default: property.default,
	defaultName: (property.options as INodePropertyOptions[] | undefined)?.find(
		(option) => 'value' in option && option.value === property.default,
	)?.name,
});

/** The one set of facts of a parameter, wherever the node (or these nodes) offer it. */
function parameter(
	name: string,
	where: Array<{ properties: INodeProperties[]; operation?: string }>,
): Facts {
	const facts = where
		.flatMap(({ properties, operation }) => propertiesNamed(properties, name, operation))
		.map(factsOf);
	const [first] = facts;
	if (first === undefined) throw new Error(`No parameter ${name}`);
	if (facts.some((other) => JSON.stringify(other) !== JSON.stringify(first)))
		throw new Error(`${name} differs between operations: ${JSON.stringify(facts)}`);
	return first;
}

const describeTasks = [{ properties: ucdn.properties, operation: 'describeTasks' }];
/** The properties of one resource (and those of none). */
const ofResource = (resource: string) =>
	ucdn.properties.filter((property) => {
		const resources = property.displayOptions?.show?.resource as string[] | undefined;
		return resources === undefined || resources.includes(resource);
	});
const getMany = [{ properties: ofResource('domain'), operation: 'getMany' }];
const submit = [{ properties: ucdn.properties, operation: 'submit' }];
const everyOperation = [...describeTasks, ...submit];
const everyNode = [...everyOperation, { properties: trigger.properties }];

const RETRIES = parameter('retries', everyNode);
const REQUEST_TIMEOUT = parameter('requestTimeout', everyNode);
const BATCH_SIZE = parameter('batchSize', submit);
const PAGE_SIZE = parameter('pageSize', describeTasks);
const LIMIT = parameter('limit', describeTasks);
const DOMAIN_LIMIT_FACTS = parameter(DOMAIN_LIMIT.name, getMany);
const OFFSET = parameter('offset', describeTasks);
const POLL_INTERVAL = parameter('pollInterval', everyOperation);
const WAIT_TIMEOUT = parameter('timeout', everyOperation);
const LOOK_BACK = parameter('lookBack', [{ properties: trigger.properties }]);
const onOff = (facts: Facts) => (facts.default === true ? 'on' : 'off');

describe('README: the parameters as the editor shows them', () => {
	const README = 'README.md';
	const PARAMETERS = 'docs/parameters.md';

	test('Retries and Request Timeout: defaults and maximums', () => {
		expectStated(README, /\*\*Retries\*\* \(default (\d+), at most (\d+)\)/, [
			RETRIES.default as number,
			RETRIES.max as number,
		]);
		expectStated(README, /\*\*Request Timeout \(Seconds\)\*\* \(default (\d+), at most (\d+)\)/, [
			REQUEST_TIMEOUT.default as number,
			REQUEST_TIMEOUT.max as number,
		]);
	});

	test('Submit: Batch Size, Type, Wait for Completion', () => {
		expectStated(
			README,
			/\| Options → \*\*Batch Size\*\* \| (\d+) \| URLs per API call \((\d+)–(\d+)\)/,
			[BATCH_SIZE.default as number, BATCH_SIZE.min as number, BATCH_SIZE.max as number],
		);
		expectStated(README, /\| \*\*Type\*\* \(Refresh only\) \| (\w+) \|/, [
			parameter('type', submit).defaultName as string,
		]);
		expect(stated(README, /\| \*\*Wait for Completion\*\* \| (on|off) \|/)).toEqual([
			[onOff(parameter('waitForCompletion', submit))],
			[onOff(parameter('waitForCompletion', describeTasks))],
		]);
	});

	test('Wait for Completion: Poll Interval, Timeout, Error on Failed Tasks, Output', () => {
		expectStated(
			README,
			/\| \*\*Poll Interval \(Seconds\)\*\* \| (\d+) \| Time between checks; at least (\d+)\./,
			[POLL_INTERVAL.default as number, POLL_INTERVAL.min as number],
		);
		expectStated(README, /\| \*\*Timeout \(Seconds\)\*\* \| (\d+) \|/, [
			WAIT_TIMEOUT.default as number,
		]);
		expectStated(README, /\| \*\*Error on Failed Tasks\*\* \| (on|off) \|/, [
			onOff(parameter('errorOnFailedTasks', everyOperation)),
		]);
		expectStated(README, /\| \*\*Output\*\* \(Submit\) \| ([^|]+?) \|/, [
			parameter('output', submit).defaultName as string,
		]);
	});

	test('Describe Tasks: Status, Return All, Limit, Output, Offset, Page Size', () => {
		expectStated(README, /\| \*\*Status\*\* \| (\w+) \|/, [
			parameter('status', describeTasks).defaultName as string,
		]);
		expectStated(README, /\| \*\*Return All\*\* \| (on|off) \|/, [
			onOff(parameter('returnAll', describeTasks)),
		]);
		expectStated(README, /\| \*\*Limit\*\* \| (\d+) \|/, [LIMIT.default as number]);
		expectStated(README, /\| \*\*Output\*\* \| ([^|]+?) \|/, [
			parameter('output', describeTasks).defaultName as string,
		]);
		expectStated(PARAMETERS, /\| Options → \*\*Offset\*\* \| (\d+) \|/, [OFFSET.default as number]);
		expectStated(
			PARAMETERS,
			/\| Options → \*\*Page Size\*\* \| (\d+) \| Tasks per API call when paging \((\d+)–(\d+)\)/,
			[PAGE_SIZE.default as number, PAGE_SIZE.min as number, PAGE_SIZE.max as number],
		);
	});

	test('Add Readable Times: on from the node version that added it, off on version 1', () => {
		const [version] = stated(
			README,
			/on from node version ([\d.]+), off in nodes saved before \(version ([\d.]+)\)/,
		);
		expect(version).toEqual([READABLE_TIMES.onFrom, 1]);
		for (const node of [ucdn, trigger]) {
			expect([node.version].flat()).toContain(READABLE_TIMES.onFrom);
			expect(Math.max(...[node.version].flat())).toBeGreaterThanOrEqual(READABLE_TIMES.onFrom);
		}
	});

	test('the trigger: Look Back', () => {
		expectStated(README, /Options → \*\*Look Back \(Hours\)\*\* \(default (\d+), (\d+)–(\d+)\)/, [
			LOOK_BACK.default as number,
			LOOK_BACK.min as number,
			LOOK_BACK.max as number,
		]);
	});

	test('the example checks as often as its workflow says', () => {
		const workflow = readFileSync(
			path.join(ROOT, 'examples/deploy-purge-and-wait.workflow.json'),
			'utf8',
		);
		const pollInterval = Number(/"pollInterval":\s*(\d+)/.exec(workflow)?.[1]);
		expectStated(README, /UCDN purges, checks every (\d+) seconds/, [pollInterval]);
	});
});

describe('docs/invalid-input.md: the bounds in the messages', () => {
	const FILE = 'docs/invalid-input.md';
	const bounds = (facts: Facts) => [facts.min as number, facts.max as number];

	test.each([
		['Retries', /Retries: must be a whole number from (\d+) to (\d+)/, RETRIES],
		[
			'Request Timeout',
			/Request Timeout \(Seconds\): must be a number from (\d+) to (\d+)/,
			REQUEST_TIMEOUT,
		],
		[
			'Poll Interval',
			/Poll Interval \(Seconds\): must be a number from (\d+) to (\d+)/,
			POLL_INTERVAL,
		],
		[
			'Poll Interval (forms)',
			/Poll Interval \(Seconds\) \| below (\d+), above (\d+)/,
			POLL_INTERVAL,
		],
		['Timeout', /`Timeout \(Seconds\): must be a number from (\d+) to (\d+)/, WAIT_TIMEOUT],
		['Limit (example)', /for example `Limit: must be a whole number from (\d+) to (\d+)/, LIMIT],
		['Limit', /\| Limit \| [^|]* \| `Limit: must be a whole number from (\d+) to (\d+)/, LIMIT],
		[
			'Limit (Get Many)',
			/\| Limit \(Get Many\) \| [^|]* \| `Limit: must be a whole number from (\d+) to (\d+)/,
			DOMAIN_LIMIT_FACTS,
		],
		['Offset', /Offset: must be a whole number from (\d+) to (\d+)/, OFFSET],
		['Page Size', /Page Size: must be a whole number from (\d+) to (\d+)/, PAGE_SIZE],
		['Batch Size', /Batch Size: must be a whole number from (\d+) to (\d+)/, BATCH_SIZE],
	])('%s', (_name, sentence, facts) => {
		expectStated(FILE, sentence, bounds(facts));
	});

	test.each([
		['Retries', /\| Retries \(option\) \| negative, fractional, above (\d+)/, RETRIES],
		[
			'Request Timeout',
			/\| Request Timeout \(Seconds\) \(option\) \| 0 or less, above (\d+)/,
			REQUEST_TIMEOUT,
		],
		['Limit', /\| Limit \| 0 or less, fractional, above (\d+)/, LIMIT],
		[
			'Limit (Get Many)',
			/\| Limit \(Get Many\) \| 0 or less, fractional, above (\d+)/,
			DOMAIN_LIMIT_FACTS,
		],
		['Offset', /\| Offset \(option\) \| negative, fractional, above (\d+)/, OFFSET],
		['Page Size', /\| Page Size \(option\) \| 0, above (\d+)/, PAGE_SIZE],
		['Batch Size', /\| Batch Size \(option\) \| 0, above (\d+)/, BATCH_SIZE],
	])('%s: the invalid forms name the maximum', (_name, sentence, facts) => {
		expectStated(FILE, sentence, [facts.max as number]);
	});

	test('Timeout: its bounds, in seconds and days', () => {
		expectStated(FILE, /\| Timeout \(Seconds\) \| below (\d+), above (\d+) \((\d+) days\)/, [
			WAIT_TIMEOUT.min as number,
			WAIT_TIMEOUT.max as number,
			(WAIT_TIMEOUT.max as number) / 86_400,
		]);
	});

	test('quoted values are cut to the excerpt length', () => {
		expectStated(FILE, /A quoted value is cut to its first (\d+) characters/, [EXCERPT_LENGTH]);
	});
});

describe('domains and quota: the README and docs/domains-and-quota.md', () => {
	const FILE = 'docs/domains-and-quota.md';
	const versions = [ucdn.version].flat();

	test('Check Domains and Quota: on from node version 1.2, off in the versions before', () => {
		const switches = propertiesNamed(ucdn.properties, CHECK_DOMAINS.name, 'submit');
		expect(
			switches.map((property) => [property.displayOptions?.show?.['@version'], property.default]),
		).toEqual([
			[[{ _cnd: { lt: CHECK_DOMAINS.onFrom } }], false],
			[[{ _cnd: { gte: CHECK_DOMAINS.onFrom } }], true],
		]);
		expect(versions).toContain(CHECK_DOMAINS.onFrom);
		expect(Math.max(...versions)).toBe(CHECK_DOMAINS.onFrom);
		const before = versions.filter((version) => version < CHECK_DOMAINS.onFrom);

		expectStated(
			'README.md',
			/\*\*Check Domains and Quota\*\* \(on in nodes added from version ([\d.]+); nodes saved before keep it\s+off\)/,
			[CHECK_DOMAINS.onFrom],
		);
		// The table shows what a node added now has.
		expectStated('README.md', /\| \*\*Check Domains and Quota\*\* \| (on|off) \|/, ['on']);
		expectStated(
			FILE,
			/is on for nodes added at node version ([\d.]+), that is every node added now/,
			[CHECK_DOMAINS.onFrom],
		);
		expectStated(
			FILE,
			/Nodes of workflows saved before \(versions ([\d.]+) and ([\d.]+)\)/,
			before,
		);
	});

	test("Get Many's Limit: its default and maximum", () => {
		expectStated('README.md', /or \*\*Limit\*\* \(default (\d+), at most ([\d,]+)\)/, [
			DOMAIN_LIMIT_FACTS.default as number,
			DOMAIN_LIMIT_FACTS.max as number,
		]);
		expect(DOMAIN_LIMIT_FACTS.max).toBe(DOMAIN_LIMIT.max);
	});

	test('the domain list: 100 domains per call', () => {
		expectStated(FILE, /The node asks for (\d+) domains per call/, [DOMAIN_PAGE_SIZE]);
		expectStated(FILE, /one walk of the domain list per project \((\d+) domains per call/, [
			DOMAIN_PAGE_SIZE,
		]);
		expectStated('CHANGELOG.md', /lists them, (\d+) per call until a page comes back short/, [
			DOMAIN_PAGE_SIZE,
		]);
	});

	test("the quota defaults of the providers' guides, as the simulator holds them", () => {
		// The node assumes none of them (it asks each domain's quota); the simulator starts with them.
		expectStated(
			FILE,
			/\*\*(\d+) file refreshes, (\d+) directory refreshes and (\d+) prefetches a day per domain\*\*/,
			[DEFAULT_QUOTA.file, DEFAULT_QUOTA.dir, DEFAULT_QUOTA.prefetch],
		);
	});

	test("the Domains list: one retry, 5 s a try, like Project ID's", () => {
		expect(LIST_SETTINGS.retries).toBe(1);
		expectStated(FILE, /The list is read with one retry and (\d+) s a try/, [
			LIST_SETTINGS.timeoutMs / 1000,
		]);
	});
});

describe('docs/paging.md and the changelog: calls of a walk and of a wait', () => {
	test('a wait asks for up to 1,000 tasks per call, as Page Size allows at most', () => {
		const FILE = 'docs/paging.md';
		expectStated(FILE, /asks for all of them, up to ([\d,]+), and the check follows/, [
			MAX_PAGE_SIZE,
		]);
		expectStated(FILE, /costs \*\*one call for up to ([\d,]+) tasks\*\*/, [MAX_PAGE_SIZE]);
		expectStated(FILE, /\(`ceil\(N \/ (\d+)\)` for a Submit of more tasks\)/, [MAX_PAGE_SIZE]);
		expectStated('CHANGELOG.md', /one Describe call for up to ([\d,]+) tasks/, [MAX_PAGE_SIZE]);
		expect(PAGE_SIZE.max).toBe(MAX_PAGE_SIZE);
	});

	test('a walk makes at most 10,000 calls', () => {
		expectStated(
			'docs/paging.md',
			/the walk needs more than twice the calls `TotalCount` justifies \(at most ([\d,]+)\)/,
			[MAX_PAGES],
		);
	});
});

describe('docs/trigger.md: what a poll reads and remembers', () => {
	const FILE = 'docs/trigger.md';
	const minutes = MARGIN / 60;

	test.each([
		/the final states \(`success`, `failure`\) seen of the tasks created in the \*\*(\d+) minutes\*\* before that EndTime/,
		/was created less than (\d+) minutes before the last poll's EndTime/,
		/stamps by a clock up to (\d+) minutes behind n8n's/,
		/a poll walks the window from (\d+) minutes before the last poll's EndTime/,
		/The static data grows with the tasks created in the last (\d+) minutes/,
		/(\d+) minutes/,
	])('the margin: %s', (sentence) => {
		expectStated(FILE, sentence, [minutes]);
	});

	test('1,000 tasks per call in the window, 100 pending TaskIds per call', () => {
		expectStated(
			FILE,
			/at ([\d,]+) tasks per call: one Describe call for up to ([\d,]+) tasks created in it/,
			[PAGE_OF_A_POLL, PAGE_OF_A_POLL],
		);
		expectStated(FILE, /they are asked for by TaskId, one more call per (\d+) of them/, [
			IDS_PER_CALL,
		]);
	});
});

describe('docs/project-id.md: the project list', () => {
	const FILE = 'docs/project-id.md';

	test('one retry, 5 s a try', () => {
		expect(LIST_SETTINGS.retries).toBe(1);
		expectStated(
			FILE,
			/a call that fails for a passing reason is retried once, and each try gives up after (\d+) s/,
			[LIST_SETTINGS.timeoutMs / 1000],
		);
		expectStated(FILE, /The list gave up after (\d+) tries, (\d+) s each/, [
			LIST_SETTINGS.retries + 1,
			LIST_SETTINGS.timeoutMs / 1000,
		]);
	});
});

describe('docs/retries-and-errors.md: waits, caps and quotes', () => {
	const FILE = 'docs/retries-and-errors.md';

	test('the backoff: its first three waits and its cap', () => {
		const seconds = (attempt: number, random: number) => backoffMs(attempt, random) / 1000;
		expectStated(
			FILE,
			/Retries wait ([\d.]+)–([\d.]+) s, then ([\d.]+)–([\d.]+) s, ([\d.]+)–([\d.]+) s, …/,
			[seconds(0, 0), seconds(0, 1), seconds(1, 0), seconds(1, 1), seconds(2, 0), seconds(2, 1)],
		);
		expectStated(FILE, /\(exponential backoff with jitter, at most (\d+) s per wait\)/, [
			MAX_BACKOFF_MS / 1000,
		]);
		expect(seconds(30, 1)).toBe(MAX_BACKOFF_MS / 1000);
	});

	test('Retry-After is waited for up to 120 s', () => {
		expectStated(
			FILE,
			/if it asks for more than (\d+) s, the node reports the failure rather than wait/,
			[MAX_RETRY_AFTER_MS / 1000],
		);
	});

	test('quotes of bodies are cut at 200 characters', () => {
		expectStated(FILE, /with the HTTP status and the first (\d+) characters of the body/, [
			PREVIEW_LENGTH,
		]);
		expectStated(FILE, /Quotes are cut to (\d+) characters/, [PREVIEW_LENGTH]);
	});

	test('short private keys, and how deep a body is read', () => {
		expectStated(FILE, /A private key shorter than (\d+) characters is not looked for on its own/, [
			MIN_SECRET_LENGTH,
		]);
		expectStated(FILE, /a body is read at most (\d+) levels deep/, [SERIALISED_DEPTH]);
	});

	test('the credential test gives up after 15 s', () => {
		expectStated(FILE, /no answer within (\d+) s/, [TEST_TIMEOUT_MS / 1000]);
	});
});

describe('docs/performance.md, CONTRIBUTING.md and the n8n versions', () => {
	test('the tables show the committed run of bench/results.json', () => {
		const results = JSON.parse(readFileSync(path.join(ROOT, 'bench/results.json'), 'utf8')) as {
			date: string;
			dataset: { runs: number; rounds: number };
			rows: Array<{ medianMs: number; timeVsFloor: number; peakRssMb: number; httpCalls: number }>;
			targets: Array<{ target: string; value: number; limit: number; rounds: number[] }>;
		};
		const text = page('docs/performance.md');
		expect(text).toContain(`is of ${results.date.slice(0, 10)}`);
		expectStated(
			'docs/performance.md',
			/the median of (\d+) runs \(`BENCH_RUNS`\), in each of (\d+) rounds/,
			[results.dataset.runs, results.dataset.rounds],
		);
		const ms = (n: number) => `${n.toLocaleString('en-US')} ms`;
		for (const row of results.rows)
			expect(text).toContain(
				`| ${row.httpCalls} | ${ms(row.medianMs)} | ${row.timeVsFloor.toFixed(2)} | ${row.peakRssMb} MB |`,
			);
		for (const { target, value, limit, rounds } of results.targets)
			expect(text).toContain(
				`| ${target} | ${limit} | ${value} | ${rounds.join(', ')} | ${value <= limit ? 'yes' : 'no'} |`,
			);
	});

	test("the real-n8n tables show the committed run of bench/n8n-results.json, on test:n8n's 2.x", () => {
		const results = JSON.parse(readFileSync(path.join(ROOT, 'bench/n8n-results.json'), 'utf8')) as {
			date: string;
			n8n: string;
			dataset: { runs: number };
			rows: Array<{
				httpCalls: number;
				nodeTimeMs: number;
				warmNodeTimeMs: number;
				cpuMs: number;
				n8nPeakRssMb: number;
				withRunnerPeakRssMb: number;
			}>;
			targets: Array<{ target: string; value: number; limit: number; rounds: number[] }>;
		};
		expect(results.n8n).toBe(RELEASES.find(({ line }) => line === '2.x')?.version);
		const text = page('docs/performance.md');
		expect(text).toContain(`in one real n8n ${results.n8n} with the packed package`);
		expect(text).toContain(`An idle n8n ${results.n8n} with its task runner`);
		expectStated(
			'docs/performance.md',
			/\[`bench\/n8n-results.json`\]\(\.\.\/bench\/n8n-results.json\) with every run's figures, is of (\d{4})-(\d\d)-(\d\d)/,
			results.date.slice(0, 10).split('-').map(Number),
		);
		expectStated('docs/performance.md', /medians of (\d+) rounds:/, [results.dataset.runs]);
		const [ms, mb] = [' ms', ' MB'].map(
			(unit) => (n: number) => `${n.toLocaleString('en-US')}${unit}`,
		) as [(n: number) => string, (n: number) => string];
		for (const row of results.rows)
			expect(text).toContain(
				`| ${row.httpCalls} | ${ms(row.nodeTimeMs)} | ${ms(row.warmNodeTimeMs)} | ${ms(row.cpuMs)} | ${mb(row.n8nPeakRssMb)} | ${mb(row.withRunnerPeakRssMb)} |`,
			);
		for (const { target, value, limit, rounds } of results.targets)
			expect(text).toContain(
				`| ${target} | ${limit} | ${value} | ${rounds.join(', ')} | ${value <= limit ? 'yes' : 'no'} |`,
			);
	});

	test('the pages name the n8n versions test:n8n installs', () => {
		const [latest, older] = (['2.x', '1.x'] as const).map(
			(line) => RELEASES.find((release) => release.line === line)?.version,
		);
		expect(page('README.md')).toContain(`tested in real **n8n ${latest}** and **n8n ${older}**`);
		expect(page('README.md')).toContain(`_n8n ${latest}'s editor against the API simulator`);
		expect(page('CONTRIBUTING.md')).toContain(
			`The README's n8n versions (${latest}, run on Node 24, and ${older}, on Node 20)`,
		);
		expect(page('docs/scaling.md')).toContain(`real n8n ${latest} as one main process`);
		// Any other n8n release named there would be one no longer tested.
		for (const file of ['README.md', 'docs/scaling.md'])
			for (const [, version] of page(file).matchAll(/\bn8n (\d+\.\d+\.\d+)/g))
				expect([file, [latest, older].includes(version)]).toEqual([file, true]);
	});

	test('the calls a submit of 1,000 URLs takes, at the default Batch Size and others', () => {
		const [figures] = stated(
			'docs/performance.md',
			/submitting ([\d,]+) URLs takes (\d+) API calls at the default Batch Size of (\d+), (\d+) at (\d+) and (\d+) at ([\d,]+)/,
		);
		const [urls, ...callsAndSizes] = (figures ?? []) as number[];
		expect(callsAndSizes[1]).toBe(BATCH_SIZE.default);
		for (let n = 0; n < callsAndSizes.length; n += 2)
			expect(callsAndSizes[n]).toBe(Math.ceil((urls as number) / (callsAndSizes[n + 1] as number)));
		expect(callsAndSizes).toHaveLength(6);
	});

	test("the example of changing a parameter starts from Page Size's bounds", () => {
		expectStated(
			'CONTRIBUTING.md',
			/min: (\d+), max: 500, \/\/ was (\d+): .*? default: 50, \/\/ was (\d+):/,
			[PAGE_SIZE.min as number, PAGE_SIZE.max as number, PAGE_SIZE.default as number],
		);
	});
});

describe('statistics: the README and docs/statistics.md', () => {
	const FILE = 'docs/statistics.md';
	const HOUR = 3600;
	const DAY = 86_400;

	test('Auto’s rule is the one the code applies', () => {
		const [minute = 0, five = 0, hour = 0] = stated(
			FILE,
			/\*\*1 minute\*\* up to (\d+) hours, \*\*5 minutes\*\* up to (\d+) days, \*\*hour\*\* up to (\d+) days, then \*\*day\*\*/,
		)[0] as number[];
		expect([autoStep(minute * HOUR), autoStep(minute * HOUR + 1)]).toEqual([
			'minute',
			'fiveMinutes',
		]);
		expect([autoStep(five * DAY), autoStep(five * DAY + 1)]).toEqual(['fiveMinutes', 'hour']);
		expect([autoStep(hour * DAY), autoStep(hour * DAY + 1)]).toEqual(['hour', 'day']);
		expect(GRANULARITY.options[0]?.description).toContain(
			`1 minute up to ${minute} hours, 5 minutes up to ${five} days, hour up to ${hour} days, then day`,
		);
	});

	test('the bounds: 1-minute span, points per series, points per call', () => {
		expectStated(
			FILE,
			/1-minute points cover at most (\d+) hours; no series may hold more than ([\d,]+) points/,
			[MAX_MINUTE_SPAN / HOUR, MAX_SERIES_POINTS],
		);
		expectStated(FILE, /chunks of at most \*\*([\d,]+) points per call\*\*/, [MAX_POINTS_PER_CALL]);
		expectStated(README_FILE, /Or 1 Minute \(a day at most\)/, []);
	});

	test('Per Domain: domains read at once', () => {
		expectStated(FILE, /\*\*(\d+) domains at a time\*\* \(`SERIES_AT_ONCE`/, [SERIES_AT_ONCE]);
		expectStated('docs/performance.md', /one after the other, (\d+) domains at a time/, [
			SERIES_AT_ONCE,
		]);
		expectStated('docs/performance.md', /each domain's in order, (\d+) domains at a time/, [
			SERIES_AT_ONCE,
		]);
	});

	test('Check Health: the window, the rules’ defaults and the share of points a judgement needs', () => {
		expectStated(
			FILE,
			/the last (\d+) minutes by default \(\*\*Window \(Minutes\)\*\*, (\d+) to ([\d,]+)\)/,
			[WINDOW.default, WINDOW.min, WINDOW.max],
		);
		for (const facts of [MAX_ERROR_SHARE, MAX_ERROR_RISE, MAX_HIT_RATE_DROP, MIN_REQUESTS]) {
			const escaped = facts.displayName.replace(/[()%]/g, (c) => `\\${c}`);
			expectStated(FILE, new RegExp(`\\| \\*\\*${escaped}\\*\\* +\\| ([\\d.]+) +\\|`), [
				facts.default,
			]);
		}
		expect(stated(FILE, /fewer than (half) of its points are\s+reported yet/)).toHaveLength(1);
		expect(MIN_REPORTED).toBe(0.5);
		expectStated(README_FILE, /\| \*\*Window \(Minutes\)\*\* \| (\d+) +\|/, [WINDOW.default]);
	});
});

describe('logs and certificates: the README, docs/logs.md, docs/certificates.md', () => {
	const LOGS = 'docs/logs.md';
	const CERTIFICATES = 'docs/certificates.md';
	const DAY = 86_400;

	test('Log: Limit, Download and how many files at once', () => {
		expectStated(
			README_FILE,
			/\| \*\*Return All\*\* +\| off +\| Every file; else \*\*Limit\*\* \(default (\d+)\)/,
			[LOG_LIMIT.default],
		);
		expectStated(
			README_FILE,
			/\| Options → \*\*Download\*\* +\| (on|off) +\| .*?streamed, (\d+) at once/,
			[DOWNLOAD.default ? 'on' : 'off', DOWNLOAD_CONCURRENCY],
		);
		expectStated(LOGS, /\*\*(\d+) files at a time\*\*/, [DOWNLOAD_CONCURRENCY]);
		expectStated(LOGS, /\*\*Limit\*\* \(default (\d+)\)/, [LOG_LIMIT.default]);
		expectStated(LOGS, /one call\s+per (day) of the range/, ['day']);
		expect(LOG_CALL_SECONDS).toBe(DAY);
	});

	test('Certificate: page size, Include Certificate Text, Expiring Within', () => {
		expectStated(CERTIFICATES, /paged with Offset and Limit at (\d+) certificates per call/, [
			CERTIFICATE_PAGE_SIZE,
		]);
		expectStated(README_FILE, /\| Options → \*\*Include Certificate Text\*\* \| (on|off) +\|/, [
			INCLUDE_TEXT.default ? 'on' : 'off',
		]);
	});

	test('the trigger’s Days Before: default, bounds, how long an entry is kept, its size', () => {
		expectStated(
			CERTIFICATES,
			/a number of days \(default (\d+)\), or\s+several separated by commas, such as `30, 14, 7` \(from (\d+) to (\d+), at most (\d+) of them\)/,
			[Number(DAYS_BEFORE.default), 0, 3650, 20],
		);
		expect(readThresholds('0, 3650')).toEqual([3650, 0]);
		expect(() => readThresholds('3651')).toThrow();
		expect(() => readThresholds(Array.from({ length: 21 }, (_, n) => n).join(','))).toThrow();
		expect(readThresholds(Array.from({ length: 20 }, (_, n) => n).join(','))).toHaveLength(20);
		expectStated(README_FILE, /threshold it comes within \(default (\d+); several: `30, 14, 7`\)/, [
			Number(DAYS_BEFORE.default),
		]);
		expectStated(CERTIFICATES, /until (\d+) days after its `EndTime` once it is not/, [
			KEEP_AFTER_END / DAY,
		]);
		const bytes = Number(
			stated(CERTIFICATES, /about (\d+) bytes plus the name and the project's ID/)[0]?.[0],
		);
		const name = 'static-example-com-2026';
		const project = 'org-abc123';
		const entry = {
			[certificateKey({ CertName: name, EndTime: 1_800_000_000 }, project)]: {
				threshold: 14,
				end: 1_800_000_000,
			},
		};
		expect(
			Math.abs(Buffer.byteLength(JSON.stringify(entry)) - 2 - name.length - project.length - bytes),
		).toBeLessThanOrEqual(2);
	});

	test('docs/performance.md shows the committed run of bench/log-download.json', () => {
		const results = JSON.parse(
			readFileSync(path.join(ROOT, 'bench/log-download.json'), 'utf8'),
		) as {
			fileBytes: number;
			runs: number;
			rows: Array<{ contender: string; fileMb: number; peakRssMb: number }>;
			filesystemAddsMb: number;
			memoryAddsMb: number;
		};
		const row = (contender: string) => results.rows.find((r) => r.contender === contender);
		expect(results.fileBytes).toBe(FILE_BYTES);
		expectStated('docs/performance.md', /downloads one (\d+) MB log file/, [FILE_BYTES / 1e6]);
		expectStated('docs/performance.md', /the median of (\d+) runs, each download checked/, [
			results.runs,
		]);
		expectStated(
			'docs/performance.md',
			/without Download\s+peaks at (\d+) MB, with the (\d+) MB download at (\d+) MB: \*\*the download adds (\d+) MB\*\*/,
			[
				row('list')?.peakRssMb,
				row('filesystem')?.fileMb,
				row('filesystem')?.peakRssMb,
				results.filesystemAddsMb,
			] as number[],
		);
		expectStated('docs/performance.md', /a (\d+) MB file alone adds\s+(\d+) MB/, [
			row('memory')?.fileMb,
			results.memoryAddsMb,
		] as number[]);
	});
});
