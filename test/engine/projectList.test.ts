/**
 * Project ID as a resource locator: the From List mode's list, loaded through n8n-core's
 * LoadOptionsContext as the editor loads it (signed by the credential, against the simulator's
 * GetProjectList), and the values the option can hold (From List, By ID, the plain text of
 * workflows saved before, empty) running Describe Tasks, Submit and the trigger.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { seedDomains } from '../../dev/simulator/data';
import type { UcdnSimulator } from '../../dev/simulator/server';
import {
	SECOND_PROJECT,
	TEST_PRIVATE_KEY,
	TEST_PUBLIC_KEY,
	startSimulator,
} from '../../dev/simulator/server';
import { searchList } from '../../dev/engine/listSearch';
import { pollTrigger } from '../../dev/engine/poll';
import { runWorkflow } from '../../dev/engine/run';
import { CREDENTIAL_REF, simulatorCredentials, ucdnWorkflow } from '../../dev/engine/workflows';
import { at } from '../at';

const LIST = 'GetProjectList';
const DESCRIBE = 'DescribeNewUcdnRefreshCacheTask';
const SUBMIT = 'RefreshNewUcdnDomainCache';

let sim: UcdnSimulator;
beforeAll(async () => {
	// Submit's URL (a.example.com) must be a domain of the project it is sent to.
	const secondWildcard = { Domain: '*.example.com', projectId: SECOND_PROJECT };
	sim = await startSimulator({ domains: [...seedDomains(), secondWildcard] });
});
afterAll(async () => {
	await sim.close();
});
afterEach(() => {
	sim.denied.clear();
});

/** The Project ID list of a node, as the editor loads it, and the requests that made it. */
async function projects(
	node: 'ucdn' | 'ucdnTrigger',
	filter?: string,
	credentials: IDataObject = {},
) {
	const before = sim.requests.length;
	const result = await searchList(node, 'options.projectId', {
		credentials: simulatorCredentials(sim, credentials),
		parameters: { resource: 'refresh', operation: 'describeTasks', options: {} },
		filter,
	});
	return { result, requests: sim.requests.slice(before) };
}

const ALL = [
	{ name: 'Default (org-default), the default project', value: 'org-default' },
	{ name: 'Second Site (org-second)', value: 'org-second' },
	{ name: 'Static Assets (org-static)', value: 'org-static' },
];

describe('the From List mode', () => {
	test('lists the account’s projects, the default one marked, with one signed call', async () => {
		const { result, requests } = await projects('ucdn');
		expect(result).toEqual({ results: ALL });
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'POST', action: LIST, retCode: 0 });
		expect(requests[0]?.params).toEqual({ Action: LIST, PublicKey: TEST_PUBLIC_KEY });
	});

	test('is not scoped by the credential’s Project ID', async () => {
		const { result, requests } = await projects('ucdn', undefined, { projectId: SECOND_PROJECT });
		expect(result.results).toEqual(ALL);
		expect(at(requests, 0).params.ProjectId).toBeUndefined();
	});

	test('the trigger offers the same list', async () => {
		expect((await projects('ucdnTrigger')).result).toEqual({ results: ALL });
	});

	test.each<[string, string[]]>([
		['second', ['org-second']],
		['STATIC', ['org-static']],
		['  org-DEF ', ['org-default']],
		['site', ['org-second']],
		['org-', ['org-default', 'org-second', 'org-static']],
		['', ['org-default', 'org-second', 'org-static']],
		['nothing like it', []],
	])('the search text %j filters by name or ID, ignoring case', async (filter, ids) => {
		const { result } = await projects('ucdn', filter);
		expect(result.results.map((item) => item.value)).toEqual(ids);
	});

	test('a key that may not list projects: says so and points to By ID', async () => {
		sim.denied.add(LIST);
		const error = await projects('ucdn').then(
			() => undefined,
			(caught: unknown) => caught as Error & { description?: string },
		);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(
			'This key may not list projects (RetCode 299): pick By ID and enter the project ID',
		);
		expect(error?.description).toMatch(/^UCloud API GetProjectList failed with RetCode 299/);
		expect(error?.description).toMatch(/permission for GetProjectList/);
		expect(JSON.stringify(error)).not.toContain(TEST_PRIVATE_KEY);
	});

	test('any other failure keeps its message and points to By ID', async () => {
		const error = await projects('ucdn', undefined, { privateKey: 'TEST-WRONG-PRIVATE-KEY' }).then(
			() => undefined,
			(caught: unknown) => caught as Error & { description?: string },
		);
		expect(error?.message).toBe(
			'UCloud API GetProjectList failed with RetCode 171: Signature VerifyAC Error',
		);
		expect(error?.description).toMatch(/The signature was rejected/);
		expect(error?.description).toMatch(/The list is optional: pick By ID and enter the project ID/);
	});
});

test('a stalled endpoint fails the list within seconds, not the minutes a node may wait, and says so', async () => {
	sim.failNext({ kind: 'stall' }, { times: 3, action: LIST });
	const before = sim.requestsFor(LIST).length;
	const started = Date.now();
	const error = await projects('ucdn').then(
		() => undefined,
		(caught: unknown) => caught as Error & { description?: string },
	);
	// One try and one retry of at most 5 s each (and the pause between them).
	expect(Date.now() - started).toBeLessThan(15_000);
	expect(sim.requestsFor(LIST).length - before).toBe(2);
	sim.clearFaults();
	expect(error?.message).toBe(
		`Could not get an answer from the UCloud API at ${sim.url} for GetProjectList`,
	);
	// The nodes' Request Timeout does not apply to the list: the error must not advise raising it.
	expect(error?.description).toBe(
		'The list gave up after 2 tries, 5 s each: pick By ID and enter the project ID instead.',
	);
	expect(`${error?.message} ${error?.description}`).not.toMatch(/Request Timeout/i);
}, 30_000);

/** A resource locator value as the editor saves it. */
const locator = (mode: 'list' | 'id', value: string) => ({
	__rl: true,
	mode,
	value,
	...(mode === 'list' && value ? { cachedResultName: `Project ${value}` } : {}),
});

/** The ProjectId each call of `action` sent when a node ran with this Project ID option. */
async function projectIdsSent(
	action: string,
	projectId: unknown,
	parameters: INodeParameters,
	credentials: IDataObject = {},
) {
	const before = sim.requests.length;
	const options = projectId === undefined ? {} : { projectId };
	const { error } = await runWorkflow(ucdnWorkflow({ ...parameters, options } as INodeParameters), {
		credentials: simulatorCredentials(sim, credentials),
	});
	expect(error).toBeUndefined();
	return sim.requests
		.slice(before)
		.filter((request) => request.action === action)
		.map((request) => request.params.ProjectId);
}

const describeTasks = { resource: 'refresh', operation: 'describeTasks', limit: 1 };
const submit = { resource: 'refresh', operation: 'submit', urls: 'https://a.example.com/x.js' };

describe('the values the option holds', () => {
	test.each<[string, unknown, string | undefined]>([
		['From List', locator('list', SECOND_PROJECT), SECOND_PROJECT],
		['By ID', locator('id', SECOND_PROJECT), SECOND_PROJECT],
		['By ID, with spaces around', locator('id', ` ${SECOND_PROJECT} `), SECOND_PROJECT],
		['plain text, as saved before', SECOND_PROJECT, SECOND_PROJECT],
		['an empty list choice', locator('list', ''), undefined],
		['an empty ID', locator('id', ''), undefined],
		['not set', undefined, undefined],
		// n8n's own extractValue reads a locator by its mode and value; hand-written, API-created
		// or generated workflows often leave out __rl.
		['a locator without __rl', { mode: 'id', value: SECOND_PROJECT }, SECOND_PROJECT],
	])('%s: Describe Tasks and Submit send it', async (_, projectId, sent) => {
		expect(await projectIdsSent(DESCRIBE, projectId, describeTasks)).toEqual([sent]);
		expect(await projectIdsSent(SUBMIT, projectId, submit)).toEqual([sent]);
	});

	test('empty means the credential’s Project ID', async () => {
		const credentials = { projectId: SECOND_PROJECT };
		for (const empty of [locator('list', ''), locator('id', ''), '', undefined]) {
			expect(await projectIdsSent(DESCRIBE, empty, describeTasks, credentials)).toEqual([
				SECOND_PROJECT,
			]);
		}
		expect(
			await projectIdsSent(DESCRIBE, locator('list', 'org-default'), describeTasks, credentials),
		).toEqual(['org-default']);
	});

	test('By ID works while the key may not list projects', async () => {
		sim.denied.add(LIST);
		expect(await projectIdsSent(SUBMIT, locator('id', SECOND_PROJECT), submit)).toEqual([
			SECOND_PROJECT,
		]);
	});

	test('By ID from an expression', async () => {
		const projectId = locator('id', `={{ "${SECOND_PROJECT}" }}`);
		expect(await projectIdsSent(DESCRIBE, projectId, describeTasks)).toEqual([SECOND_PROJECT]);
	});

	test('a locator whose value is not text is refused before any request', async () => {
		const before = sim.requests.length;
		const { error } = await runWorkflow(
			ucdnWorkflow({ ...describeTasks, options: { projectId: locator('id', '={{ [1] }}') } }),
			{ credentials: simulatorCredentials(sim) },
		);
		expect(error?.message).toMatch(/^Project ID: must be text/);
		expect(sim.requests.length).toBe(before);
	});

	test.each<[string, unknown]>([
		['From List', locator('list', SECOND_PROJECT)],
		['By ID', locator('id', SECOND_PROJECT)],
		['plain text', SECOND_PROJECT],
	])('the trigger polls the project given %s', async (_, projectId) => {
		const before = sim.requests.length;
		const { error } = await pollTrigger(
			{
				nodes: [
					{
						id: '1',
						name: 'UCDN Trigger',
						type: 'n8n-nodes-ucdn.ucdnTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {
							resource: 'refresh',
							event: 'finished',
							options: { projectId } as INodeParameters,
						},
						credentials: CREDENTIAL_REF,
					},
				],
				connections: {},
			},
			{ credentials: simulatorCredentials(sim) },
		);
		expect(error).toBeUndefined();
		const calls = sim.requests.slice(before).filter((request) => request.action === DESCRIBE);
		expect(calls.length).toBeGreaterThan(0);
		for (const call of calls) expect(call.params.ProjectId).toBe(SECOND_PROJECT);
	});
});
