import { URL_SEPARATORS, chunk, parseList } from '../../nodes/Ucdn/helpers/lists';
import { validateUrls } from '../../nodes/Ucdn/helpers/urls';
import { assess, describePending, failedUrls, taskProgress } from '../../nodes/Ucdn/wait/progress';

describe('URL lists', () => {
	test.each([
		['https://a/1\nhttps://a/2', ['https://a/1', 'https://a/2']],
		['https://a/1 https://a/2\thttps://a/3', ['https://a/1', 'https://a/2', 'https://a/3']],
		['https://a/1,https://a/2, http://a/3,', ['https://a/1', 'https://a/2', 'http://a/3']],
		['https://a/img/w_100,h_100.png', ['https://a/img/w_100,h_100.png']],
		['https://a/x?list=1,2,3, https://a/y', ['https://a/x?list=1,2,3', 'https://a/y']],
		[
			['https://a/1', 'https://a/1', ['https://a/2']],
			['https://a/1', 'https://a/2'],
		],
	])('%p → %p', (value, expected) => {
		expect(parseList(value, 'URLs', URL_SEPARATORS)).toEqual(expected);
	});

	test('chunk', () => {
		expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(chunk([], 30)).toEqual([]);
		expect(chunk([1, 2], 30)).toEqual([[1, 2]]);
	});
});

describe('validateUrls', () => {
	test('accepts http(s) URLs with a host', () => {
		expect(() =>
			validateUrls(['https://a.example.com/x', 'http://b.example.com:8080/y?z=1'], {
				type: 'file',
				filesOnly: false,
			}),
		).not.toThrow();
		expect(() =>
			validateUrls(['https://a.example.com/dir/'], { type: 'dir', filesOnly: false }),
		).not.toThrow();
		expect(() => validateUrls(['HTTPS://A.EXAMPLE.COM/X'], { filesOnly: true })).not.toThrow();
	});

	test.each<[string[], { type?: 'file' | 'dir' | 'm3u8'; filesOnly: boolean }, string]>([
		[[], { filesOnly: false }, 'URLs: no URL given'],
		[
			['https://a/ok', 'www.example.com/x'],
			{ filesOnly: false },
			'URLs: URL 2 "www.example.com/x" must start with http:// or https://',
		],
		[['https://'], { filesOnly: false }, 'URLs: URL 1 "https://" has no valid host'],
		[['https://[bad/'], { filesOnly: false }, 'URLs: URL 1 "https://[bad/" has no valid host'],
		[
			['https://a/x\u0000y'],
			{ filesOnly: false },
			'URLs: URL 1 "https://a/x\\u0000y" contains whitespace or control characters',
		],
		[
			['https://a/x y'],
			{ filesOnly: false },
			'URLs: URL 1 "https://a/x y" contains whitespace or control characters',
		],
		[
			['https://a/dir'],
			{ type: 'dir', filesOnly: false },
			'URLs: URL 1 "https://a/dir" must end with / to refresh a directory',
		],
		[
			['https://a/dir/'],
			{ filesOnly: true },
			'URLs: URL 1 "https://a/dir/" is a directory; prefetch takes files only',
		],
	])('case %#: %s', (urls, options, message) => {
		expect(() => validateUrls(urls, options)).toThrow(message);
	});

	test('a very long URL is shortened in the message', () => {
		const long = `ftp://${'x'.repeat(500)}`;
		expect(() => validateUrls([long], { filesOnly: false })).toThrow(
			/"ftp:\/\/x{194}…" must start/,
		);
	});
});

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
