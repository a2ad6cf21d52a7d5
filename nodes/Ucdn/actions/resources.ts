/**
 * Refresh and Prefetch are one API shape with different action names: the node has one code
 * path per operation, and this table is the only place the two resources differ.
 */
export const RESOURCES = {
	refresh: {
		name: 'Refresh',
		describeAction: 'DescribeNewUcdnRefreshCacheTask',
	},
	prefetch: {
		name: 'Prefetch',
		describeAction: 'DescribeNewUcdnPrefetchCacheTask',
	},
} as const;

export type ResourceKey = keyof typeof RESOURCES;
export type Resource = (typeof RESOURCES)[ResourceKey];
