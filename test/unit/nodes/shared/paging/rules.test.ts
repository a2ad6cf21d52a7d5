import {
	MAX_PAGES,
	callBudget,
	emptyTooEarly,
	endReached,
	entryKeys,
	offsetIgnored,
	stepBack,
	tasksMissed,
} from '../../../../../nodes/shared/paging/rules';

describe('entryKeys', () => {
	test('a task by its TaskId, one without by all of it', () => {
		expect(entryKeys([{ TaskId: 't1' }, { TaskId: 7, Status: 'x' }])).toEqual([
			't1',
			'{"TaskId":7,"Status":"x"}',
		]);
	});

	test('by another key field for another list (DomainId)', () => {
		expect(entryKeys([{ DomainId: 'd1', TaskId: 't' }, { Domain: 'x' }], 'DomainId')).toEqual([
			'd1',
			'{"Domain":"x"}',
		]);
	});
});

describe('callBudget', () => {
	test('twice the pages the tasks need at the server’s page size, plus three', () => {
		expect(callBudget(1000, 100)).toBe(23);
		expect(callBudget(0, 0)).toBe(3);
		expect(callBudget(1e12, 1)).toBe(MAX_PAGES);
	});
});

describe('offsetIgnored', () => {
	const previous = { offset: 0, content: 'a\nb', total: 10 };
	test('the same tasks at another offset', () => {
		expect(offsetIgnored(previous, 2, 'a\nb', 10)).toBe(true);
	});
	test('not when the list grew by as much as the offset moved: it shifted onto the page', () => {
		expect(offsetIgnored(previous, 2, 'a\nb', 12)).toBe(false);
	});
	test('not for the first page, the same offset read again, other tasks, or an empty page', () => {
		expect(offsetIgnored(undefined, 2, 'a\nb', 10)).toBe(false);
		expect(offsetIgnored(previous, 0, 'a\nb', 10)).toBe(false);
		expect(offsetIgnored(previous, 2, 'c\nd', 10)).toBe(false);
		expect(offsetIgnored({ ...previous, content: '' }, 2, '', 10)).toBe(false);
	});
});

describe('stepBack', () => {
	test('as many tasks as TotalCount shrank by; none when it grew or one is missing', () => {
		expect(stepBack(10, 7)).toBe(3);
		expect(stepBack(10, 12)).toBe(0);
		expect(stepBack(undefined, 7)).toBe(0);
		expect(stepBack(10, undefined)).toBe(0);
	});
});

describe('endReached', () => {
	test('a page that reaches TotalCount ends the list', () => {
		expect(endReached(90, 10, 10, 100)).toBe(true);
	});
	test('a short page before TotalCount does not: the server caps its pages', () => {
		expect(endReached(0, 100, 1000, 1000)).toBe(false);
	});
	test('without TotalCount, or past it (stale), a short page ends the list and a full one does not', () => {
		expect(endReached(0, 5, 10, undefined)).toBe(true);
		expect(endReached(0, 10, 10, undefined)).toBe(false);
		expect(endReached(100, 10, 10, 100)).toBe(false);
		expect(endReached(100, 4, 10, 100)).toBe(true);
	});
});

describe('emptyTooEarly', () => {
	test('an empty page before TotalCount is a problem naming both', () => {
		expect(emptyTooEarly(50, 80, 50)).toEqual({
			message: 'The API listed 50 tasks, then an empty page before its TotalCount of 80',
			description: expect.stringContaining('The page at Offset 50 is empty') as string,
		});
	});
	test('named by what the list holds', () => {
		expect(emptyTooEarly(50, 80, 50, 'domain')?.message).toBe(
			'The API listed 50 domains, then an empty page before its TotalCount of 80',
		);
	});
	test('at or after TotalCount, or without one, an empty page just ends the list', () => {
		expect(emptyTooEarly(80, 80, 80)).toBeUndefined();
		expect(emptyTooEarly(50, undefined, 50)).toBeUndefined();
	});
});

describe('tasksMissed', () => {
	test('fewer different tasks than an unchanging TotalCount holds from the start on', () => {
		expect(tasksMissed(299, { start: 0, max: Infinity }, 300, 3)?.message).toBe(
			'The API listed 299 different tasks in 3 pages, although its TotalCount of 300 did not change',
		);
		expect(tasksMissed(279, { start: 20, max: Infinity }, 300, 3)).toBeDefined();
		expect(tasksMissed(9, { start: 0, max: Infinity }, 10, 2, 'domain')?.message).toBe(
			'The API listed 9 different domains in 2 pages, although its TotalCount of 10 did not change',
		);
	});
	test('not when every task came, the Limit was reached, or TotalCount changed', () => {
		expect(tasksMissed(280, { start: 20, max: Infinity }, 300, 3)).toBeUndefined();
		expect(tasksMissed(50, { start: 0, max: 50 }, 300, 1)).toBeUndefined();
		expect(tasksMissed(10, { start: 0, max: Infinity }, undefined, 3)).toBeUndefined();
	});
});
