import type { IDataObject } from 'n8n-workflow';

/** An accelerated domain as GetUcdnDomainConfig lists it (unknown fields kept). */
export interface Domain extends IDataObject {
	Domain: string;
	DomainId: string;
	Status: string;
}

/** The only Status in which a domain is accelerating and can be purged. */
export const ENABLED = 'enable';

/** The entries of a DomainList that name a domain and its ID; the rest cannot be matched or asked about. */
export function readDomains(list: IDataObject[]): Domain[] {
	return list.filter(
		(entry): entry is Domain =>
			typeof entry.Domain === 'string' &&
			entry.Domain !== '' &&
			typeof entry.DomainId === 'string' &&
			entry.DomainId !== '',
	);
}

export const isWildcard = (name: string): boolean => name.startsWith('*.');

/**
 * The domain a URL's host belongs to: the domain of that name (any case), else the wildcard
 * domain one label above it (`*.example.com` covers `a.example.com`, not `a.b.example.com`
 * nor `example.com`). A host that is itself a wildcard belongs to no domain.
 */
export function domainOf(host: string, domains: readonly Domain[]): Domain | undefined {
	// A trailing dot stays: the CDN matches hosts by name, and `a.example.com.` is not one it has.
	const name = host.toLowerCase();
	if (name.includes('*')) return undefined;
	const named = (wanted: string) => domains.find((d) => d.Domain.toLowerCase() === wanted);
	const dot = name.indexOf('.');
	return named(name) ?? (dot > 0 ? named(`*${name.slice(dot)}`) : undefined);
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
