/**
 * The domain and quota family. The account's accelerated domains (seedDomains in data.ts,
 * named by SEED_DOMAINS; `domains` replaces them, addDomains adds more; `seed: false` drops the
 * seed tasks, not the domains) belong to one project each, and two read-only actions serve
 * them, documented by the official SDKs (Go services/ucdn, Java cn.ucloud.ucdn.models), signed,
 * scoped by ProjectId, deniable and faultable like every action (server.ts):
 * - GetUcdnDomainConfig: the project's domains, oldest first (CreateTime, then DomainId), each
 *   in the documented shape (DomainConfigInfo) with small plausible configuration objects.
 *   `DomainId.N` filters (unknown IDs are simply not listed); `ChannelType` must be `ucdn` (the
 *   default) or is refused with RET.PARAMS; `Offset` and `Limit` (default all) page like
 *   Describe's. The answer is `DomainList` only: the Go SDK's response struct has no TotalCount,
 *   so there is none unless `domainTotalCount: true`. With `domainCap` it answers at most that
 *   many domains per call whatever Limit says, as describeCap does for tasks.
 * - GetUcdnDomainPrefetchRefreshState: one domain's (`DomainId`, required) daily quotas
 *   RefreshFileQuota, RefreshDirQuota, PrefetchQuota and what was submitted today,
 *   SubmitRefreshFile, SubmitRefreshDir, SubmitPrefetchCount. A DomainId that is not one of the
 *   project's domains is RET.PARAMS.
 * The quotas are the guides' defaults, per domain and day: 700 file refreshes, 20 directory
 * refreshes, 500 prefetches (`quota` changes them for every domain, setQuota for one). "Today"
 * is the simulator clock's (`now`) UTC day: the counts start again at 0 when it changes.
 * useQuota adds to today's counts, as someone purging meanwhile would (it may go over).
 *
 * Every submit (tasks.ts) is checked, atomically, once its parameters are valid and before it
 * creates a task. Each URL's host (without port or user info, in lower case but otherwise as
 * sent: a host with an ideographic full stop, a zero-width space or a percent escape matches
 * nothing) must be a domain of the request's project: the same name in any case (a domain
 * listed with an internationalised name by its punycode), or else a wildcard domain
 * `*.example.com` covering exactly one label (a.example.com yes; a.b.example.com and
 * example.com no); a domain of that name wins over a wildcard. The domain must be `enable`. A
 * URL whose host is itself a wildcard (`https://*.example.com/`) is refused: a wildcard domain
 * cannot be purged by its own name. Of several domains of a name, the enabled one is purged; a
 * deleted (or `deleteing`) domain accelerates nothing, so a wildcard covers its host. A
 * whole-site acceleration (DCDN) domain (`wholeSite: true`, the simulator's model: neither the
 * SDKs nor the guides say whether GetUcdnDomainConfig lists them) is not in
 * GetUcdnDomainConfig's list and is purged only by a submit with IsDcdn `true`; the others are
 * purged with it or without. Each URL listed counts one (a URL listed twice counts twice)
 * against the domain it matched (a wildcard domain's counts for the hosts under it): Type
 * `file` and `m3u8` as file refreshes, `dir` as directory refreshes, a prefetch URL as a
 * prefetch. If any URL is refused or any domain would go over today's quota, the whole call is
 * refused: no task, nothing counted. No source documents the real RetCodes of these refusals,
 * so the codes and messages are the simulator's own choice, all below 2000 (the request is
 * wrong; do not retry): RET.DOMAIN_UNKNOWN 1401 `Domain x.test is not accelerated by this
 * account in project org-default`; RET.DOMAIN_DISABLED 1402 `Domain old.example.org is
 * disable` (the Status as the API spells it, and the host when a wildcard matched);
 * RET.DOMAIN_WILDCARD 1403 `Domain *.example.com is a wildcard: …`; RET.QUOTA_EXCEEDED 1404
 * `Refresh dir quota exceeded for domain static.example.com: 20 a day, 18 used, this call 5`
 * (`Refresh file quota`, `Prefetch quota`). The URL checked first, then the domains in the
 * order their URLs come, decides which refusal a call gets. Tasks a `newTasks` fault creates
 * are someone else's and count nothing.
 */
import type { DomainInput, StoredDomain } from './data';
import { DEFAULT_QUOTA, makeDomain } from './data';
import { ParamError, listParam, natural } from './params';
import type { ActionRequest, Fields } from './types';
import { Refusal } from './types';

/** What a submitted URL counts as: a file refresh (`file`, `m3u8`), a directory refresh, a prefetch. */
export type QuotaKind = 'file' | 'dir' | 'prefetch';
export type Quota = Record<QuotaKind, number>;

export const QUOTA_KINDS: readonly QuotaKind[] = ['file', 'dir', 'prefetch'];

/** How GetUcdnDomainConfig pages (see the header). */
export interface DomainListing {
	/** Whether the answer holds TotalCount (the Go SDK's struct has none). */
	totalCount: boolean;
	/** Most domains one answer holds, whatever Limit says. */
	cap: number;
}

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
		readonly listing: DomainListing = { totalCount: false, cap: Infinity },
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

	/**
	 * A project's domains in GetUcdnDomainConfig's (UCDN) list, or its whole-site (DCDN) ones, in
	 * a stable order: CreateTime ascending, then DomainId.
	 */
	list(projectId: string, wholeSite = false): StoredDomain[] {
		return this.domains
			.filter((domain) => domain.projectId === projectId && domain.wholeSite === wholeSite)
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

/** GetUcdnDomainConfig: the project's domains, oldest first (see the header). */
export function domainConfig(book: DomainBook, { projectId, params }: ActionRequest): Fields {
	const channel = params.ChannelType;
	if (channel !== undefined && channel !== 'ucdn')
		throw new ParamError(`Params [ChannelType] not valid: ${channel}`);
	const offset = natural(params, 'Offset') ?? 0;
	const limit = natural(params, 'Limit');
	const ids = listParam(params, 'DomainId');
	const wanted = ids.length > 0 ? new Set(ids) : undefined;
	const matches = book
		.list(projectId)
		.filter((domain) => !wanted || wanted.has(domain.info.DomainId));
	const page = matches.slice(offset, offset + Math.min(limit ?? Infinity, book.listing.cap));
	return {
		...(book.listing.totalCount ? { TotalCount: matches.length } : {}),
		DomainList: page.map((domain) => structuredClone(domain.info)),
	};
}

/** GetUcdnDomainPrefetchRefreshState: one domain's daily quotas and today's counts. */
export function purgeState(book: DomainBook, { projectId, params }: ActionRequest): Fields {
	const domainId = params.DomainId;
	if (domainId === undefined || domainId === '') throw new ParamError('Missing params [DomainId]');
	if (!book.find(domainId, projectId))
		throw new ParamError(`Params [DomainId] not valid: ${domainId}`);
	const quota = book.quotaOf(domainId);
	const used = book.usedToday(domainId);
	return {
		RefreshFileQuota: quota.file,
		RefreshDirQuota: quota.dir,
		PrefetchQuota: quota.prefetch,
		SubmitRefreshFile: used.file,
		SubmitRefreshDir: used.dir,
		SubmitPrefetchCount: used.prefetch,
	};
}
