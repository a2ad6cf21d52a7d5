/**
 * Every UCloud API action the package calls, written once: its name on the wire, the node's
 * resource it reads or writes (`project`: the editor's Project ID list), and whether it creates
 * tasks, a purge the retry policy never repeats (retry.ts). ../../../README.md's Resources link
 * UCloud's reference for each.
 */
export const ACTIONS = {
	refreshTasks: { name: 'DescribeNewUcdnRefreshCacheTask', resource: 'refresh', creates: false },
	refresh: { name: 'RefreshNewUcdnDomainCache', resource: 'refresh', creates: true },
	prefetchTasks: { name: 'DescribeNewUcdnPrefetchCacheTask', resource: 'prefetch', creates: false },
	prefetch: { name: 'PrefetchNewUcdnDomainCache', resource: 'prefetch', creates: true },
	domainList: { name: 'GetUcdnDomainConfig', resource: 'domain', creates: false },
	domainQuota: { name: 'GetUcdnDomainPrefetchRefreshState', resource: 'domain', creates: false },
	projectList: { name: 'GetProjectList', resource: 'project', creates: false },
	bandwidth: { name: 'GetUcdnDomainBandwidthV2', resource: 'statistics', creates: false },
	requests: { name: 'GetUcdnDomainRequestNumV3', resource: 'statistics', creates: false },
	hitRate: { name: 'GetUcdnDomainHitRate', resource: 'statistics', creates: false },
	httpCodes: { name: 'GetUcdnDomainHttpCodeV2', resource: 'statistics', creates: false },
	originHttpCodes: { name: 'GetUcdnDomainOriginHttpCode', resource: 'statistics', creates: false },
	logs: { name: 'GetUcdnDomainLogV2', resource: 'log', creates: false },
	certificates: { name: 'GetCertificateV2', resource: 'certificate', creates: false },
} as const;

const CREATING: ReadonlySet<string> = new Set(
	Object.values(ACTIONS)
		.filter((action) => action.creates)
		.map((action) => action.name),
);

/** Whether an action creates tasks: then it is retried only when no task can have been created. */
export const createsTasks = (action: string): boolean => CREATING.has(action);
