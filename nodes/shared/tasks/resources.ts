/**
 * Refresh and Prefetch are one API shape with different action names: the node has one code
 * path per operation, and this table is the only place the two resources differ.
 */
export const RESOURCES = {
	refresh: {
		name: 'Refresh',
		describeAction: 'DescribeNewUcdnRefreshCacheTask',
		submitAction: 'RefreshNewUcdnDomainCache',
		/** Refresh takes a Type (file, dir, m3u8); directories end with a slash. */
		takesType: true,
		filesOnly: false,
	},
	prefetch: {
		name: 'Prefetch',
		describeAction: 'DescribeNewUcdnPrefetchCacheTask',
		submitAction: 'PrefetchNewUcdnDomainCache',
		takesType: false,
		/** Prefetch takes files only: no URL may end with a slash. */
		filesOnly: true,
	},
} as const;

export type ResourceKey = keyof typeof RESOURCES;
export type Resource = (typeof RESOURCES)[ResourceKey];
