import type { IDataObject } from 'n8n-workflow';

import type { MetricKey } from './metrics';
import { CODE_CLASSES, ORIGIN_CODE_CLASSES, percent, shareField } from './metrics';
import type { Series } from './series';

const sum = (points: IDataObject[], field: string) =>
	points.reduce((total, point) => total + ((point[field] as number | null) ?? 0), 0);

/** Each point's value of `field` weighted by `weights` at its Time; null when no weight. */
function weighted(points: IDataObject[], field: string, weights: Map<number, number>) {
	let weight = 0;
	let total = 0;
	for (const point of points) {
		const value = point[field];
		const w = weights.get(point.Time as number) ?? 0;
		if (typeof value !== 'number' || w <= 0) continue;
		weight += w;
		total += value * w;
	}
	return weight > 0 ? Math.round((100 * total) / weight) / 100 : null;
}

/**
 * What a report posts about a series: per metric, totals (traffic, requests), the peak bandwidth
 * and its Time, the hit rates weighted by each point's requests (`requests`: the Requests
 * series of the same range), the status classes' counts and shares; then how many points
 * there are and how many are missing. From and To (the range) go first, with the caller's
 * Domain.
 */
export function summarize(
	metric: MetricKey,
	{ range, step, points, missing }: Series,
	requests?: Series,
): IDataObject {
	const summary: IDataObject = { From: range.begin, To: range.end };
	if (metric === 'bandwidth') {
		summary.Traffic = sum(points, 'Traffic');
		let peak: IDataObject | undefined;
		for (const point of points)
			if (peak === undefined || (point.CdnBandwidth as number) > (peak.CdnBandwidth as number))
				peak = point;
		summary.PeakBandwidth = (peak?.CdnBandwidth as number | undefined) ?? null;
		summary.PeakBandwidthTime = (peak?.Time as number | undefined) ?? null;
	} else if (metric === 'requests') {
		summary.Requests = sum(points, 'CdnRequest');
	} else if (metric === 'hitRate') {
		const weights = new Map<number, number>();
		for (const point of requests?.points ?? [])
			weights.set(point.Time as number, (point.CdnRequest as number | null) ?? 0);
		summary.Requests = sum(requests?.points ?? [], 'CdnRequest');
		summary.RequestHitRate = weighted(points, 'RequestHitRate', weights);
		summary.FlowHitRate = weighted(points, 'FlowHitRate', weights);
	} else {
		const digits = metric === 'statusCodes' ? CODE_CLASSES : ORIGIN_CODE_CLASSES;
		const total = sum(points, 'Total');
		for (const digit of digits) summary[`Http${digit}xx`] = sum(points, `Http${digit}xx`);
		summary.Total = total;
		for (const digit of digits)
			summary[shareField(digit)] = percent(summary[`Http${digit}xx`] as number, total);
	}
	summary.Granularity = step;
	summary.Points = points.length;
	summary.MissingPoints = missing;
	return summary;
}
