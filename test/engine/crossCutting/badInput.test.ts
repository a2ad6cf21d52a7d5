/**
 * Generated invalid parameter combinations: each must end in a NodeOperationError that names
 * the field, before the simulator receives any request. See docs/invalid-input.md.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { UcdnSimulator } from '../../../dev/simulator/server';
import { startSimulator } from '../../../dev/simulator/server';
import { runWorkflow } from '../../../dev/engine/run';
import { simulatorCredentials, ucdnWorkflow } from '../../../dev/engine/workflows';
import { at } from '../../at';

/** A small seeded PRNG (mulberry32): the same cases on every run. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const next = random(20261122);
const pick = <T>(list: readonly T[]): T => at(list, Math.floor(next() * list.length));
const CHARS = 'abcdefghijklmnopqrstuvwxyzXYZ!#%&*+;<>?@^_|~ éß漢\u0001\u0007\u001b\u007f';
const junk = (min: number, max: number) =>
	Array.from({ length: min + Math.floor(next() * (max - min)) }, () => pick([...CHARS])).join('');

/** An expression that returns exactly this value (what a user's expression might produce). */
const expr = (value: unknown) => `={{ ${JSON.stringify(value)} }}`;

/** One row: jest passes it as a single argument (a 4-tuple with an optional item would make jest read the item slot as `done`). */
interface Case {
	label: string;
	parameters: INodeParameters;
	field: string;
	input?: IDataObject;
}
const cases: Case[] = [];
const describeCase = (label: string, parameters: INodeParameters, field: string) =>
	cases.push({ label, parameters: { operation: 'describeTasks', ...parameters }, field });
const submitCase = (label: string, parameters: INodeParameters, field: string) =>
	cases.push({
		label,
		parameters: { operation: 'submit', urls: 'https://cdn.example.com/a.js', ...parameters },
		field,
	});

// Task IDs: wrong types, too many, too long, control characters.
describeCase('Task IDs as an object', { taskIds: expr({ id: 'x' }) }, 'Task IDs');
describeCase('Task IDs as a list of objects', { taskIds: expr([{ TaskId: 'x' }]) }, 'Task IDs');
describeCase('Task IDs as a boolean', { taskIds: '={{ true }}' }, 'Task IDs');
describeCase('Task IDs nested too deep', { taskIds: expr([[[[[[['x']]]]]]]) }, 'Task IDs');
cases.push({
	label: '1001 Task IDs',
	parameters: { operation: 'describeTasks', taskIds: '={{ $json.ids }}' },
	field: 'Task IDs',
	input: { ids: Array.from({ length: 1001 }, (_, n) => `t${n}`) },
});
describeCase('a 129-character Task ID', { taskIds: 'x'.repeat(129) }, 'Task IDs');
for (let n = 0; n < 5; n++)
	describeCase(
		`a Task ID with a control character #${n}`,
		{ taskIds: expr(`id${String.fromCharCode(1 + n)}x`) },
		'Task IDs',
	);

// Dates: random text, out of range, wrong types, contradictions.
for (let n = 0; n < 20; n++) {
	const text = `q${junk(3, 30)}`;
	describeCase(
		`Begin Time ${JSON.stringify(text)}`,
		{ timeRange: 'custom', beginTime: expr(text) },
		'Begin Time',
	);
}
for (let n = 0; n < 8; n++) {
	const text = `z${junk(3, 20)}`;
	describeCase(
		`End Time ${JSON.stringify(text)}`,
		{ timeRange: 'custom', beginTime: '2024-01-01T00:00:00Z', endTime: expr(text) },
		'End Time',
	);
}
for (const value of [-1, -86400, 1e19, 9e15, '={{ NaN }}', '={{ Infinity }}']) {
	describeCase(
		`Begin Time ${String(value)}`,
		{ timeRange: 'custom', beginTime: typeof value === 'string' ? value : expr(value) },
		'Begin Time',
	);
}
// Dates written as numbers, and Unix times before 2000: not read as 1970.
for (const value of ['20240501', 20240501, '2024', 0, 946684799]) {
	describeCase(
		`Begin Time ${JSON.stringify(value)}`,
		{ timeRange: 'custom', beginTime: expr(value) },
		'Begin Time',
	);
}
for (const value of [true, [2024, 1, 1], { year: 2024 }]) {
	describeCase(
		`Begin Time as ${JSON.stringify(value)}`,
		{ timeRange: 'custom', beginTime: expr(value) },
		'Begin Time',
	);
}
for (let n = 0; n < 6; n++) {
	const begin = 1_600_000_000 + Math.floor(next() * 1e8);
	const end = begin - 1 - Math.floor(next() * 1e6);
	describeCase(
		`Begin ${begin} after End ${end}`,
		{ timeRange: 'custom', beginTime: expr(begin), endTime: expr(end) },
		'Begin Time',
	);
}
describeCase(
	'End Time without Begin Time',
	{ timeRange: 'custom', beginTime: '', endTime: '2024-01-01T00:00:00Z' },
	'Begin Time',
);
describeCase(
	'an empty custom range',
	{ timeRange: 'custom', beginTime: '', endTime: '' },
	'Begin Time',
);
describeCase('an unknown Time Range', { timeRange: expr('yesterday') }, 'Time Range');
for (const hours of [0, -3, 87601, 'many', '={{ NaN }}', true]) {
	describeCase(
		`Hours ${String(hours)}`,
		{
			timeRange: 'lastHours',
			hours: typeof hours === 'string' && hours.startsWith('=') ? hours : expr(hours),
		},
		'Hours',
	);
}
for (const days of [0, -1, 3651, 'week', [7]]) {
	describeCase(`Days ${JSON.stringify(days)}`, { timeRange: 'lastDays', days: expr(days) }, 'Days');
}

// Numbers: negative, fractional, huge, text, wrong types.
for (const limit of [0, -1, 2.5, 'ten', 1e7, true, '={{ NaN }}']) {
	describeCase(
		`Limit ${String(limit)}`,
		{ limit: typeof limit === 'string' && limit.startsWith('=') ? limit : expr(limit) },
		'Limit',
	);
}
for (const offset of [-1, 0.5, 'x', 2e6, [1]])
	describeCase(`Offset ${JSON.stringify(offset)}`, { options: { offset: expr(offset) } }, 'Offset');
for (const pageSize of [0, 1001, 3.3, 'big'])
	describeCase(
		`Page Size ${String(pageSize)}`,
		{ options: { pageSize: expr(pageSize) } },
		'Page Size',
	);
for (const retries of [-1, 11, 1.5, 'again'])
	describeCase(`Retries ${String(retries)}`, { options: { retries: expr(retries) } }, 'Retries');
for (const timeout of [0, 301, -5, 'slow']) {
	describeCase(
		`Request Timeout ${String(timeout)}`,
		{ options: { requestTimeout: expr(timeout) } },
		'Request Timeout (Seconds)',
	);
}

// Choices and flags from expressions.
for (const status of ['done', 'SUCCESS', '', 5])
	describeCase(`Status ${JSON.stringify(status)}`, { status: expr(status) }, 'Status');
for (const output of ['table', 'json', 3])
	describeCase(`Output ${JSON.stringify(output)}`, { output: expr(output) }, 'Output');
for (const returnAll of ['yes', 1, 'TRUE'])
	describeCase(
		`Return All ${JSON.stringify(returnAll)}`,
		{ returnAll: expr(returnAll) },
		'Return All',
	);
for (const isDcdn of ['maybe', 2])
	describeCase(
		`Whole-Site Acceleration ${JSON.stringify(isDcdn)}`,
		{ options: { isDcdn: expr(isDcdn) } },
		'Whole-Site Acceleration',
	);
for (const projectId of [{ id: 'org' }, ['org'], 'org-\u0000x', 'o'.repeat(65)]) {
	describeCase(
		`Project ID ${JSON.stringify(projectId).slice(0, 20)}`,
		{ options: { projectId: expr(projectId) } },
		'Project ID',
	);
}

// Waiting.
describeCase('waiting without Task IDs', { waitForCompletion: true, taskIds: '' }, 'Task IDs');
for (const pollInterval of [0, 1, 1.99, 3601, 'often']) {
	describeCase(
		`Poll Interval ${String(pollInterval)}`,
		{ taskIds: 't1', waitForCompletion: true, pollInterval: expr(pollInterval) },
		'Poll Interval (Seconds)',
	);
}
for (const timeout of [0, -1, 604801, 'forever']) {
	describeCase(
		`Timeout ${String(timeout)}`,
		{ taskIds: 't1', waitForCompletion: true, timeout: expr(timeout) },
		'Timeout (Seconds)',
	);
}
describeCase(
	'Error on Failed Tasks "no"',
	{ taskIds: 't1', waitForCompletion: true, errorOnFailedTasks: expr('no') },
	'Error on Failed Tasks',
);
describeCase(
	'Wait for Completion "sure"',
	{ taskIds: 't1', waitForCompletion: expr('sure') },
	'Wait for Completion',
);

// Submit: URLs.
for (let n = 0; n < 15; n++)
	submitCase(
		`URL ${n}: random text`,
		{ urls: expr(`${junk(1, 8)}${junk(0, 30)}`.replace(/^h/, 'x')) },
		'URLs',
	);
for (const url of [
	'ftp://a.example.com/x',
	'//a.example.com/x',
	'https://',
	'http:///x',
	'https://a.example.com/\u0000',
	'https://[::1/x',
	`https://a.example.com/${'x'.repeat(4100)}`,
]) {
	submitCase(`URL ${JSON.stringify(url).slice(0, 40)}`, { urls: expr([url]) }, 'URLs');
}
submitCase('no URL', { urls: expr(' ') }, 'URLs');
submitCase('URLs as objects', { urls: expr([{ url: 'https://a.example.com/' }]) }, 'URLs');
// Huge lists come from an earlier node's item, as they would in a workflow.
cases.push({
	label: '100,001 URLs',
	parameters: { operation: 'submit', urls: '={{ $json.urls }}' },
	field: 'URLs',
	input: { urls: Array.from({ length: 100_001 }, (_, n) => `https://a.example.com/${n}`) },
});
submitCase(
	'a directory without a slash',
	{ type: 'dir', urls: 'https://a.example.com/dir' },
	'URLs',
);
cases.push({
	label: 'a prefetch of a directory',
	parameters: { resource: 'prefetch', operation: 'submit', urls: 'https://a.example.com/dir/' },
	field: 'URLs',
});
for (const type of ['folder', 'DIR', 7])
	submitCase(`Type ${JSON.stringify(type)}`, { type: expr(type) }, 'Type');
for (const batchSize of [0, 1001, 2.5, 'all'])
	submitCase(
		`Batch Size ${String(batchSize)}`,
		{ options: { batchSize: expr(batchSize) } },
		'Batch Size',
	);
submitCase('Output raw after waiting', { waitForCompletion: true, output: 'raw' }, 'Output');
submitCase(
	'Poll Interval 1 on Submit',
	{ waitForCompletion: true, pollInterval: 1 },
	'Poll Interval (Seconds)',
);

let sim: UcdnSimulator;
beforeAll(async () => {
	sim = await startSimulator({ seed: false });
});
afterAll(async () => {
	await sim.close();
});

test('there are at least 100 generated cases', () => {
	expect(cases.length).toBeGreaterThanOrEqual(100);
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.each(cases)(
	'$label → a NodeOperationError naming the field, and no request',
	async ({ parameters, field, input }) => {
		const before = sim.requests.length;
		const result = await runWorkflow(
			ucdnWorkflow({ resource: 'refresh', ...parameters }, { input: input && [input] }),
			{
				credentials: simulatorCredentials(sim),
			},
		);
		expect(sim.requests.length).toBe(before);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(new RegExp(`^${escape(field)}: `));
		expect(result.error?.description).toMatch(new RegExp(`^Check ${escape(field)}: `));
		expect((result.error as { context?: { field?: string } }).context?.field).toBe(field);
	},
);

/** A 5 MB value from an earlier node's item, as an expression would hand it over. */
const HUGE = `q${'9'.repeat(5_000_000)}`;
test.each([
	['Limit', { operation: 'describeTasks', returnAll: false, limit: '={{ $json.huge }}' }],
	[
		'Begin Time',
		{ operation: 'describeTasks', timeRange: 'custom', beginTime: '={{ $json.huge }}' },
	],
	['Time Range', { operation: 'describeTasks', timeRange: '={{ $json.huge }}' }],
	['Output', { operation: 'describeTasks', output: '={{ $json.huge }}' }],
	['URLs', { operation: 'submit', urls: '={{ "https://a.example.com/" + $json.huge }}' }],
	['URLs', { operation: 'submit', urls: '={{ $json.huge }}' }],
	['Type', { operation: 'submit', urls: 'https://a.example.com/a.js', type: '={{ $json.huge }}' }],
] as Array<[string, INodeParameters]>)(
	'a 5 MB value for %s gives a short message',
	async (field, parameters) => {
		const result = await runWorkflow(
			ucdnWorkflow({ resource: 'refresh', ...parameters }, { input: [{ huge: HUGE }] }),
			{ credentials: simulatorCredentials(sim) },
		);
		expect(result.error?.message).toMatch(new RegExp(`^${escape(field)}: `));
		expect(`${result.error?.message} ${result.error?.description ?? ''}`.length).toBeLessThan(600);
	},
);
