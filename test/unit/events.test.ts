import type { Candidate } from '../../nodes/Ucdn/helpers/events';
import {
	MAX_SEEN,
	finishedAt,
	isEvent,
	latest,
	selectNew,
	statusFilter,
} from '../../nodes/Ucdn/helpers/events';

const task = (
	id: string,
	status: string,
	created: number,
	finished = 0,
	urls = ['https://a.example.com/x.js'],
) => ({
	TaskId: id,
	Status: status,
	CreateTime: created,
	UrlLists: urls.map((Url) => ({ Url, Status: status, FinishTime: finished })),
});
const candidate = (id: string, status: string, created: number, finished = 0): Candidate => ({
	resource: 'refresh',
	task: task(id, status, created, finished),
});

test('events, the statuses they match, and the Status to ask the API for', () => {
	expect(statusFilter('succeeded')).toBe('success');
	expect(statusFilter('failed')).toBe('failure');
	expect(statusFilter('finished')).toBeUndefined();
	expect(isEvent(task('a', 'success', 1), 'finished')).toBe(true);
	expect(isEvent(task('a', 'failure', 1), 'succeeded')).toBe(false);
	expect(isEvent(task('a', 'process', 1), 'finished')).toBe(false);
	expect(isEvent(task('a', 'unknow', 1), 'failed')).toBe(false);
});

test('the URL filter matches any URL of the task, and tolerates odd URL lists', () => {
	expect(
		isEvent(
			task('a', 'success', 1, 0, ['https://x.example.com/1', 'https://img.example.org/2']),
			'finished',
			'img.example.org',
		),
	).toBe(true);
	expect(isEvent(task('a', 'success', 1), 'finished', 'img.example.org')).toBe(false);
	expect(isEvent({ TaskId: 'a', Status: 'success', UrlLists: 'garbage' }, 'finished', 'x')).toBe(
		false,
	);
});

test('finishedAt is the last URL FinishTime, else the CreateTime', () => {
	expect(
		finishedAt({ CreateTime: 100, UrlLists: [{ FinishTime: 150 }, { FinishTime: '170' }] }),
	).toBe(170);
	expect(finishedAt({ CreateTime: 100 })).toBe(100);
});

describe('selectNew', () => {
	test('the first poll remembers everything and emits nothing', () => {
		const { fresh, seen } = selectNew(
			undefined,
			[candidate('a', 'success', 100), candidate('b', 'failure', 110)],
			0,
		);
		expect(fresh).toEqual([]);
		expect(seen).toEqual({ 'refresh:a:success': 100, 'refresh:b:failure': 110 });
	});

	test('later polls emit only what is new, oldest finish first', () => {
		const first = selectNew(undefined, [candidate('a', 'success', 100)], 0);
		const { fresh, seen } = selectNew(
			first.seen,
			[
				candidate('a', 'success', 100),
				candidate('c', 'success', 90, 300),
				candidate('b', 'failure', 110, 200),
			],
			0,
		);
		expect(fresh.map((c) => c.task.TaskId)).toEqual(['b', 'c']);
		expect(Object.keys(seen)).toHaveLength(3);
	});

	test('the same task id under another resource is another task', () => {
		const first = selectNew({}, [candidate('a', 'success', 100)], 0);
		const { fresh } = selectNew(
			first.seen,
			[{ resource: 'prefetch', task: task('a', 'success', 100) }],
			0,
		);
		expect(fresh).toHaveLength(1);
	});

	test('entries older than the window are forgotten', () => {
		const { seen } = selectNew({ 'refresh:old:success': 50, 'refresh:new:success': 150 }, [], 100);
		expect(seen).toEqual({ 'refresh:new:success': 150 });
	});

	test(`never more than ${MAX_SEEN} entries: the oldest go first`, () => {
		const many = Array.from({ length: MAX_SEEN + 10 }, (_, n) =>
			candidate(`t${n}`, 'success', 1000 + n),
		);
		const { seen } = selectNew({}, many, 0);
		expect(Object.keys(seen)).toHaveLength(MAX_SEEN);
		expect(seen['refresh:t9:success']).toBeUndefined();
		expect(seen['refresh:t10:success']).toBe(1010);
	});
});

test('latest is the candidate that finished last', () => {
	expect(
		latest([candidate('a', 'success', 100, 500), candidate('b', 'success', 200, 300)])?.task.TaskId,
	).toBe('a');
	expect(latest([])).toBeUndefined();
});
