import { METRICS } from '../../../../../nodes/shared/statistics/metrics';
import { alignRange, toSeries } from '../../../../../nodes/shared/statistics/series';
import { summarize } from '../../../../../nodes/shared/statistics/summary';

const range = { begin: 6000, end: 6600 };

test('alignRange widens a range to whole steps', () => {
	expect(alignRange({ begin: 6010, end: 6590 }, 'minute')).toEqual({ begin: 6000, end: 6600 });
});

test('toSeries: points in time order, each time once (the first answer’s), outside the range left out, gaps counted as missing', () => {
	const series = toSeries(
		METRICS.requests,
		[
			{
				RequestList: [
					{ Time: 6120, CdnRequest: 2 },
					{ Time: 6000, CdnRequest: '1' },
					{ Time: 6600, CdnRequest: 9 },
				],
			},
			{
				RequestList: [
					{ Time: 6120, CdnRequest: 99 },
					'junk',
					{ CdnRequest: 5 },
					{ Time: 6540, CdnRequest: 4 },
				],
			},
			{ RequestList: 'none' },
		],
		range,
		'minute',
	);
	expect(series.points).toEqual([
		{ Time: 6000, CdnRequest: 1 },
		{ Time: 6120, CdnRequest: 2 },
		{ Time: 6540, CdnRequest: 4 },
	]);
	expect(series.missing).toBe(7);
});

test('summaries: totals, the peak and its time, weighted hit rates, shares', () => {
	const of = (list: string, points: object[]) => ({ [list]: points });
	const bandwidth = toSeries(
		METRICS.bandwidth,
		[
			of('BandwidthTrafficList', [
				{ Time: 6000, CdnBandwidth: 2, Traffic: 10 },
				{ Time: 6060, CdnBandwidth: 5, Traffic: 30 },
			]),
		],
		range,
		'minute',
	);
	expect(summarize('bandwidth', bandwidth)).toEqual({
		From: 6000,
		To: 6600,
		Traffic: 40,
		PeakBandwidth: 5,
		PeakBandwidthTime: 6060,
		Granularity: 'minute',
		Points: 2,
		MissingPoints: 8,
	});
	const requests = toSeries(
		METRICS.requests,
		[
			of('RequestList', [
				{ Time: 6000, CdnRequest: 900 },
				{ Time: 6060, CdnRequest: 100 },
			]),
		],
		range,
		'minute',
	);
	const hits = toSeries(
		METRICS.hitRate,
		[
			of('HitRateList', [
				{ Time: 6000, RequestHitRate: 90, FlowHitRate: 80 },
				{ Time: 6060, RequestHitRate: 50, FlowHitRate: 40 },
			]),
		],
		range,
		'minute',
	);
	expect(summarize('hitRate', hits, requests)).toMatchObject({
		Requests: 1000,
		RequestHitRate: 86,
		FlowHitRate: 76,
	});
});
