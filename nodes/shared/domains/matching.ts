import type { IDataObject } from 'n8n-workflow';

import { parseUrl } from '../parameters/urls';
import { quotesSecret } from '../transport/redact';

/** An accelerated domain as GetUcdnDomainConfig lists it (unknown fields kept), read by readDomains. */
export interface Domain extends IDataObject {
	Domain: string;
	DomainId: string;
	/** '' when the list gives none. */
	Status: string;
}

/** The only Status in which a domain is accelerating and can be purged. */
export const ENABLED = 'enable';

/**
 * The entries of a DomainList that name a domain and its ID, as the rest of the node reads them:
 * a DomainId sent as a number is that number as text, a Status that is not text is '' (none).
 * The entries without both cannot be matched or asked about. So are those that quote one of the
 * `secrets` (the private key: a broken gateway echoing the request), as the check's errors would.
 */
export function readDomains(list: IDataObject[], secrets: string[] = []): Domain[] {
	const domains: Domain[] = [];
	for (const entry of list) {
		const { Domain: name, DomainId: rawId } = entry;
		const id = typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : rawId;
		if (typeof name !== 'string' || name === '' || typeof id !== 'string' || id === '') continue;
		const Status = typeof entry.Status === 'string' ? entry.Status : '';
		if (quotesSecret(`${name}\n${id}\n${Status}`, secrets)) continue;
		domains.push({ ...entry, Domain: name, DomainId: id, Status });
	}
	return domains;
}

/**
 * Statuses of an entry that is deleted or being deleted: it accelerates nothing. A domain that
 * was deleted and added again is listed twice, the dead entry beside the live one.
 */
const GONE = new Set(['delete', 'deleteing']);

export const isGone = ({ Status }: Domain): boolean => GONE.has(Status);

export const isWildcard = (name: string): boolean => name.startsWith('*.');

/**
 * A name's entries in the domain list, in list order, and the one that is that domain: the
 * enabled entry, else the first still there, else the first (all are deleted).
 * docs/domains-and-quota.md states the rule for users.
 */
export interface Listing {
	domain: Domain;
	entries: readonly Domain[];
}

function listing(entries: readonly Domain[]): Listing {
	const domain =
		entries.find(({ Status }) => Status === ENABLED) ??
		entries.find((entry) => !isGone(entry)) ??
		(entries[0] as Domain);
	return { domain, entries };
}

/** Why a name's domain cannot be purged, in words, naming every status listed; undefined when it can (it is `enable`). */
export function notEnabled({ domain, entries }: Listing): string | undefined {
	const { Domain: name, Status } = domain;
	if (Status === ENABLED) return undefined;
	if (entries.length > 1) {
		const statuses = entries.map((entry) => entry.Status || 'no status');
		const last = statuses.pop() as string;
		return `${name} is listed ${entries.length} times, as ${statuses.join(', ')} and ${last}: none is ${ENABLED}`;
	}
	return Status === ''
		? `${name} has no Status in the domain list, so it cannot be told to be ${ENABLED}`
		: `${name} is ${Status}, not ${ENABLED}`;
}

/**
 * A bare domain name as a URL's hostname has it, which is how the CDN matches it: lower case,
 * without a trailing dot, an internationalised name in its ASCII form (punycode). Undefined for
 * anything that is not a bare name: of a URL or a path, URL would keep only a part.
 */
export function hostnameOf(name: string): string | undefined {
	const lower = name.toLowerCase().replace(/\.$/, '');
	if (!/^[^\s/?#@:[\]\\%]+$/.test(lower)) return undefined;
	return parseUrl(`http://${lower}/`)?.hostname;
}

/**
 * A domain name as hostnameOf spells it, if it is one: two labels or more, each of letters,
 * digits, `-` and `_`, but a wildcard's first (`*`), and not an IP address (`0x7f.1` is
 * 127.0.0.1 to URL). Undefined for anything else, which no purge should be sent for.
 */
export function domainNameOf(name: string): string | undefined {
	const host = hostnameOf(name);
	const labels = host?.split('.') ?? [];
	const fits = labels.every(
		(label, n) => /^[a-z0-9_-]+$/.test(label) || (n === 0 && label === '*'),
	);
	return fits && labels.length > 1 && !/^\d+$/.test(labels.at(-1) as string) ? host : undefined;
}

/**
 * A domain name or URL host as the CDN matches it (see hostnameOf), what is not a bare name in
 * lower case. The account's list and the URLs may spell one domain either way (`bücher.example`,
 * `xn--bcher-kva.example`).
 */
export const hostKey = (name: string): string =>
	hostnameOf(name) ?? name.toLowerCase().replace(/\.$/, '');

/**
 * The account's domains by name (hostKey: each name's Listing) and by DomainId (the first of
 * each): finding a URL's domain is one look-up, however many domains the account has and URLs
 * an item holds.
 */
export interface DomainIndex {
	byName: ReadonlyMap<string, Listing>;
	byId: ReadonlyMap<string, Domain>;
}

export function indexDomains(domains: readonly Domain[]): DomainIndex {
	const entries = new Map<string, Domain[]>();
	const byId = new Map<string, Domain>();
	for (const domain of domains) {
		const name = hostKey(domain.Domain);
		const same = entries.get(name);
		if (same) same.push(domain);
		else entries.set(name, [domain]);
		if (!byId.has(domain.DomainId)) byId.set(domain.DomainId, domain);
	}
	const byName = new Map<string, Listing>();
	for (const [name, list] of entries) byName.set(name, listing(list));
	return { byName, byId };
}

/**
 * The domain a host belongs to: the domain of that name (see hostKey), else the wildcard domain
 * one label above it (`*.example.com` covers `a.example.com`, not `a.b.example.com` nor
 * `example.com`). A deleted entry accelerates nothing, so the wildcard covers a host whose
 * entries are all deleted; with no live entry either way, the deleted entries are returned, for
 * the refusal to name. A host that is itself a wildcard belongs to no domain.
 */
export function domainOf(host: string, { byName }: DomainIndex): Listing | undefined {
	const name = hostKey(host);
	if (name.includes('*')) return undefined;
	const exact = byName.get(name);
	if (exact && !isGone(exact.domain)) return exact;
	const dot = name.indexOf('.');
	const wildcard = dot > 0 ? byName.get(`*${name.slice(dot)}`) : undefined;
	return wildcard && !isGone(wildcard.domain) ? wildcard : (exact ?? wildcard);
}

/** What a purge counts against, per domain and day: file (and m3u8) refreshes, directory refreshes, prefetches. */
export type PurgeKind = 'file' | 'dir' | 'prefetch';

/** Each kind in words, as the quota messages count it. */
export const KIND_WORDS: Record<PurgeKind, string> = {
	file: 'file refreshes',
	dir: 'directory refreshes',
	prefetch: 'prefetches',
};

/** The quota a submit counts against: M3U8 refreshes count as file refreshes. */
export function purgeKind(prefetch: boolean, type: string | undefined): PurgeKind {
	if (prefetch) return 'prefetch';
	return type === 'dir' ? 'dir' : 'file';
}
