import { urlItems } from '../../nodes/shared/helpers/readableTimes';

test('each URL keeps its own fields and names its task', () => {
	const task = {
		TaskId: 't1',
		Status: 'process',
		CreateTime: 100,
		Type: 'file',
		UrlLists: [
			{
				Url: 'https://a/1',
				Status: 'success',
				CreateTime: 100,
				FinishTime: 105,
				Progress: 100,
				Extra: 'kept',
			},
			{ Url: 'https://a/2', Status: 'wait', CreateTime: 100, FinishTime: 0, Progress: 0 },
		],
	};
	expect(urlItems(task)).toEqual([
		{
			Url: 'https://a/1',
			Status: 'success',
			CreateTime: 100,
			FinishTime: 105,
			Progress: 100,
			Extra: 'kept',
			TaskId: 't1',
			TaskStatus: 'process',
			TaskCreateTime: 100,
		},
		{
			Url: 'https://a/2',
			Status: 'wait',
			CreateTime: 100,
			FinishTime: 0,
			Progress: 0,
			TaskId: 't1',
			TaskStatus: 'process',
			TaskCreateTime: 100,
		},
	]);
});

test('a task without a URL list has no URL items', () => {
	expect(urlItems({ TaskId: 't' })).toEqual([]);
	expect(urlItems({ TaskId: 't', UrlLists: 'x' })).toEqual([]);
});

test('URL entries that are not objects are skipped', () => {
	expect(
		urlItems({
			TaskId: 't',
			Status: 's',
			CreateTime: 1,
			UrlLists: [null, 'x', 3, [], { Url: 'u' }],
		}),
	).toEqual([{ Url: 'u', TaskId: 't', TaskStatus: 's', TaskCreateTime: 1 }]);
});
