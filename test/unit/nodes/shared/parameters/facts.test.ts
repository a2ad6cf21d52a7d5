import { ParameterError } from '../../../../../nodes/shared/errors';
import {
	checkEntries,
	optionalText,
	readChoice,
	readNumber,
	readSwitch,
	readWholeNumber,
} from '../../../../../nodes/shared/parameters/facts';

/** The readers, called as the old free functions were: a parameter's facts from its name and bounds. */
const wholeNumber = (value: unknown, displayName: string, min: number, max: number) =>
	readWholeNumber(value, { displayName, name: 'n', min, max, default: min });
const numberInRange = (value: unknown, displayName: string, min: number, max: number) =>
	readNumber(value, { displayName, name: 'n', min, max, default: min });
const choice = (value: unknown, displayName: string, allowed: string[]) =>
	readChoice(value, {
		displayName,
		name: 'n',
		options: allowed.map((value) => ({ name: value, value })),
		default: allowed[0] as string,
	});
const flag = (value: unknown, displayName: string) => readSwitch(value, { displayName, name: 'n' });

const failure = (run: () => unknown): string => {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(ParameterError);
		return (error as ParameterError).message;
	}
	throw new Error('expected a ParameterError');
};

describe('wholeNumber', () => {
	test('accepts integers in range, also as numeric text', () => {
		expect(wholeNumber(5, 'Limit', 1, 10)).toBe(5);
		expect(wholeNumber(' 7 ', 'Limit', 1, 10)).toBe(7);
		expect(wholeNumber(1, 'Limit', 1, 10)).toBe(1);
		expect(wholeNumber(10, 'Limit', 1, 10)).toBe(10);
	});

	test.each([0, 11, 2.5, NaN, Infinity, '', 'ten', true, null, [3], { n: 3 }])(
		'refuses %p',
		(value) => {
			expect(failure(() => wholeNumber(value, 'Limit', 1, 10))).toMatch(
				/^Limit: must be a whole number from 1 to 10, got /,
			);
		},
	);
});

describe('numberInRange', () => {
	test('accepts fractions in range', () => {
		expect(numberInRange(2.5, 'Poll Interval', 2, 10)).toBe(2.5);
		expect(numberInRange('3.25', 'Poll Interval', 2, 10)).toBe(3.25);
	});

	test.each([1.99, 10.01, NaN, -Infinity, 'often', false])('refuses %p', (value) => {
		expect(failure(() => numberInRange(value, 'Poll Interval', 2, 10))).toMatch(
			/^Poll Interval: must be a number from 2 to 10/,
		);
	});
});

describe('choice and flag', () => {
	test('choice takes only the listed values, case-sensitive', () => {
		expect(choice('dir', 'Type', ['file', 'dir'])).toBe('dir');
		expect(failure(() => choice('DIR', 'Type', ['file', 'dir']))).toBe(
			'Type: must be one of file, dir, got "DIR"',
		);
		expect(failure(() => choice(undefined, 'Type', ['file']))).toBe(
			'Type: must be one of file, got undefined',
		);
	});

	test('flag takes booleans and the text true/false', () => {
		expect(flag(true, 'Return All')).toBe(true);
		expect(flag('false', 'Return All')).toBe(false);
		expect(failure(() => flag('yes', 'Return All'))).toBe(
			'Return All: must be true or false, got "yes"',
		);
		expect(failure(() => flag(1, 'Return All'))).toBe('Return All: must be true or false, got 1');
	});
});

describe('optionalText', () => {
	test('trims, and empty means not set', () => {
		expect(optionalText('  org-1 ', 'Project ID', 64)).toBe('org-1');
		expect(optionalText('', 'Project ID', 64)).toBeUndefined();
		expect(optionalText(undefined, 'Project ID', 64)).toBeUndefined();
		expect(optionalText(42, 'Project ID', 64)).toBe('42');
	});

	test('refuses lists, objects, control characters and overlong text', () => {
		expect(failure(() => optionalText(['org'], 'Project ID', 64))).toBe(
			'Project ID: must be text, got a list',
		);
		expect(failure(() => optionalText({}, 'Project ID', 64))).toBe(
			'Project ID: must be text, got object',
		);
		expect(failure(() => optionalText('a\u0000b', 'Project ID', 64))).toBe(
			'Project ID: contains control characters',
		);
		expect(failure(() => optionalText('o'.repeat(65), 'Project ID', 64))).toBe(
			'Project ID: is longer than 64 characters',
		);
	});
});

describe('checkEntries', () => {
	const limits = { max: 3, maxLength: 5 };
	test('passes lists within the limits', () => {
		expect(() => checkEntries(['a', 'bbbbb', 'c'], 'Task IDs', limits)).not.toThrow();
	});

	test('names the count, or the 1-based entry that is wrong', () => {
		expect(failure(() => checkEntries(['a', 'b', 'c', 'd'], 'Task IDs', limits))).toBe(
			'Task IDs: has 4 entries; at most 3 are allowed',
		);
		expect(failure(() => checkEntries(['a', 'bbbbbb'], 'Task IDs', limits))).toBe(
			'Task IDs: entry 2 is longer than 5 characters',
		);
		expect(failure(() => checkEntries(['a\u0007'], 'Task IDs', limits))).toBe(
			'Task IDs: entry 1 contains control characters',
		);
	});
});

describe('quoted values are short excerpts', () => {
	const huge = 'z'.repeat(5_000_000);
	test.each([
		['wholeNumber', () => wholeNumber(huge, 'Limit', 1, 10)],
		['numberInRange', () => numberInRange(huge, 'Timeout', 1, 10)],
		['choice', () => choice(huge, 'Output', ['task', 'raw'])],
		['flag', () => flag(huge, 'Return All')],
	])('%s', (_name, check) => {
		const message = failure(check);
		expect(message).toMatch(/, got "z{100}…"$/);
	});

	test('lists and objects are named by kind, however deep or large', () => {
		let deep: unknown = 1;
		for (let level = 0; level < 20_000; level++) deep = { a: deep };
		expect(failure(() => wholeNumber(deep, 'Limit', 1, 10))).toBe(
			'Limit: must be a whole number from 1 to 10, got an object',
		);
		expect(failure(() => flag([huge], 'Return All'))).toBe(
			'Return All: must be true or false, got a list',
		);
	});
});
