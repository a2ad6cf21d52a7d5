import type { IDataObject } from 'n8n-workflow';

import type { PurgeKind } from './matching';

/** What GetUcdnDomainPrefetchRefreshState's fields mean: each kind's daily quota and what was submitted today. */
const FIELDS: Record<PurgeKind, { quota: string; submitted: string; left: string }> = {
	file: { quota: 'RefreshFileQuota', submitted: 'SubmitRefreshFile', left: 'RefreshFileLeft' },
	dir: { quota: 'RefreshDirQuota', submitted: 'SubmitRefreshDir', left: 'RefreshDirLeft' },
	prefetch: { quota: 'PrefetchQuota', submitted: 'SubmitPrefetchCount', left: 'PrefetchLeft' },
};

/** The answer's fields that belong to every answer, not to the quota. */
const ENVELOPE = new Set(['Action', 'RetCode', 'Message']);

export const KINDS = Object.keys(FIELDS) as PurgeKind[];

export type Left = Record<PurgeKind, number>;

/**
 * A field as a count: a whole number from 0, or its digits as text; anything else is unknown.
 * A negative submitted count would make more left than the quota itself.
 */
function count(value: unknown): number | undefined {
	const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
	return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0
		? number
		: undefined;
}

/**
 * What is left today of each kind: quota − submitted, never below 0. Every field is optional in
 * UCloud's documents, and their example answer leaves two submitted counts out: a submitted
 * count that is absent is 0 (nothing submitted today). A quota that is absent, or any field
 * that is not a count, leaves the kind unknown (undefined): the check cannot count on it and
 * says so.
 */
export function quotaLeft(state: IDataObject): Record<PurgeKind, number | undefined> {
	const left = {} as Record<PurgeKind, number | undefined>;
	for (const kind of KINDS) {
		const quota = count(state[FIELDS[kind].quota]);
		const sent = state[FIELDS[kind].submitted];
		const submitted = sent === undefined || sent === null ? 0 : count(sent);
		left[kind] =
			quota === undefined || submitted === undefined ? undefined : Math.max(0, quota - submitted);
	}
	return left;
}

/** The quota answer as Get Quota emits it: the domain, the fields as returned, then what is left of each kind. */
export function quotaItem(
	domain: { Domain: string; DomainId: string },
	state: IDataObject,
): IDataObject {
	const left = quotaLeft(state);
	const item: IDataObject = { Domain: domain.Domain, DomainId: domain.DomainId };
	for (const [field, value] of Object.entries(state)) if (!ENVELOPE.has(field)) item[field] = value;
	for (const kind of KINDS) item[FIELDS[kind].left] = left[kind] ?? null;
	return item;
}

/** How many URLs of each kind a purge sends to each domain: DomainId → kind → count. */
export type Demand = Map<string, Partial<Left>>;

export function addDemand(demand: Demand, domainId: string, kind: PurgeKind, urls = 1): void {
	const counts = demand.get(domainId) ?? {};
	counts[kind] = (counts[kind] ?? 0) + urls;
	demand.set(domainId, counts);
}

/** Where a purge would go over: the domain, the kind, what is left and what would be sent. */
export interface Overrun {
	domainId: string;
	kind: PurgeKind;
	left: number;
	wanted: number;
}

/** The first (domain, kind) of `demand` that does not fit in `left`. */
export function firstOverrun(demand: Demand, left: ReadonlyMap<string, Left>): Overrun | undefined {
	for (const [domainId, counts] of demand) {
		for (const kind of KINDS) {
			const wanted = counts[kind] ?? 0;
			const available = left.get(domainId)?.[kind] ?? 0;
			if (wanted > available) return { domainId, kind, left: available, wanted };
		}
	}
	return undefined;
}

/**
 * Counts the items' purges against what is left, in order: an item that fits takes its share,
 * one that would go over gets its Overrun and takes nothing, so a later, smaller item may still
 * fit. `left` is not changed.
 */
export function allocate(
	demands: readonly Demand[],
	left: ReadonlyMap<string, Left>,
): Array<Overrun | undefined> {
	const remaining = new Map([...left].map(([id, counts]) => [id, { ...counts }]));
	return demands.map((demand) => {
		const over = firstOverrun(demand, remaining);
		if (over) return over;
		for (const [domainId, counts] of demand) {
			const room = remaining.get(domainId) as Left;
			for (const kind of KINDS) room[kind] -= counts[kind] ?? 0;
		}
		return undefined;
	});
}

/** All the items' purges together, for the message that refuses the whole execution. */
export function totalDemand(demands: readonly Demand[]): Demand {
	const total: Demand = new Map();
	for (const demand of demands)
		for (const [domainId, counts] of demand)
			for (const kind of KINDS) if (counts[kind]) addDemand(total, domainId, kind, counts[kind]);
	return total;
}
