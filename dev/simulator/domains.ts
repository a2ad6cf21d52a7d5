/**
 * The simulator's accelerated domains and their daily purge quota (see the header of server.ts
 * for the rules and which of them are the simulator's own choice).
 */
import type { DomainInput, StoredDomain } from './data';
import { DEFAULT_QUOTA, makeDomain } from './data';
import { Refusal } from './types';

/** What a submitted URL counts as: a file refresh (`file`, `m3u8`), a directory refresh, a prefetch. */
export type QuotaKind = 'file' | 'dir' | 'prefetch';
export type Quota = Record<QuotaKind, number>;

export const QUOTA_KINDS: readonly QuotaKind[] = ['file', 'dir', 'prefetch'];

const QUOTA_NAMES: Record<QuotaKind, string> = {
	file: 'Refresh file quota',
	dir: 'Refresh dir quota',
	prefetch: 'Prefetch quota',
};

const SECONDS_A_DAY = 86400;

/** Statuses of a domain that is deleted or being deleted: it accelerates nothing. */
const GONE = new Set(['delete', 'deleteing']);

/** A URL's host as the CDN sees it: lower case, without user info or port; undefined if none. */
export function urlHost(url: string): string | undefined {
	const match = /^https?:\/\/(?:[^/?#@]*@)?(\[[^\]/?#]*\]|[^/?#:]*)/i.exec(url);
	const host = match?.[1]?.toLowerCase();
	return host ? host : undefined;
}

/**
 * A domain's name as the CDN serves it: in lower case, an internationalised name in punycode.
 * Not URL.canParse, which Node 20 gets wrong for one-byte text once it is hot.
 */
function asciiName(domain: string): string {
	try {
		return new URL(`http://${domain}/`).hostname;
	} catch {
		return domain.toLowerCase();
	}
}

/** Whether wildcard domain `*.suffix` covers `host`: exactly one label more, no more, no less. */
function covers(wildcard: string, host: string): boolean {
	const suffix = wildcard.slice(1); // ".example.com"
	if (!host.endsWith(suffix)) return false;
	const label = host.slice(0, -suffix.length);
	return label !== '' && !label.includes('.');
}

function checkCounts(counts: Partial<Quota>, what: string): void {
	for (const [kind, value] of Object.entries(counts)) {
		if (!QUOTA_KINDS.includes(kind as QuotaKind))
			throw new Error(`${what}: unknown kind ${kind} (file, dir or prefetch)`);
		if (value !== undefined && !(Number.isInteger(value) && value >= 0))
			throw new Error(`${what}: ${kind} must be a natural number, not ${String(value)}`);
	}
}

export class DomainBook {
	readonly domains: StoredDomain[] = [];

	private readonly quota: Quota;

	private readonly quotaFor = new Map<string, Partial<Quota>>();

	/** Per DomainId: what was submitted on `day` (the clock's UTC day number). */
	private readonly used = new Map<string, { day: number; counts: Quota }>();

	constructor(
		domains: readonly DomainInput[],
		quota: Partial<Quota>,
		private readonly now: () => number,
	) {
		checkCounts(quota, 'quota');
		this.quota = { ...DEFAULT_QUOTA, ...quota };
		this.add(domains);
	}

	add(domains: readonly DomainInput[]): void {
		const stored = domains.map((domain) => makeDomain(structuredClone(domain)));
		const ids = new Set(this.domains.map((domain) => domain.info.DomainId));
		for (const { info } of stored) {
			if (ids.has(info.DomainId)) throw new Error(`DomainId ${info.DomainId} is already stored`);
			ids.add(info.DomainId);
		}
		this.domains.push(...stored);
	}

	/** A project's domains in GetUcdnDomainConfig's (UCDN) list, in a stable order: CreateTime ascending, then DomainId. */
	list(projectId: string): StoredDomain[] {
		return this.domains
			.filter((domain) => domain.projectId === projectId && !domain.wholeSite)
			.sort(
				(a, b) =>
					a.info.CreateTime - b.info.CreateTime ||
					(a.info.DomainId < b.info.DomainId ? -1 : a.info.DomainId > b.info.DomainId ? 1 : 0),
			);
	}

	find(domainId: string, projectId?: string): StoredDomain | undefined {
		return this.domains.find(
			(domain) =>
				domain.info.DomainId === domainId &&
				(projectId === undefined || domain.projectId === projectId),
		);
	}

	private known(domainId: string): StoredDomain {
		const domain = this.find(domainId);
		if (!domain) throw new Error(`No domain ${domainId}`);
		return domain;
	}

	/** A domain's daily quotas: its own (setQuota) over everyone's. */
	quotaOf(domainId: string): Quota {
		return { ...this.quota, ...this.quotaFor.get(domainId) };
	}

	setQuota(domainId: string, quota: Partial<Quota>): void {
		this.known(domainId);
		checkCounts(quota, 'setQuota');
		this.quotaFor.set(domainId, { ...this.quotaFor.get(domainId), ...quota });
	}

	private today(): number {
		return Math.floor(this.now() / SECONDS_A_DAY);
	}

	/** What was submitted today for a domain (zero once the clock's UTC day has changed). */
	usedToday(domainId: string): Quota {
		const entry = this.used.get(domainId);
		return entry && entry.day === this.today()
			? { ...entry.counts }
			: { file: 0, dir: 0, prefetch: 0 };
	}

	/** Adds to today's counts, as someone purging meanwhile would; may go over the quota. */
	use(domainId: string, counts: Partial<Quota>): void {
		this.known(domainId);
		checkCounts(counts, 'useQuota');
		const total = this.usedToday(domainId);
		for (const kind of QUOTA_KINDS) total[kind] += counts[kind] ?? 0;
		this.used.set(domainId, { day: this.today(), counts: total });
	}

	/**
	 * The project's domain a host belongs to: of the domains that are not deleted (nor being
	 * deleted), an exact match (any case) first, else a wildcard's; of several, the enabled one.
	 * A host only deleted domains match belongs to the first of them. Whole-site (DCDN) domains
	 * are matched only for a submit with IsDcdn.
	 */
	match(projectId: string, host: string, isDcdn: boolean): StoredDomain | undefined {
		const domains = this.domains.filter(
			(domain) => domain.projectId === projectId && (isDcdn || !domain.wholeSite),
		);
		const name = (domain: StoredDomain) => asciiName(domain.info.Domain);
		const exact = domains.filter((domain) => name(domain) === host);
		const wildcard = domains.filter(
			(domain) => name(domain).startsWith('*.') && covers(name(domain), host),
		);
		const live = (of: StoredDomain[]) => {
			const there = of.filter((domain) => !GONE.has(domain.info.Status));
			return there.find((domain) => domain.info.Status === 'enable') ?? there[0];
		};
		return live(exact) ?? live(wildcard) ?? exact[0] ?? wildcard[0];
	}

	/**
	 * Checks every URL of a submit and today's quota of every domain they belong to; throws a
	 * Refusal (nothing counted) or counts them all. Each URL counts once, against its domain.
	 */
	charge(projectId: string, kind: QuotaKind, urls: readonly string[], isDcdn: boolean): void {
		const calls = new Map<string, { domain: StoredDomain; count: number }>();
		for (const url of urls) {
			const host = urlHost(url) ?? '';
			if (host.includes('*')) {
				throw new Refusal(
					'DOMAIN_WILDCARD',
					`Domain ${host} is a wildcard: purge URLs of the hosts under it, not its own name`,
				);
			}
			const domain = this.match(projectId, host, isDcdn);
			if (!domain) {
				throw new Refusal(
					'DOMAIN_UNKNOWN',
					`Domain ${host} is not accelerated by this account in project ${projectId}`,
				);
			}
			const { Domain, Status } = domain.info;
			if (Status !== 'enable') {
				const via = Domain.toLowerCase() === host ? '' : ` (host ${host})`;
				throw new Refusal('DOMAIN_DISABLED', `Domain ${Domain}${via} is ${Status}`);
			}
			const call = calls.get(domain.info.DomainId) ?? { domain, count: 0 };
			call.count++;
			calls.set(domain.info.DomainId, call);
		}
		for (const [domainId, { domain, count }] of calls) {
			const quota = this.quotaOf(domainId)[kind];
			const used = this.usedToday(domainId)[kind];
			if (used + count > quota) {
				throw new Refusal(
					'QUOTA_EXCEEDED',
					`${QUOTA_NAMES[kind]} exceeded for domain ${domain.info.Domain}: ${quota} a day, ${used} used, this call ${count}`,
				);
			}
		}
		for (const [domainId, { count }] of calls) this.use(domainId, { [kind]: count });
	}
}
