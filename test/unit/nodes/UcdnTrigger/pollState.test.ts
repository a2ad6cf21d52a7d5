import type { IDataObject } from 'n8n-workflow';

import type { Memory } from '../../../../nodes/UcdnTrigger/pollState';
import {
	MARGIN,
	pendingBefore,
	readMemory,
	selectNew,
	windowStart,
} from '../../../../nodes/UcdnTrigger/pollState';
import { at } from '../../../at';
import { listedTask as task } from '../../fixtures';

describe('selectNew', () => {
	const T = 1_000_000;
	const since = T - 86_400;
	const ids = (list: { TaskId?: unknown }[]) => list.map((t) => t.TaskId);
	const memory = (partial: Partial<Memory>): Memory => ({
		until: T,
		pending: {},
		recent: {},
		undated: {},
		...partial,
	});

	test('the first poll emits nothing, remembers the pending tasks and the final ones near its end', () => {
		const { fresh, memory: next } = selectNew(
			undefined,
			[
				task('old', 'success', T - 5000),
				task('near', 'failure', T - 100),
				task('run', 'process', T - 7000),
				task('wait', 'wait', T - 10),
				task('odd', 'unknow', T - 20),
			],
			{ now: T, since },
		);
		expect(fresh).toEqual([]);
		expect(next).toEqual({
			until: T,
			pending: { run: T - 7000, wait: T - 10, odd: T - 20 },
			recent: { 'near:failure': T - 100 },
			undated: {},
		});
	});

	test('a task pending at the last poll and final now is new, however old', () => {
		const before = memory({ pending: { run: T - 80_000 } });
		const { fresh, memory: next } = selectNew(before, [task('run', 'failure', T - 80_000)], {
			now: T + 60,
			since: since + 60,
		});
		expect(ids(fresh)).toEqual(['run']);
		expect(next.pending).toEqual({});
		expect(next.recent).toEqual({});
	});

	test('a final task created after the last poll is new; not again on the poll after', () => {
		const first = selectNew(memory({}), [task('a', 'success', T + 30)], {
			now: T + 60,
			since: since + 60,
		});
		expect(ids(first.fresh)).toEqual(['a']);
		expect(first.memory.recent).toEqual({ 'a:success': T + 30 });
		const second = selectNew(first.memory, [task('a', 'success', T + 30)], {
			now: T + 120,
			since: since + 120,
		});
		expect(second.fresh).toEqual([]);
	});

	test('a task listed late, created within MARGIN before the last poll, is new once', () => {
		const before = memory({ recent: { 'seen:success': T - 100 } });
		const { fresh, memory: next } = selectNew(
			before,
			[task('seen', 'success', T - 100), task('late', 'success', T - 200)],
			{ now: T + 60, since: since + 60 },
		);
		expect(ids(fresh)).toEqual(['late']);
		expect(next.recent).toEqual({ 'seen:success': T - 100, 'late:success': T - 200 });
	});

	test('a final task created more than MARGIN before the last poll and not pending was seen then', () => {
		const { fresh } = selectNew(memory({}), [task('old', 'success', T - MARGIN - 1)], {
			now: T + 60,
			since: since + 60,
		});
		expect(fresh).toEqual([]);
	});

	test('TaskIds named like fields of every object (constructor) are remembered like others', () => {
		const old = task('constructor', 'success', T - 2 * MARGIN, T - 100);
		expect(selectNew(memory({}), [old], { now: T + 60, since }).fresh).toEqual([]);
		const running = task('toString', 'process', T - 2 * MARGIN);
		const next = selectNew(memory({}), [running], { now: T + 60, since }).memory;
		const ended = task('toString', 'success', T - 2 * MARGIN, T + 100);
		expect(selectNew(next, [ended], { now: T + 120, since }).fresh).toEqual([ended]);
	});

	test('recent keeps only tasks created within MARGIN before this poll', () => {
		const before = memory({ recent: { 'a:success': T - 501, 'b:success': T - 50 } });
		const { memory: next } = selectNew(before, [], { now: T + 100, since: since + 100 });
		expect(next.recent).toEqual({ 'b:success': T - 50 });
	});

	test('a final task without CreateTime is new once, remembered for Look Back', () => {
		const undated = { TaskId: 'u', Status: 'success', UrlLists: [] };
		const first = selectNew(memory({}), [undated], { now: T + 60, since: since + 60 });
		expect(ids(first.fresh)).toEqual(['u']);
		expect(first.memory.undated).toEqual({ 'u:success': T + 60 });
		let next = first.memory;
		for (const at of [T + 120, T + 3600, T + 86_400]) {
			const poll = selectNew(next, [undated], { now: at, since: at - 86_400 });
			expect(poll.fresh).toEqual([]);
			next = poll.memory;
		}
		expect(next.undated).toEqual({ 'u:success': T + 60 });
		// Once Look Back has passed since it was first seen, the API can no longer list it.
		const after = selectNew(next, [], { now: T + 86_461, since: T + 61 });
		expect(after.memory.undated).toEqual({});
	});

	test('pending tasks are kept while inside Look Back, even when a poll does not list them', () => {
		const before = memory({ pending: { a: since + 10, b: since + 5000 } });
		const { memory: next } = selectNew(before, [], { now: T + 100, since: since + 100 });
		expect(next.pending).toEqual({ b: since + 5000 });
	});

	test('a task listed twice (window and TaskId query) is taken once', () => {
		const before = memory({ pending: { a: T - 10 } });
		const { fresh } = selectNew(
			before,
			[task('a', 'success', T - 10), task('a', 'success', T - 10)],
			{
				now: T + 60,
				since,
			},
		);
		expect(ids(fresh)).toEqual(['a']);
	});

	test('after an upgrade, the earlier version’s keys say what was emitted', () => {
		const { fresh, memory: next } = selectNew(
			undefined,
			[task('done', 'success', T - 5000), task('missed', 'failure', T - 4000)],
			{ now: T, since, legacy: new Set(['done:success']) },
		);
		expect(ids(fresh)).toEqual(['missed']);
		expect(next.until).toBe(T);
	});

	/**
	 * One poll at `now` as the trigger makes it: of the tasks the API answers with, those its
	 * window lists and the pending ones it asks for by TaskId (a task without CreateTime is in
	 * the window).
	 */
	const pollAt = (last: Memory, now: number, answer: IDataObject[]) => {
		const since = now - 86_400;
		const begin = windowStart(last, now, since);
		const asked = new Set(pendingBefore(last, begin, since));
		const listed = answer.filter(
			(t) =>
				t.CreateTime === undefined || Number(t.CreateTime) >= begin || asked.has(String(t.TaskId)),
		);
		return selectNew(last, listed, { now, since });
	};
	/** Polls a minute apart after T, poll n (from 1) answered with `answer(n)`: what each emitted and remembered. */
	const pollsEveryMinute = (count: number, answer: (n: number) => IDataObject[]) => {
		const emitted: unknown[][] = [];
		const memories: Memory[] = [];
		let last = memory({});
		for (let n = 1; n <= count; n++) {
			const poll = pollAt(last, T + 60 * n, answer(n));
			emitted.push(ids(poll.fresh));
			memories.push(poll.memory);
			last = poll.memory;
		}
		return { emitted, memories, last };
	};
	const undatedTask = (id: string, status: string) => ({
		TaskId: id,
		Status: status,
		UrlLists: [],
	});

	describe('a lagging replica lists a task that has ended as pending again', () => {
		test('success, then process (stale), then success: emitted once', () => {
			const { emitted } = pollsEveryMinute(3, (n) => [
				task('a', n === 2 ? 'process' : 'success', T - 100),
			]);
			expect(emitted).toEqual([['a'], [], []]);
		});

		test('stale as the task leaves MARGIN: emitted once, then forgotten', () => {
			// Created 500 s before T: the third poll's window no longer lists it, the trigger asks
			// for it by TaskId as it was pending again.
			const { emitted, last } = pollsEveryMinute(4, (n) => [
				task('a', n === 2 ? 'process' : 'success', T - 500),
			]);
			expect(emitted).toEqual([['a'], [], [], []]);
			expect(last).toEqual(memory({ until: T + 240 }));
		});

		test('replicas that alternate, success and process, over 40 polls: emitted once', () => {
			const { emitted, last } = pollsEveryMinute(40, (n) => [
				task('a', n % 2 === 1 ? 'success' : 'process', T + 30),
			]);
			expect(emitted.flat()).toEqual(['a']);
			expect(at(emitted, 0)).toEqual(['a']);
			// Final and out of MARGIN on poll 11: no longer read, nor remembered.
			expect(last).toEqual(memory({ until: T + 2400 }));
		});

		test('a different final state may be emitted again; each state once', () => {
			const statuses = ['success', 'process', 'failure', 'process', 'success', 'failure'];
			const { emitted } = pollsEveryMinute(statuses.length, (n) => [
				task('a', at(statuses, n - 1), T - 100),
			]);
			expect(emitted).toEqual([['a'], [], ['a'], [], [], []]);
			const direct = pollsEveryMinute(3, (n) => [task('b', n === 1 ? 'success' : 'failure', T)]);
			expect(direct.emitted).toEqual([['b'], ['b'], []]);
		});

		test('the same for a task listed without CreateTime', () => {
			const alternating = pollsEveryMinute(40, (n) => [
				undatedTask('u', n % 2 === 1 ? 'success' : 'process'),
			]);
			expect(alternating.emitted.flat()).toEqual(['u']);
			expect(at(alternating.emitted, 0)).toEqual(['u']);
			const statuses = ['success', 'process', 'failure', 'process', 'success', 'failure'];
			const changed = pollsEveryMinute(statuses.length, (n) => [
				undatedTask('v', at(statuses, n - 1)),
			]);
			expect(changed.emitted).toEqual([['v'], [], ['v'], [], [], []]);
		});

		test('a task listed once without CreateTime and once with it, in one state: emitted once', () => {
			const { emitted } = pollsEveryMinute(3, (n) => [
				n === 2 ? task('a', 'success', T) : undatedTask('a', 'success'),
			]);
			expect(emitted).toEqual([['a'], [], []]);
		});

		test('memory stays bounded: a task pending again keeps one entry per state seen, none once final and out of MARGIN', () => {
			// 1,000 tasks created over the 10 minutes before T, every other poll stale.
			const count = 1000;
			const { emitted, memories, last } = pollsEveryMinute(30, (n) =>
				Array.from({ length: count }, (_, k) =>
					task(`t${k}`, n % 2 === 1 ? 'success' : 'process', T - (k * MARGIN) / count),
				),
			);
			expect(emitted.flat()).toHaveLength(count);
			for (const remembered of memories) {
				const entries =
					Object.keys(remembered.pending).length +
					Object.keys(remembered.recent).length +
					Object.keys(remembered.undated).length;
				expect(entries).toBeLessThanOrEqual(2 * count);
			}
			expect(last).toEqual(memory({ until: T + 1800 }));
		});
	});

	test('100,000 final tasks in the window: the memory holds only those near its end', () => {
		const many = Array.from({ length: 100_000 }, (_, n) => task(`t${n}`, 'success', T - n));
		const { memory: next } = selectNew(memory({ until: T - 60 }), many, {
			now: T,
			since: T - 200_000,
		});
		expect(Object.keys(next.recent)).toHaveLength(MARGIN + 1);
		expect(JSON.stringify(next).length).toBeLessThan(20_000);
	});
});

describe('the window of a poll', () => {
	test('a first poll reads all of Look Back; later polls from MARGIN before the last EndTime', () => {
		expect(windowStart(undefined, 10_000, 1000)).toBe(1000);
		const last = { until: 9000, pending: {}, recent: {}, undated: {} };
		expect(windowStart(last, 10_000, 1000)).toBe(9000 - MARGIN);
		// Inactive for longer than Look Back: the whole Look Back again.
		expect(windowStart(last, 100_000, 20_000)).toBe(20_000);
	});

	test('pending tasks older than the window are asked for by TaskId, while inside Look Back', () => {
		const last = {
			until: 9000,
			pending: { old: 500, mid: 2000, near: 8800 },
			recent: {},
			undated: {},
		};
		expect(pendingBefore(last, 8400, 1000)).toEqual(['mid']);
		expect(pendingBefore(undefined, 8400, 1000)).toEqual([]);
	});

	test('readMemory takes back what was saved, and nothing else', () => {
		const saved = { until: 5, pending: { a: 1 }, recent: {}, undated: { 'b:success': 3 } };
		expect(readMemory(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
		expect(readMemory(undefined)).toBeUndefined();
		expect(readMemory({ until: '5', pending: {}, recent: {}, undated: {} })).toBeUndefined();
		expect(readMemory({ until: 5, pending: { a: 'x' }, recent: {}, undated: {} })).toBeUndefined();
	});
});
