/**
 * The HTTP-chain benchmark's guards, without timing: the saved chain workflow (what users build
 * without the node) signs as UCloud documents and, played step by step against the simulator,
 * gives the same URL items as the node; and the helpers that read n8n's stored run data.
 */
import { runInNewContext } from 'node:vm';

import { readWorkflow } from '../../dev/engine/package';
import { runWorkflow } from '../../dev/engine/run';
import { simulatorCredentials, ucdnWorkflow } from '../../dev/engine/workflows';
import { generateTasks } from '../../dev/simulator/data';
import type { UcdnSimulator } from '../../dev/simulator/server';
import { TEST_PRIVATE_KEY, TEST_PUBLIC_KEY, startSimulator } from '../../dev/simulator/server';
import { DESCRIBE_ALL_URLS, PAGE_SIZE } from '../../scripts/bench/dataset';
import type { RunData } from '../../scripts/bench/runData';
import { nodeItems, nodeTimes, parseFlatted, urlKey } from '../../scripts/bench/runData';
import { at } from '../at';

const CHAIN = readWorkflow('bench/http-chain.workflow.json');
const node = (name: string) => {
	const found = CHAIN.nodes.find((n) => n.name === name);
	if (!found) throw new Error(`No node "${name}" in the chain`);
	return found;
};
type Json = Record<string, unknown>;

/** Runs a Code node's JavaScript as n8n does for "Run Once for All Items"; also returns its sha1. */
function runCode(name: string, input?: Json, all: Json[] = []) {
	const code = String(node(name).parameters.jsCode);
	const wrapped = `(function () {\n${code.replace(/^return /m, 'const result = ')}\nreturn { result, sha1: typeof sha1 === 'function' ? sha1 : undefined };\n})()`;
	const $input = { first: () => ({ json: input }), all: () => all.map((json) => ({ json })) };
	return runInNewContext(wrapped, { $input }) as {
		result: Array<{ json: Json }>;
		sha1: (text: string) => string;
	};
}

/** What the HTTP Request nodes send ("Using JSON": `JSON.stringify($json)`), and the answer. */
async function post(sim: UcdnSimulator, json: Json): Promise<Json> {
	const response = await fetch(`${sim.url}/`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(json),
	});
	return (await response.json()) as Json;
}

describe('the HTTP chain workflow', () => {
	test('is a straight chain of the nodes a user adds, with obviously fake keys', () => {
		const names = CHAIN.nodes.map((n) => n.name);
		for (const [n, name] of names.slice(0, -1).entries())
			expect(CHAIN.connections[name]?.main).toEqual([
				[{ node: names[n + 1], type: 'main', index: 0 }],
			]);
		expect(CHAIN.nodes.map((n) => n.type)).toEqual([
			'n8n-nodes-base.manualTrigger',
			'n8n-nodes-base.code',
			'n8n-nodes-base.httpRequest',
			'n8n-nodes-base.code',
			'n8n-nodes-base.httpRequest',
			'n8n-nodes-base.splitOut',
			'n8n-nodes-base.code',
		]);
		for (const http of CHAIN.nodes.filter((n) => n.type === 'n8n-nodes-base.httpRequest'))
			expect(http.parameters).toMatchObject({
				method: 'POST',
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify($json) }}',
			});
		const code = String(node('Sign count request').parameters.jsCode);
		expect(code).toContain(`'${TEST_PUBLIC_KEY}'`);
		expect(code).toContain(`'${TEST_PRIVATE_KEY}'`);
		expect(code).not.toMatch(/require\(/);
	});

	test("its SHA-1 gives the providers' published test vector", () => {
		const { sha1 } = runCode('Sign count request');
		expect(
			sha1(
				'ActionDescribeUHostInstanceLimit10PublicKeysomeone@example.com1296235120854146120Regioncn-bj246f09bb9fab4f12dfc160dae12273d5332b5debe',
			),
		).toBe('4201919d267504385deb93af19e0197870fed36b');
		// Multi-byte UTF-8, as node:crypto hashes it.
		expect(sha1('né ✓ 𝄞')).toBe('487fd9cf2869cb2a7f6ef3b5cd4a8310fcd683d1');
	});

	test('played against the simulator, gives the same URL items as the node', async () => {
		const sim = await startSimulator({ seed: false });
		try {
			// More than two pages of the chain's 1000 tasks.
			sim.addTasks(
				generateTasks({
					kind: 'refresh',
					count: 2 * PAGE_SIZE + 345,
					newest: Math.floor(Date.now() / 1000) - 60,
					spacing: 5,
					prefix: 'c',
				}),
			);
			const count = at(runCode('Sign count request').result, 0);
			const counted = await post(sim, count.json);
			expect(counted).toMatchObject({ RetCode: 0, TotalCount: 2 * PAGE_SIZE + 345 });
			const requests = runCode('Sign one request per page', counted).result;
			expect(requests.map((r) => r.json.Offset)).toEqual([0, PAGE_SIZE, 2 * PAGE_SIZE]);
			const pages = await Promise.all(requests.map(async (r) => await post(sim, r.json)));
			expect(pages.every((page) => page.RetCode === 0)).toBe(true);
			// Split Out (No Other Fields) spreads each element of the list into an item.
			const tasks = pages.flatMap((page) => (page.TaskList as Json[]).map((task) => ({ ...task })));
			const urls = runCode('URLs with task fields', undefined, tasks).result.map(
				({ json }) => json,
			);

			const result = await runWorkflow(
				ucdnWorkflow({
					...DESCRIBE_ALL_URLS,
					options: { pageSize: PAGE_SIZE },
				}),
				{ credentials: simulatorCredentials(sim) },
			);
			expect(result.error).toBeUndefined();
			const fromNode = result.json('UCDN');
			expect(urls).toHaveLength((2 * PAGE_SIZE + 345) * 2);
			expect(urls.map(urlKey)).toEqual(fromNode.map(urlKey));
			expect(urls).toEqual(fromNode);
		} finally {
			await sim.close();
		}
	});
});

describe("reading n8n's stored run data", () => {
	// flatted.stringify of a run with one node whose two items share one object.
	const stored =
		'[{"resultData":"1","s":"2","arr":"3"},{"runData":"4"},"x",["2",2,null,true],{"A":"5"},["6"],{"executionTime":3,"data":"7"},{"main":"8"},["9"],["10","11"],{"json":"12"},{"json":"12"},{"Url":"13","n":1},"u"]';

	test('parseFlatted restores values, strings and shared objects', () => {
		const run = parseFlatted(stored) as RunData & { s: string; arr: unknown[] };
		expect(run.s).toBe('x');
		expect(run.arr).toEqual(['x', 2, null, true]);
		const items = nodeItems(run, 'A');
		expect(items).toEqual([
			{ Url: 'u', n: 1 },
			{ Url: 'u', n: 1 },
		]);
		expect(items[0]).toBe(items[1]);
		expect(nodeItems(run, 'missing')).toEqual([]);
	});

	test('nodeTimes sums each node’s execution time over its runs', () => {
		const run: RunData = {
			resultData: {
				runData: { A: [{ executionTime: 3 }, { executionTime: 4 }], B: [{}] },
			},
		};
		expect(nodeTimes(run)).toEqual({ A: 7, B: 0 });
	});
});
