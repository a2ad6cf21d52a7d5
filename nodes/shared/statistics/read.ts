import type { AccountDomains } from '../domains/accountDomains';
import type { DomainRefs } from '../domains/domainsParameter';
import { resolveDomains } from '../domains/domainsParameter';
import type { Domain } from '../domains/matching';
import { isGone } from '../domains/matching';
import type { ApiTarget, RequestSettings, UcdnFunctions } from '../transport';
import { ucdnRequest } from '../transport';
import type { Scope } from '../transport/params';
import type { Range, StepKey } from './granularity';
import { STEPS, chunks } from './granularity';
import type { MetricKey } from './metrics';
import { METRICS } from './metrics';
import type { PointMaker, Series } from './series';
import { seriesBuilder } from './series';

/**
 * How many domains' series are read at once (Per Domain, Check Health), with `inOrder`: each
 * domain's calls one after the other, so at most this many calls are under way. Few: the API's
 * rate limits are not published, and a rate limit's refusal (429) is only retried after a wait.
 */
export const SERIES_AT_ONCE = 4;

/** One series' domains: one domain (Per Domain), or several or all (none named) summed by the API. */
export interface StatisticsTarget {
	/** The one domain the series is of; absent for a sum. */
	domain?: Domain;
	/** Sent as DomainId.N; none: all of the project's domains. */
	domainIds: string[];
}

/**
 * The series an item asks for: of the domains `refs` names (looked up in the project's list,
 * read once per execution), or of all of the project's; one per domain with `perDomain` (all
 * of them: the list's domains but those deleted), else one for them all, which needs no list.
 */
export async function statisticsTargets(
	directory: AccountDomains,
	refs: DomainRefs | undefined,
	scope: Scope,
	settings: RequestSettings,
	perDomain: boolean,
): Promise<StatisticsTarget[]> {
	if (!refs && !perDomain) return [{ domainIds: [] }];
	const index = await directory.domains(scope, settings);
	const domains = refs
		? resolveDomains(refs, index, directory.projectOf(scope))
		: [...index.byName.values()].map(({ domain }) => domain).filter((domain) => !isGone(domain));
	return perDomain
		? domains.map((domain) => ({ domain, domainIds: [domain.DomainId] }))
		: [{ domainIds: domains.map(({ DomainId }) => DomainId) }];
}

/** What every call of a series sends besides its range: the scope, Area and Protocol options. */
export interface SeriesQuery {
	scope: Scope;
	/** `cn`, `abroad`, or all (absent). */
	area?: string;
	/** http, https, websocket, quic: absent for all. */
	protocols: string[];
}

/**
 * One metric's series of a target over `range` (whole steps), read in chunks of at most
 * MAX_POINTS_PER_CALL points (see chunks), one call each; a failure names the domain and the
 * chunk. `point` makes each point's object (see toSeries).
 */
export async function readSeries(
	this: UcdnFunctions,
	api: ApiTarget,
	metricKey: MetricKey,
	{ domain, domainIds }: StatisticsTarget,
	range: Range,
	step: StepKey,
	{ scope, area, protocols }: SeriesQuery,
	settings: RequestSettings,
	point?: PointMaker,
): Promise<Series> {
	const metric = METRICS[metricKey];
	const calls = chunks(range, step);
	// Each answer read as it comes: none is held while the next is asked for.
	const series = seriesBuilder(metric, range, step, point);
	for (const [n, chunk] of calls.entries()) {
		const params = {
			...scope,
			...metric.extra,
			BeginTime: chunk.begin,
			EndTime: chunk.end,
			Type: STEPS[step].type,
			DomainId: domainIds,
			Areacode: area,
			Protocol: metric.protocol && protocols.length > 0 ? protocols.join(',') : undefined,
		};
		const whose = domain ? `of ${domain.Domain}` : undefined;
		const which = calls.length > 1 ? `call ${n + 1} of ${calls.length}` : undefined;
		const part = [whose, which].filter(Boolean).join(', ') || undefined;
		series.add(await ucdnRequest.call(this, api, metric.action, params, { ...settings, part }));
	}
	return series.series();
}
