import { ParameterError } from '../../nodes/shared/helpers/errors';
import { parseList } from '../../nodes/Ucdn/helpers/lists';

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
