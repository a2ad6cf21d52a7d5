import { finishedAt, isEvent, latest, statusFilter } from '../../../../nodes/UcdnTrigger/events';
import type { Candidate } from '../../../../nodes/UcdnTrigger/events';
import { listedTask as task } from '../../fixtures';

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

test('latest is the candidate that finished last', () => {
	expect(
		latest([candidate('a', 'success', 100, 500), candidate('b', 'success', 200, 300)])?.task.TaskId,
	).toBe('a');
	expect(latest([])).toBeUndefined();
});
