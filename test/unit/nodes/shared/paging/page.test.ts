import { readPage } from '../../../../../nodes/shared/paging/page';

const task = (n: number) => ({ TaskId: `t${n}`, CreateTime: 1000 - n });

describe('readPage', () => {
	test('reads tasks and TotalCount, also as numeric text', () => {
		const response = { TotalCount: '2', TaskList: [task(1), task(2)] };
		expect(readPage(response)).toEqual({ tasks: [task(1), task(2)], total: 2, response });
	});

	test('an absent TaskList is an empty page', () => {
		expect(readPage({ TotalCount: 0 })).toMatchObject({ tasks: [], total: 0 });
	});

	test('a TaskList that is not a list is a problem', () => {
		expect(readPage({ TaskList: 'oops' })).toEqual({ problem: 'TaskList is string, not a list' });
	});
});

describe('readPage refuses what is not a task list', () => {
	test.each([[[1, 2]], [['a']], [[null]], [[[]]]])('%p', (list) => {
		expect(readPage({ TaskList: list })).toEqual({
			problem: 'TaskList entry 1 is not a task object',
		});
	});
});

test('readPage reads another list by its shape (a domain list), with no TotalCount', () => {
	const shape = { field: 'DomainList', key: 'DomainId', noun: 'domain' };
	const response = { DomainList: [{ DomainId: 'd1' }] };
	expect(readPage(response, shape)).toEqual({
		tasks: [{ DomainId: 'd1' }],
		total: undefined,
		response,
	});
	expect(readPage({ DomainList: [7] }, shape)).toEqual({
		problem: 'DomainList entry 1 is not a domain object',
	});
	expect(readPage({ TaskList: [{ TaskId: 't' }] }, shape)).toMatchObject({ tasks: [] });
});
