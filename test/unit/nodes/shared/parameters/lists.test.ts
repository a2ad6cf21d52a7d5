import { ParameterError } from '../../../../../nodes/shared/errors';
import { URL_SEPARATORS, chunk, parseList } from '../../../../../nodes/shared/parameters/lists';

describe('parseList', () => {
	test.each([
		['a,b,c', ['a', 'b', 'c']],
		['  a ,  b\n\nc\t d ', ['a', 'b', 'c', 'd']],
		['a, b, a, c, b', ['a', 'b', 'c']],
		[',,, \n', []],
		['', []],
		[undefined, []],
		[null, []],
		[
			['x', ' y ', '', 'x'],
			['x', 'y'],
		],
		[
			['a,b', ['c', ['d']]],
			['a', 'b', 'c', 'd'],
		],
		[
			[123, 'abc', 123],
			['123', 'abc'],
		],
		[77, ['77']],
	])('%p gives %p', (value, expected) => {
		expect(parseList(value, 'Task IDs')).toEqual(expected);
	});

	test.each([[{ TaskId: 'a' }], [[{ TaskId: 'a' }]], [true], [NaN]])(
		'%p is refused, naming the parameter',
		(value) => {
			expect(() => parseList(value, 'Task IDs')).toThrow(ParameterError);
			expect(() => parseList(value, 'Task IDs')).toThrow(/^Task IDs: /);
		},
	);
});

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
