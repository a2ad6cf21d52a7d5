import type { Demand, Left } from '../../../../../nodes/shared/domains/quota';
import {
	addDemand,
	allocate,
	firstOverrun,
	quotaItem,
	quotaLeft,
	totalDemand,
} from '../../../../../nodes/shared/domains/quota';

const STATE = {
	RefreshFileQuota: 700,
	RefreshDirQuota: 20,
	PrefetchQuota: 500,
	SubmitRefreshFile: 10,
	SubmitRefreshDir: 25,
	SubmitPrefetchCount: '100',
};

describe('quotaLeft', () => {
	test('quota − submitted, never below 0; digits as text count', () => {
		expect(quotaLeft(STATE)).toEqual({ file: 690, dir: 0, prefetch: 400 });
	});

	test('a negative or fractional field is no count, as text or as a number', () => {
		expect(
			quotaLeft({
				...{ RefreshFileQuota: 700, SubmitRefreshFile: -50 },
				...{ RefreshDirQuota: -1, SubmitRefreshDir: 0 },
				...{ PrefetchQuota: 500, SubmitPrefetchCount: 0.5 },
			}),
		).toEqual({ file: undefined, dir: undefined, prefetch: undefined });
	});

	test('an absent submitted count is 0 (UCloud leaves fields out); an absent quota or a field that is no count is unknown', () => {
		expect(
			quotaLeft({ RefreshFileQuota: 700, RefreshDirQuota: 'many', SubmitRefreshDir: 1 }),
		).toEqual({ file: 700, dir: undefined, prefetch: undefined });
		expect(
			quotaLeft({ PrefetchQuota: 6, SubmitPrefetchCount: null, SubmitRefreshFile: 3 }),
		).toEqual({
			file: undefined,
			dir: undefined,
			prefetch: 6,
		});
	});
});

test('quotaItem: the domain first, the fields as returned (not the envelope), then what is left', () => {
	const item = quotaItem(
		{ Domain: 'static.example.com', DomainId: 'ucdn-1' },
		{ Action: 'GetUcdnDomainPrefetchRefreshStateResponse', RetCode: 0, ...STATE, Extra: 'kept' },
	);
	expect(item).toEqual({
		Domain: 'static.example.com',
		DomainId: 'ucdn-1',
		...STATE,
		Extra: 'kept',
		RefreshFileLeft: 690,
		RefreshDirLeft: 0,
		PrefetchLeft: 400,
	});
	expect(Object.keys(item).slice(0, 2)).toEqual(['Domain', 'DomainId']);
	expect(quotaItem({ Domain: 'a', DomainId: 'b' }, {}).RefreshDirLeft).toBeNull();
});

const demand = (...entries: Array<[string, 'file' | 'dir' | 'prefetch', number]>): Demand => {
	const made: Demand = new Map();
	for (const [id, kind, count] of entries) addDemand(made, id, kind, count);
	return made;
};

describe('allocate counts items in order', () => {
	const left = new Map<string, Left>([
		['a', { file: 10, dir: 2, prefetch: 0 }],
		['b', { file: 5, dir: 0, prefetch: 3 }],
	]);

	test('items that fit take their share; one that would go over takes nothing; a later smaller one fits', () => {
		const overruns = allocate(
			[
				demand(['a', 'file', 6]),
				demand(['a', 'file', 5]),
				demand(['a', 'file', 4]),
				demand(['a', 'file', 1]),
			],
			left,
		);
		expect(overruns).toEqual([
			undefined,
			{ domainId: 'a', kind: 'file', left: 4, wanted: 5 },
			undefined,
			{ domainId: 'a', kind: 'file', left: 0, wanted: 1 },
		]);
		expect(left.get('a')?.file).toBe(10);
	});

	test('an item fits only if every domain and kind it needs fits', () => {
		expect(
			allocate([demand(['a', 'dir', 2], ['b', 'prefetch', 4]), demand(['a', 'dir', 2])], left),
		).toEqual([{ domainId: 'b', kind: 'prefetch', left: 3, wanted: 4 }, undefined]);
	});

	test('a domain without a known quota has nothing left', () => {
		expect(allocate([demand(['c', 'file', 1])], left)).toEqual([
			{ domainId: 'c', kind: 'file', left: 0, wanted: 1 },
		]);
	});
});

test('totalDemand sums the items; firstOverrun finds what the execution as a whole would exceed', () => {
	const total = totalDemand([demand(['a', 'dir', 12]), demand(['a', 'dir', 18], ['a', 'file', 3])]);
	expect(total.get('a')).toEqual({ dir: 30, file: 3 });
	expect(firstOverrun(total, new Map([['a', { file: 700, dir: 12, prefetch: 500 }]]))).toEqual({
		domainId: 'a',
		kind: 'dir',
		left: 12,
		wanted: 30,
	});
});
