import type { IDataObject } from 'n8n-workflow';

import type { Page, PageRequest } from '../../../../../nodes/shared/paging';
import { MAX_PAGES, readPages } from '../../../../../nodes/shared/paging';

const task = (n: number): IDataObject => ({ TaskId: `t${n}`, CreateTime: 1000 - n });

/** A list served by Offset/Limit as the API serves it; `mutate` runs before each page. */
function server(
	list: IDataObject[],
	{
		total,
		mutate,
	}: { total?: (list: IDataObject[]) => number | undefined; mutate?: (call: number) => void } = {},
) {
	const calls: PageRequest[] = [];
	const fetchPage = async (request: PageRequest): Promise<Page> => {
		mutate?.(calls.length);
		calls.push(request);
		const tasks = list.slice(request.offset, request.offset + request.limit);
		const response = { TotalCount: total ? total(list) : list.length, TaskList: tasks };
		return { tasks, total: total ? total(list) : list.length, response };
	};
	return { calls, fetchPage };
}

test('Return All reads every page until TotalCount', async () => {
	const { calls, fetchPage } = server(Array.from({ length: 250 }, (_, n) => task(n)));
	const result = await readPages(fetchPage, { offset: 0, pageSize: 100, max: Infinity });
	expect(calls).toEqual([
		{ offset: 0, limit: 100 },
		{ offset: 100, limit: 100 },
		{ offset: 200, limit: 100 },
	]);
	expect(result.tasks.map((t) => t.TaskId)).toEqual(Array.from({ length: 250 }, (_, n) => `t${n}`));
	expect(result.responses).toHaveLength(3);
});

test('onTask takes each task once, in order, as its page is read; no response is kept', async () => {
	const { calls, fetchPage } = server(Array.from({ length: 250 }, (_, n) => task(n)));
	const taken: Array<[unknown, number]> = [];
	const result = await readPages(fetchPage, {
		offset: 0,
		pageSize: 100,
		max: 220,
		onTask: (t) => taken.push([t.TaskId, calls.length]),
	});
	expect(taken).toEqual(Array.from({ length: 220 }, (_, n) => [`t${n}`, Math.floor(n / 100) + 1]));
	expect(result).toEqual({ tasks: [], responses: [] });
});

test('an exact multiple of the page size needs no extra empty call', async () => {
	const { calls, fetchPage } = server(Array.from({ length: 200 }, (_, n) => task(n)));
	await readPages(fetchPage, { offset: 0, pageSize: 100, max: Infinity });
	expect(calls).toHaveLength(2);
});

test('a limit stops early and asks only for what is missing', async () => {
	const { calls, fetchPage } = server(Array.from({ length: 250 }, (_, n) => task(n)));
	const result = await readPages(fetchPage, { offset: 5, pageSize: 100, max: 130 });
	expect(calls).toEqual([
		{ offset: 5, limit: 100 },
		{ offset: 105, limit: 30 },
	]);
	expect(result.tasks.map((t) => t.TaskId)).toEqual(
		Array.from({ length: 130 }, (_, n) => `t${n + 5}`),
	);
});

test('a task that shifts onto the next page is emitted once', async () => {
	const list = Array.from({ length: 20 }, (_, n) => task(n));
	// Two new tasks arrive at the head of the list after the first page was read.
	const { fetchPage } = server(list, {
		mutate: (call) => call === 1 && list.unshift(task(100), task(101)),
	});
	const result = await readPages(fetchPage, { offset: 0, pageSize: 10, max: Infinity });
	const ids = result.tasks.map((t) => t.TaskId);
	expect(new Set(ids).size).toBe(ids.length);
	for (let n = 0; n < 20; n++) expect(ids).toContain(`t${n}`);
});

test('tasks created at the head between every two pages: each task that was there at the start, once', async () => {
	const list = Array.from({ length: 300 }, (_, n) => task(n));
	let created = 0;
	// 60 new tasks between two calls: pages of 100 bring 60 repeats each.
	const { fetchPage } = server(list, {
		mutate: (call) => {
			if (call > 0) list.unshift(...Array.from({ length: 60 }, () => task(-1 - created++)));
		},
	});
	const result = await readPages(fetchPage, { offset: 0, pageSize: 100, max: Infinity });
	expect(result.tasks.map((t) => t.TaskId)).toEqual(Array.from({ length: 300 }, (_, n) => `t${n}`));
});

test('tasks leaving the list mid-walk (TotalCount shrinks): the walk steps back, none is missed', async () => {
	const list = Array.from({ length: 30 }, (_, n) => task(n));
	// After the first page, 3 tasks already read leave the list (they changed status, say).
	const { fetchPage } = server(list, { mutate: (call) => call === 1 && list.splice(2, 3) });
	const result = await readPages(fetchPage, { offset: 0, pageSize: 10, max: Infinity });
	const ids = result.tasks.map((t) => String(t.TaskId));
	expect(ids).toHaveLength(30);
	expect(ids.sort()).toEqual(Array.from({ length: 30 }, (_, n) => `t${n}`).sort());
});

test('a server that ignores Offset: a problem on the second call', async () => {
	const list = Array.from({ length: 10 }, (_, n) => task(n));
	let calls = 0;
	const result = await readPages(
		async () => {
			calls++;
			return { tasks: list, total: 1_000_000, response: {} };
		},
		{ offset: 0, pageSize: 10, max: Infinity },
	);
	expect(result.problem?.message).toMatch(/ignores Offset/);
	expect(calls).toBe(2);
});

test('a page repeated because exactly a page of new tasks arrived is not taken for an ignored Offset', async () => {
	const list = Array.from({ length: 25 }, (_, n) => task(n));
	const { fetchPage } = server(list, {
		mutate: (call) =>
			call === 1 && list.unshift(...Array.from({ length: 10 }, (_, n) => task(-1 - n))),
	});
	const result = await readPages(fetchPage, { offset: 0, pageSize: 10, max: Infinity });
	expect(result.tasks.map((t) => t.TaskId)).toEqual(Array.from({ length: 25 }, (_, n) => `t${n}`));
});

test('an empty page before TotalCount is a problem, not a shorter list', async () => {
	const { calls, fetchPage } = server([task(1)], { total: () => 500 });
	expect(
		(await readPages(fetchPage, { offset: 0, pageSize: 1, max: Infinity })).problem?.message,
	).toMatch('The API listed 1 tasks, then an empty page before its TotalCount of 500');
	expect(calls).toHaveLength(2);
});

test('without TotalCount a short page is the last one', async () => {
	const { calls, fetchPage } = server(
		Array.from({ length: 15 }, (_, n) => task(n)),
		{ total: () => undefined },
	);
	const result = await readPages(fetchPage, { offset: 0, pageSize: 10, max: Infinity });
	expect(calls).toHaveLength(2);
	expect(result.tasks).toHaveLength(15);
});

describe('TotalCount that disagrees with the pages', () => {
	test('a server capping the page size: a short page before TotalCount does not end the walk', async () => {
		const list = Array.from({ length: 250 }, (_, n) => task(n));
		const calls: PageRequest[] = [];
		const result = await readPages(
			async (request) => {
				calls.push(request);
				const tasks = list.slice(request.offset, request.offset + Math.min(request.limit, 50));
				return { tasks, total: 250, response: {} };
			},
			{ offset: 0, pageSize: 100, max: Infinity },
		);
		expect(result.tasks).toHaveLength(250);
		expect(calls).toHaveLength(5);
	});

	test('a stale, too small TotalCount: full pages go on until a short one', async () => {
		const { calls, fetchPage } = server(
			Array.from({ length: 250 }, (_, n) => task(n)),
			{ total: () => 7 },
		);
		const result = await readPages(fetchPage, { offset: 0, pageSize: 100, max: Infinity });
		expect(result.tasks).toHaveLength(250);
		expect(calls).toHaveLength(3);
	});

	test('a too large TotalCount: the empty page is a problem', async () => {
		const { calls, fetchPage } = server(
			Array.from({ length: 150 }, (_, n) => task(n)),
			{ total: () => 1000 },
		);
		const { problem } = await readPages(fetchPage, { offset: 0, pageSize: 100, max: Infinity });
		expect(problem?.message).toMatch(/empty page before its TotalCount of 1000/);
		expect(calls).toHaveLength(3);
	});

	test('far more tasks than TotalCount: a problem after a number of calls bounded by TotalCount', async () => {
		const { calls, fetchPage } = server(
			Array.from({ length: 5000 }, (_, n) => task(n)),
			{ total: () => 150 },
		);
		const { problem } = await readPages(fetchPage, { offset: 0, pageSize: 100, max: Infinity });
		expect(problem?.message).toBe('Paging did not reach the end of the list after 7 calls');
		expect(calls).toHaveLength(7);
	});

	/** A server that makes up a new page of tasks for every call. */
	const inventing = (total?: number) => {
		let calls = 0;
		const fetchPage = async ({ limit }: PageRequest): Promise<Page> => {
			const tasks = Array.from({ length: limit }, () => task(calls * limit));
			calls++;
			return { tasks, total, response: {} };
		};
		return { fetchPage, calls: () => calls };
	};

	test.each([
		['with a TotalCount it never reaches', Number.MAX_SAFE_INTEGER],
		['without TotalCount', undefined],
	])(
		`a server inventing new tasks forever, %s: a problem after ${MAX_PAGES} calls`,
		async (_what, total) => {
			const server = inventing(total);
			const { problem } = await readPages(server.fetchPage, {
				offset: 0,
				pageSize: 1,
				max: Infinity,
			});
			expect(problem?.message).toMatch(`after ${MAX_PAGES} calls`);
			expect(server.calls()).toBe(MAX_PAGES);
		},
	);
});

describe('a list served whole, whatever Offset and Limit say', () => {
	const list = Array.from({ length: 150 }, (_, n) => ({ DomainId: `d${n}` }));
	const whole = async () => ({ tasks: list, response: { DomainList: list } });
	const DOMAINS = { field: 'DomainList', key: 'DomainId', noun: 'domain', oversizedIsWhole: true };

	test('where the list says so (the domain list), more entries than asked, with no TotalCount, are the whole list', async () => {
		let calls = 0;
		const result = await readPages(async () => (calls++, await whole()), {
			offset: 0,
			pageSize: 100,
			max: Infinity,
			shape: DOMAINS,
		});
		expect(result.problem).toBeUndefined();
		expect(result.tasks).toHaveLength(150);
		expect(calls).toBe(1);
		const some = await readPages(whole, { offset: 0, pageSize: 100, max: 120, shape: DOMAINS });
		expect(some.tasks).toHaveLength(120);
	});

	test('exactly as many as asked, repeated at the next Offset: asked again from the start for more, and a short answer ends it', async () => {
		const hundred = list.slice(0, 100);
		const calls: PageRequest[] = [];
		const result = await readPages(
			async (request) => (calls.push(request), { tasks: hundred, response: {} }),
			{ offset: 0, pageSize: 100, max: Infinity, shape: DOMAINS },
		);
		expect(result.problem).toBeUndefined();
		expect(result.tasks).toHaveLength(100);
		expect(calls).toEqual([
			{ offset: 0, limit: 100 },
			{ offset: 100, limit: 100 },
			{ offset: 0, limit: 200 },
		]);
	});

	test('an API that takes Limit but ignores Offset: asked for more from the start until an answer is short', async () => {
		const calls: PageRequest[] = [];
		const result = await readPages(
			async (request) => {
				calls.push(request);
				const tasks = list.slice(0, request.limit);
				return { tasks, response: {} };
			},
			{ offset: 0, pageSize: 100, max: Infinity, shape: DOMAINS },
		);
		expect(result.problem).toBeUndefined();
		expect(result.tasks.map((d) => d.DomainId)).toEqual(list.map((d) => d.DomainId));
		expect(calls.map((c) => c.limit)).toEqual([100, 100, 200]);
	});

	test('not when a TotalCount says there are more', async () => {
		const more = async () => ({ ...(await whole()), total: 400 });
		const result = await readPages(more, {
			offset: 0,
			pageSize: 100,
			max: Infinity,
			shape: DOMAINS,
		});
		expect(result.problem?.message).toMatch(/ignores Offset/);
	});

	test("Describe's tasks keep their rules: the same page again is an Offset ignored", async () => {
		const tasks = Array.from({ length: 150 }, (_, n) => task(n));
		const result = await readPages(async () => ({ tasks, response: {} }), {
			offset: 0,
			pageSize: 100,
			max: Infinity,
		});
		expect(result.problem?.message).toMatch(/ignores Offset/);
	});
});
