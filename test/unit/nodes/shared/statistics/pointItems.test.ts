import type { IDataObject } from 'n8n-workflow';

import { pointMaker } from '../../../../../nodes/shared/statistics/items';
import { METRICS } from '../../../../../nodes/shared/statistics/metrics';
import { seriesBuilder, toSeries } from '../../../../../nodes/shared/statistics/series';

const range = { begin: 6000, end: 6600 };
const requests = (...points: Array<[number, number]>) => ({
	RequestList: points.map(([Time, CdnRequest]) => ({ Time, CdnRequest })),
});

describe('seriesBuilder: a series made answer by answer', () => {
	test('chunks in time order, each chunk’s last point again as the next one’s first: each point made once, the first kept', () => {
		const made: number[] = [];
		const builder = seriesBuilder(METRICS.requests, range, 'minute', (time, raw) => {
			made.push(time);
			return METRICS.requests.flatten(raw, { Time: time });
		});
		builder.add(requests([6000, 1], [6060, 2], [6120, 3]));
		builder.add(requests([6120, 99], [6180, 4], [6600, 5]));
		expect(builder.series().points).toEqual([
			{ Time: 6000, CdnRequest: 1 },
			{ Time: 6060, CdnRequest: 2 },
			{ Time: 6120, CdnRequest: 3 },
			{ Time: 6180, CdnRequest: 4 },
		]);
		expect(made).toEqual([6000, 6060, 6120, 6180]);
		expect(builder.series().missing).toBe(6);
	});

	test('a point out of order after others: sorted at the end, each time’s first kept', () => {
		const builder = seriesBuilder(METRICS.requests, range, 'minute');
		builder.add(requests([6060, 2], [6180, 4]));
		builder.add(requests([6000, 1], [6180, 99], [6120, 3], [6060, 98]));
		expect(builder.series().points).toEqual([
			{ Time: 6000, CdnRequest: 1 },
			{ Time: 6060, CdnRequest: 2 },
			{ Time: 6120, CdnRequest: 3 },
			{ Time: 6180, CdnRequest: 4 },
		]);
	});
});

describe('pointMaker: One Item per Point’s JSON, made as each point is read', () => {
	const domain = { Domain: 'static.example.com', DomainId: 'ucdn-static001', Status: 'enable' };

	test('Time, TimeIso, Domain, DomainId, then the metric’s fields; no TimeIso or Domain when off', () => {
		const iso = (value: unknown) => `iso ${String(value)}`;
		const raw: IDataObject = { Time: 6000, CdnBandwidth: '1.5', Traffic: 20 };
		const json = pointMaker(METRICS.bandwidth, iso)({ domain })(6000, raw);
		expect(Object.entries(json)).toEqual([
			['Time', 6000],
			['TimeIso', 'iso 6000'],
			['Domain', 'static.example.com'],
			['DomainId', 'ucdn-static001'],
			['CdnBandwidth', 1.5],
			['Traffic', 20],
		]);
		expect(Object.entries(pointMaker(METRICS.bandwidth, undefined)({})(6000, raw))).toEqual([
			['Time', 6000],
			['CdnBandwidth', 1.5],
			['Traffic', 20],
		]);
		expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
	});

	test('each Time’s text is written once for every domain’s series; none is null', () => {
		const asked: unknown[] = [];
		const iso = (value: unknown) => {
			asked.push(value);
			return value === 6060 ? undefined : `iso ${String(value)}`;
		};
		const points = pointMaker(METRICS.requests, iso);
		const other = { ...domain, Domain: 'cdn.example.com', DomainId: 'ucdn-cdn00002' };
		const made = [domain, other].flatMap((of) =>
			[6000, 6060].map((time) => points({ domain: of })(time, { CdnRequest: 1 })),
		);
		expect(made.map((json) => json.TimeIso)).toEqual(['iso 6000', null, 'iso 6000', null]);
		expect(asked).toEqual([6000, 6060]);
	});

	test('points out of order: the items in time order, each time once (the first answer’s)', () => {
		const iso = (value: unknown) => `iso ${String(value)}`;
		const series = toSeries(
			METRICS.requests,
			[
				{ RequestList: [6060, 6120].map((Time) => ({ Time, CdnRequest: 1 })) },
				{ RequestList: [6000, 6120, 6180].map((Time) => ({ Time, CdnRequest: 2 })) },
			],
			{ begin: 6000, end: 6240 },
			'minute',
			pointMaker(METRICS.requests, iso)({ domain }),
		);
		expect(
			series.points.map(({ Time, TimeIso, DomainId, CdnRequest }) => [
				Time,
				TimeIso,
				DomainId,
				CdnRequest,
			]),
		).toEqual([
			[6000, 'iso 6000', domain.DomainId, 2],
			[6060, 'iso 6060', domain.DomainId, 1],
			[6120, 'iso 6120', domain.DomainId, 1],
			[6180, 'iso 6180', domain.DomainId, 2],
		]);
		expect(series.missing).toBe(0);
	});
});
