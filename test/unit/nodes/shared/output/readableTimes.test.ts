import type { IDataObject } from 'n8n-workflow';

import { isoTimesIn } from '../../../../../nodes/shared/output/isoTimes';
import {
	durationSeconds,
	readableTask,
	urlItems,
} from '../../../../../nodes/shared/output/readableTimes';
import { at } from '../../../../at';

/** 2026-11-02T00:00:00Z */
const T = 1_793_577_600;

const url = (
	created: IDataObject[string],
	finished: IDataObject[string],
	status = 'success',
): IDataObject => ({
	Url: 'https://www.example.com/a.js',
	CreateTime: created,
	FinishTime: finished,
	Status: status,
	Progress: status === 'success' ? 100 : 0,
});

describe('durationSeconds', () => {
	test('from the task’s CreateTime to its URLs’ latest FinishTime, for success and failure', () => {
		const urls = [url(T, T + 5), url(T, T + 12), url(T, T + 7)];
		expect(durationSeconds({ CreateTime: T, Status: 'success', UrlLists: urls })).toBe(12);
		expect(durationSeconds({ CreateTime: T, Status: 'failure', UrlLists: urls })).toBe(12);
		expect(durationSeconds({ CreateTime: T, Status: 'success', UrlLists: [url(T, T)] })).toBe(0);
	});

	test.each(['wait', 'process', 'unknow', undefined, 'SUCCESS'])(
		'none for a task not finished (%s)',
		(Status) => {
			expect(durationSeconds({ CreateTime: T, Status, UrlLists: [url(T, T + 5)] })).toBeUndefined();
		},
	);

	test('a task with more URLs than a call may have arguments: its duration, not a stack overflow', () => {
		const urls = Array.from({ length: 300_000 }, (_, i) => url(T, T + (i % 60)));
		expect(durationSeconds({ CreateTime: T, Status: 'success', UrlLists: urls })).toBe(59);
	});

	test('URLs without a usable FinishTime are left out', () => {
		const task = {
			CreateTime: T,
			Status: 'failure',
			UrlLists: [url(T, 0, 'failure'), url(T, T + 9), 'not a URL', null, url(T, 'soon')],
		};
		expect(durationSeconds(task)).toBe(9);
	});

	test.each([
		['no CreateTime', { Status: 'success', UrlLists: [url(T, T + 5)] }],
		['a CreateTime of 0', { CreateTime: 0, Status: 'success', UrlLists: [url(T, T + 5)] }],
		['a garbage CreateTime', { CreateTime: 'x', Status: 'success', UrlLists: [url(T, T + 5)] }],
		['no URLs', { CreateTime: T, Status: 'success' }],
		['URLs not a list', { CreateTime: T, Status: 'success', UrlLists: 'x' }],
		['no URL with a FinishTime', { CreateTime: T, Status: 'success', UrlLists: [url(T, 0)] }],
		[
			'the last FinishTime before CreateTime',
			{ CreateTime: T, Status: 'success', UrlLists: [url(T, T - 1)] },
		],
	])('none with %s', (_what, task) => {
		expect(durationSeconds(task as IDataObject)).toBeUndefined();
	});
});

describe('readableTask', () => {
	const task = (): IDataObject => ({
		CreateTime: T,
		Status: 'success',
		TaskId: 't1',
		Type: 'file',
		UrlLists: [url(T, T + 5), { ...url(T + 1, T + 8), Extra: 'kept' }],
		Test: 'kept',
	});

	test('adds <Field>Iso after each Unix time and DurationSeconds after CreateTimeIso; the rest as it was', () => {
		const readable = readableTask(task(), isoTimesIn('Asia/Shanghai'));
		expect(readable).toEqual({
			...task(),
			CreateTimeIso: '2026-11-02T08:00:00.000+08:00',
			DurationSeconds: 8,
			UrlLists: [
				{
					...url(T, T + 5),
					CreateTimeIso: '2026-11-02T08:00:00.000+08:00',
					FinishTimeIso: '2026-11-02T08:00:05.000+08:00',
				},
				{
					...url(T + 1, T + 8),
					Extra: 'kept',
					CreateTimeIso: '2026-11-02T08:00:01.000+08:00',
					FinishTimeIso: '2026-11-02T08:00:08.000+08:00',
				},
			],
		});
		expect(Object.keys(readable)).toEqual([
			'CreateTime',
			'CreateTimeIso',
			'DurationSeconds',
			'Status',
			'TaskId',
			'Type',
			'UrlLists',
			'Test',
		]);
		expect(Object.keys(at(readable.UrlLists as IDataObject[], 0))).toEqual([
			'Url',
			'CreateTime',
			'CreateTimeIso',
			'FinishTime',
			'FinishTimeIso',
			'Status',
			'Progress',
		]);
	});

	test('leaves the task it was given as it was', () => {
		const original = task();
		readableTask(original, isoTimesIn('UTC'));
		expect(original).toEqual(task());
	});

	test('a running task: no DurationSeconds, and no FinishTimeIso where FinishTime is 0', () => {
		const running = {
			CreateTime: T,
			Status: 'process',
			UrlLists: [url(T, T + 5), url(T, 0, 'process')],
		};
		expect(readableTask(running, isoTimesIn('UTC'))).toEqual({
			CreateTime: T,
			CreateTimeIso: '2026-11-02T00:00:00.000Z',
			Status: 'process',
			UrlLists: [
				{
					...url(T, T + 5),
					CreateTimeIso: '2026-11-02T00:00:00.000Z',
					FinishTimeIso: '2026-11-02T00:00:05.000Z',
				},
				{ ...url(T, 0, 'process'), CreateTimeIso: '2026-11-02T00:00:00.000Z' },
			],
		});
	});

	test('missing or garbage times and URL entries that are no objects are kept as they are', () => {
		const odd = {
			CreateTime: 4,
			Status: 'success',
			UrlLists: [url(null, 'soon'), 'text', null, [1]],
		};
		expect(readableTask(odd, isoTimesIn('UTC'))).toEqual(odd);
		expect(readableTask({ TaskId: 't', UrlLists: 'x' }, isoTimesIn('UTC'))).toEqual({
			TaskId: 't',
			UrlLists: 'x',
		});
	});
	test('fields named like Object’s own (__proto__, constructor) in an answer stay plain fields', () => {
		const answer = `{"__proto__":{"Polluted":true},"constructor":1,"CreateTime":${T},"UrlLists":[{"__proto__":{"Polluted":true},"FinishTime":${T}}]}`;
		const readable = readableTask(JSON.parse(answer) as IDataObject, isoTimesIn('UTC'));
		expect(JSON.stringify(readable)).toBe(
			`{"__proto__":{"Polluted":true},"constructor":1,"CreateTime":${T},"CreateTimeIso":"2026-11-02T00:00:00.000Z","UrlLists":[{"__proto__":{"Polluted":true},"FinishTime":${T},"FinishTimeIso":"2026-11-02T00:00:00.000Z"}]}`,
		);
		expect((readable as { Polluted?: boolean }).Polluted).toBeUndefined();
	});
});

describe('urlItems', () => {
	test('the URL’s own times, then its task’s CreateTime and duration under Task names', () => {
		const theTask = { TaskId: 't1', CreateTime: T, Status: 'success', UrlLists: [url(T, T + 5)] };
		const item = { ...url(T, T + 5), TaskId: 't1', TaskStatus: 'success', TaskCreateTime: T };
		const readable = at(urlItems(theTask, isoTimesIn('Asia/Shanghai')), 0);
		expect(readable).toEqual({
			...item,
			CreateTimeIso: '2026-11-02T08:00:00.000+08:00',
			FinishTimeIso: '2026-11-02T08:00:05.000+08:00',
			TaskCreateTimeIso: '2026-11-02T08:00:00.000+08:00',
			TaskDurationSeconds: 5,
		});
		expect(Object.keys(readable)).toEqual([
			...Object.keys(url(T, T + 5)).flatMap((key) =>
				key.endsWith('Time') ? [key, `${key}Iso`] : [key],
			),
			'TaskId',
			'TaskStatus',
			'TaskCreateTime',
			'TaskCreateTimeIso',
			'TaskDurationSeconds',
		]);
	});

	test('a URL with a TaskCreateTime of its own: the task’s replaces it in place, Iso after it', () => {
		const odd = { Url: 'https://a.example.com/x', TaskCreateTime: 1, Status: 'wait' };
		const theTask = { TaskId: 't1', CreateTime: T, Status: 'wait', UrlLists: [odd] };
		const readable = at(urlItems(theTask, isoTimesIn('UTC')), 0);
		expect(Object.entries(readable)).toEqual([
			['Url', 'https://a.example.com/x'],
			['TaskCreateTime', T],
			['TaskCreateTimeIso', '2026-11-02T00:00:00.000Z'],
			['Status', 'wait'],
			['TaskId', 't1'],
			['TaskStatus', 'wait'],
		]);
	});

	test('a task still running has no TaskDurationSeconds', () => {
		const theTask = { TaskId: 't1', CreateTime: T, Status: 'wait', UrlLists: [url(T, 0, 'wait')] };
		const item = { ...url(T, 0, 'wait'), TaskId: 't1', TaskStatus: 'wait', TaskCreateTime: T };
		expect(urlItems(theTask, isoTimesIn('UTC'))).toEqual([
			{
				...item,
				CreateTimeIso: '2026-11-02T00:00:00.000Z',
				TaskCreateTimeIso: '2026-11-02T00:00:00.000Z',
			},
		]);
	});
});

describe('urlItems without readable times', () => {
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
});
