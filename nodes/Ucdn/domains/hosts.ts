import type { IDataObject } from 'n8n-workflow';

import { quotesSecret } from '../../shared/transport/redact';

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

/** Why a domain cannot be purged, in words; undefined when it can (it is `enable`). */
export function notEnabled({ Domain: name, Status }: Domain): string | undefined {
	if (Status === ENABLED) return undefined;
	return Status === ''
		? `${name} has no Status in the domain list, so it cannot be told to be ${ENABLED}`
		: `${name} is ${Status}, not ${ENABLED}`;
}

export const isWildcard = (name: string): boolean => name.startsWith('*.');

/**
 * A domain name or URL host as the CDN matches it: lower case, without a trailing dot, an
 * internationalised name in its ASCII form (punycode), as a URL's hostname has it. The account's
 * list and the URLs may spell one domain either way (`bücher.example`, `xn--bcher-kva.example`).
 */
export function hostKey(name: string): string {
	const lower = name.toLowerCase().replace(/\.$/, '');
	// Only a bare name goes through URL: of anything more it would keep only a part.
	if (!/^[^\s/?#@:[\]\\%]+$/.test(lower)) return lower;
	const url = `http://${lower}/`;
	return URL.canParse(url) ? new URL(url).hostname : lower;
}

/**
 * The account's domains by name (hostKey) and by DomainId, the first of each kept: finding a
 * URL's domain is one look-up, however many domains the account has and URLs an item holds.
 */
export interface DomainIndex {
	byName: ReadonlyMap<string, Domain>;
	byId: ReadonlyMap<string, Domain>;
}

export function indexDomains(domains: readonly Domain[]): DomainIndex {
	const byName = new Map<string, Domain>();
	const byId = new Map<string, Domain>();
	for (const domain of domains) {
		const name = hostKey(domain.Domain);
		if (!byName.has(name)) byName.set(name, domain);
		if (!byId.has(domain.DomainId)) byId.set(domain.DomainId, domain);
	}
	return { byName, byId };
}

/**
 * The domain a URL's host belongs to: the domain of that name (see hostKey), else the wildcard
 * domain one label above it (`*.example.com` covers `a.example.com`, not `a.b.example.com`
 * nor `example.com`). A host that is itself a wildcard belongs to no domain.
 */
export function domainOf(host: string, { byName }: DomainIndex): Domain | undefined {
	const name = hostKey(host);
	if (name.includes('*')) return undefined;
	const dot = name.indexOf('.');
	return byName.get(name) ?? (dot > 0 ? byName.get(`*${name.slice(dot)}`) : undefined);
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
