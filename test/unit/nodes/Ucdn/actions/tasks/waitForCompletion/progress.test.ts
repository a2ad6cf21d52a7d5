import {
	assess,
	describePending,
	failedUrls,
	taskProgress,
} from '../../../../../../../nodes/Ucdn/actions/tasks/waitForCompletion/progress';

describe('waiting', () => {
	const task = (id: string, status: string, urls: Array<[string, string, number]>) => ({
		TaskId: id,
		Status: status,
		UrlLists: urls.map(([Url, Status, Progress]) => ({ Url, Status, Progress })),
	});

	test('done only when every requested task is found in a final state', () => {
		const a = task('a', 'success', [['u1', 'success', 100]]);
		const b = task('b', 'process', [
			['u2', 'process', 40],
			['u3', 'wait', 0],
		]);
		expect(assess(['a'], [a, b])).toEqual({ done: true, tasks: [a], missing: [], pending: [] });
		expect(assess(['b', 'a'], [a, b])).toEqual({
			done: false,
			tasks: [b, a],
			missing: [],
			pending: [b],
		});
		expect(assess(['a', 'c'], [a])).toEqual({
			done: false,
			tasks: [a],
			missing: ['c'],
			pending: [],
		});
		expect(assess(['x'], [task('x', 'unknow', [])]).done).toBe(false);
		expect(assess(['x'], [task('x', 'failure', [])]).done).toBe(true);
	});

	test('progress is the mean of the URLs’ progress', () => {
		expect(
			taskProgress(
				task('b', 'process', [
					['u2', 'process', 40],
					['u3', 'wait', 0],
				]),
			),
		).toBe(20);
		expect(taskProgress({ TaskId: 'x' })).toBe(0);
	});

	test('pending tasks are described with state and progress', () => {
		const state = assess(['b', 'c'], [task('b', 'process', [['u', 'process', 50]])]);
		expect(describePending(state)).toBe('b (process, 50%), c (not found yet)');
	});

	test('failed URLs name their task; a failed task without URL detail counts whole', () => {
		expect(
			failedUrls([
				task('a', 'failure', [
					['u1', 'success', 100],
					['u2', 'failure', 100],
				]),
				task('b', 'success', [['u3', 'success', 100]]),
				task('c', 'failure', []),
			]),
		).toEqual(['u2 (task a)', 'task c']);
	});
});

test('waiting copes with odd task data: numeric TaskIds, URL entries that are not objects, progress as text', () => {
	const task = {
		TaskId: 42,
		Status: 'process',
		UrlLists: [null, { Progress: '30' }, { Progress: 'x' }, 'junk', { Progress: 50 }],
	};
	expect(assess(['42'], [task]).tasks).toEqual([task]);
	expect(taskProgress(task)).toBe(40);
});
