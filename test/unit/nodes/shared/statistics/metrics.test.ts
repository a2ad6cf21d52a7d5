import { METRICS, numberOf } from '../../../../../nodes/shared/statistics/metrics';

test('numbers as numbers, also from text; anything else undefined', () => {
	expect([
		numberOf(3),
		numberOf('4.5'),
		numberOf(' 7 '),
		numberOf(''),
		numberOf('x'),
		numberOf(null),
	]).toEqual([3, 4.5, 7, undefined, undefined, undefined]);
});

test('bandwidth, requests and hit rates: the API’s fields, numbers, null when none reads as one', () => {
	expect(METRICS.bandwidth.flatten({ CdnBandwidth: '1.5', Traffic: 2048, Time: 1 })).toEqual({
		CdnBandwidth: 1.5,
		Traffic: 2048,
	});
	expect(METRICS.requests.flatten({ CdnRequest: 'lots' })).toEqual({ CdnRequest: null });
	expect(METRICS.hitRate.flatten({ FlowHitRate: 90, RequestHitRate: '95.5' })).toEqual({
		FlowHitRate: 90,
		RequestHitRate: 95.5,
	});
});

test('edge status codes: classes, total, shares, then each code that occurred, sorted; no object left', () => {
	const point = METRICS.statusCodes.flatten({
		Time: 1,
		Http2XX: { Total: '90', Http200: 80, Http206: '10' },
		Http4XX: { Total: 8, Http404: 8, Http403: 0 },
		Http5XX: { Total: 2, Http502: 2 },
		Http6XX: 'nonsense',
	});
	expect(point).toEqual({
		Http1xx: 0,
		Http2xx: 90,
		Http3xx: 0,
		Http4xx: 8,
		Http5xx: 2,
		Http6xx: 0,
		Total: 100,
		Http1xxShare: 0,
		Http2xxShare: 90,
		Http3xxShare: 0,
		Http4xxShare: 8,
		Http5xxShare: 2,
		Http6xxShare: 0,
		Http200: 80,
		Http206: 10,
		Http404: 8,
		Http502: 2,
	});
});

test('origin status codes: five classes; shares are null without any answer', () => {
	expect(METRICS.originStatusCodes.flatten({ HttpTwoXX: 3, HttpFiveXX: '1' })).toMatchObject({
		Http2xx: 3,
		Http5xx: 1,
		Total: 4,
		Http5xxShare: 25,
	});
	expect(METRICS.originStatusCodes.flatten({}).Http2xxShare).toBeNull();
});
