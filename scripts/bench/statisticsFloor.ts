/**
 * The physical floor for Statistics → Get, Bandwidth and Traffic, Per Domain, One Item per
 * Point: the node's signed calls with nothing of n8n (the domain list, then each domain's range
 * in chunks of at most 1,440 points, one call each, one after the other, SERIES_AT_ONCE domains
 * at a time as the node reads them), each answer parsed
 * and its points written as the node's flat items, in its field order: Time, TimeIso (given a
 * zone), Domain, DomainId, CdnBandwidth, Traffic. Nothing here can be skipped by any
 * implementation: sign, fetch, parse, write the items. It trusts what the simulator's answers
 * are, as a script of one's own would: each chunk's points in time order (a chunk's last point
 * is the next one's first, so each keeps those in its own half-open range), each domain's name
 * listed once. Numbers sent as text are read as numbers, as the node does.
 */
import { DateTime } from 'luxon';

import { signParams } from '../../credentials/common/ucloud/signing';
import { SERIES_AT_ONCE } from '../../nodes/shared/statistics/read';
import type { FloorTarget } from './floor';

const LIST_ACTION = 'GetUcdnDomainConfig';
const LIST_PAGE = 100;
const ACTION = 'GetUcdnDomainBandwidthV2';
const LIST = 'BandwidthTrafficList';
const POINTS_PER_CALL = 1440;
const DAY = 86_400;

type Fields = Record<string, unknown>;

/** A point's item, as the node emits it. */
export type PointItem = Fields;

export interface StatisticsJob {
	/** Unix seconds, whole steps. */
	range: { begin: number; end: number };
	/** The step's length in seconds and the API's Type for it. */
	step: { seconds: number; type: number };
	/** With readable times, the workflow's timezone. */
	zone?: string;
}

/**
 * Unix seconds as ISO 8601 in `zone`, as Luxon writes them, each time's text written once and
 * shared (every domain's series has the same times): Luxon is asked twice per day of time, for
 * its offset at both ends and how it writes it, and only a day whose ends differ (a change of
 * daylight saving time) is written by Luxon time by time.
 */
function isoTexts(zone: string): (seconds: number) => string {
	const texts = new Map<number, string>();
	const days = new Map<number, { offsetMs: number; suffix: string } | undefined>();
	const dayOf = (day: number) => {
		const start = DateTime.fromSeconds(day * DAY, { zone });
		if (start.offset !== DateTime.fromSeconds(day * DAY + DAY - 1, { zone }).offset)
			return undefined;
		return { offsetMs: start.offset * 60_000, suffix: (start.toISO() ?? '').slice(23) };
	};
	return (seconds) => {
		let text = texts.get(seconds);
		if (text !== undefined) return text;
		const day = Math.floor(seconds / DAY);
		if (!days.has(day)) days.set(day, dayOf(day));
		const parts = days.get(day);
		text = parts
			? `${new Date(seconds * 1000 + parts.offsetMs).toISOString().slice(0, 23)}${parts.suffix}`
			: (DateTime.fromSeconds(seconds, { zone }).toISO() ?? '');
		texts.set(seconds, text);
		return text;
	};
}

/** A number of the API's, also when sent as text; null for anything else. */
function numberOf(value: unknown): number | null {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

/** One signed call, its answer parsed. */
async function call(target: FloorTarget, params: Record<string, string | number | string[]>) {
	const body = signParams(params, target.publicKey, target.privateKey);
	const response = await fetch(`${target.endpoint}/`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	return (await response.json()) as Fields;
}

/** The project's domains that are not deleted, in list order, paged as the node pages them. */
async function domains(
	target: FloorTarget,
): Promise<{ names: Array<[string, string]>; calls: number }> {
	const names: Array<[string, string]> = [];
	let calls = 0;
	for (let offset = 0; ; offset += LIST_PAGE) {
		const answer = await call(target, { Action: LIST_ACTION, Offset: offset, Limit: LIST_PAGE });
		calls++;
		const list = (answer.DomainList ?? []) as Fields[];
		for (const { Domain, DomainId, Status } of list)
			if (Status !== 'delete' && Status !== 'deleteing')
				names.push([Domain as string, DomainId as string]);
		if (list.length < LIST_PAGE) return { names, calls };
	}
}

/**
 * Every domain's points over the range, one item each, in domain order; and the calls made.
 * Domains are read SERIES_AT_ONCE at a time, as the node reads them, each domain's chunks one
 * after the other.
 */
export async function floorStatistics(
	target: FloorTarget,
	{ range, step, zone }: StatisticsJob,
): Promise<{ items: PointItem[]; calls: number }> {
	const iso = zone === undefined ? undefined : isoTexts(zone);
	const listed = await domains(target);
	let calls = listed.calls;
	const chunk = POINTS_PER_CALL * step.seconds;
	const domainItems = async ([Domain, DomainId]: [string, string]) => {
		const items: PointItem[] = [];
		for (let begin = range.begin; begin < range.end; begin += chunk) {
			const end = Math.min(range.end, begin + chunk);
			const answer = await call(target, {
				Action: ACTION,
				BeginTime: begin,
				EndTime: end,
				Type: step.type,
				DomainId: [DomainId],
			});
			calls++;
			for (const raw of (answer[LIST] ?? []) as Fields[]) {
				const Time = numberOf(raw.Time);
				if (Time === null || Time < begin || Time >= end) continue;
				const CdnBandwidth = numberOf(raw.CdnBandwidth);
				const Traffic = numberOf(raw.Traffic);
				items.push(
					iso
						? { Time, TimeIso: iso(Time), Domain, DomainId, CdnBandwidth, Traffic }
						: { Time, Domain, DomainId, CdnBandwidth, Traffic },
				);
			}
		}
		return items;
	};
	const perDomain: PointItem[][] = [];
	let next = 0;
	const worker = async () => {
		for (let n = next++; n < listed.names.length; n = next++)
			perDomain[n] = await domainItems(listed.names[n] as [string, string]);
	};
	await Promise.all(Array.from({ length: SERIES_AT_ONCE }, worker));
	return { items: ([] as PointItem[]).concat(...perDomain), calls };
}
