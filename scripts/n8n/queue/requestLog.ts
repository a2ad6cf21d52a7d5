/**
 * What the checks read of the simulator's request log: the URLs submitted, the TaskIds a call
 * names, the trigger's polls. Knows nothing of the cluster, which waits on these too (the
 * trigger's first poll). Nothing here changes anything.
 */
import type { UcdnSimulator } from '../../../dev/simulator/server';

/** All URLs ever submitted to the simulator, one entry per submit. */
export function submittedUrls(simulator: UcdnSimulator): string[] {
	return simulator.requestsFor('RefreshNewUcdnDomainCache').flatMap((request) =>
		Object.entries(request.params)
			.filter(([name]) => /^UrlList\.\d+$/.test(name))
			.map(([, url]) => url),
	);
}

export function duplicatePurges(simulator: UcdnSimulator): string[] {
	const seen = new Set<string>();
	return submittedUrls(simulator).filter((url) => seen.has(url) || !seen.add(url));
}

export function taskIdsOf(params: Record<string, string>): string[] {
	return Object.entries(params)
		.filter(([name]) => /^TaskId\.\d+$/.test(name))
		.map(([, id]) => id);
}

/** The trigger's polls: its Describe calls without TaskIds, for prefetch (the load only purges). */
export function polls(simulator: UcdnSimulator): number {
	return simulator
		.requestsFor('DescribeNewUcdnPrefetchCacheTask')
		.filter((request) => taskIdsOf(request.params).length === 0).length;
}
