/**
 * The simulator's one table of actions: each action's name on the wire → its handler, which
 * lives in its family's module (tasks.ts, domains.ts, projects.ts, statistics.ts, logs.ts,
 * certificates.ts) with that family's rules in
 * its header. server.ts looks every call up here once its signature and permission are checked.
 *
 * A handler takes the family's model from the Account and the call (types.ts' ActionRequest),
 * and returns the answer's fields or throws a Refusal (a ParamError for RET.PARAMS). Adding an
 * action is a handler in its family's module and one line here, for example
 *   ['GetUcdnDomainBandwidthV2', scoped((a, r) => bandwidth(a.domains, r))],
 * and a new family's model is one more member of Account, made in server.ts's constructor.
 */
import type { CertificateStore } from './certificates';
import { certificates } from './certificates';
import type { ProjectInfo } from './data';
import type { DomainBook } from './domains';
import type { LogShelf } from './logs';
import { domainConfig, purgeState } from './domains';
import { projectList } from './projects';
import type { TrafficBook } from './statistics';
import { bandwidth, hitRate, httpCode, originHttpCode, requestNum } from './statistics';
import type { TaskBoard } from './tasks';
import { describeTasks, submitTask } from './tasks';
import type { ActionRequest, Fields } from './types';

/** The simulated account the handlers read and change: each family's model. */
export interface Account {
	readonly tasks: TaskBoard;
	readonly domains: DomainBook;
	readonly traffic: TrafficBook;
	readonly logs: LogShelf;
	readonly certificates: CertificateStore;
	readonly projects: readonly ProjectInfo[];
}

export type Handler = (account: Account, request: ActionRequest) => Fields;

export interface Action {
	handle: Handler;
	/** Whether ProjectId must name one of the account's projects (checked before the handler). */
	scoped: boolean;
}

/** An action scoped by ProjectId, as nearly all are. */
const scoped = (handle: Handler): Action => ({ handle, scoped: true });

/** An action that ignores ProjectId. */
const unscoped = (handle: Handler): Action => ({ handle, scoped: false });

export const ACTIONS: ReadonlyMap<string, Action> = new Map([
	['DescribeNewUcdnRefreshCacheTask', scoped((a, r) => describeTasks(a.tasks, 'refresh', r))],
	['DescribeNewUcdnPrefetchCacheTask', scoped((a, r) => describeTasks(a.tasks, 'prefetch', r))],
	['RefreshNewUcdnDomainCache', scoped((a, r) => submitTask(a.tasks, a.domains, 'refresh', r))],
	['PrefetchNewUcdnDomainCache', scoped((a, r) => submitTask(a.tasks, a.domains, 'prefetch', r))],
	['GetUcdnDomainConfig', scoped((a, r) => domainConfig(a.domains, r))],
	['GetUcdnDomainPrefetchRefreshState', scoped((a, r) => purgeState(a.domains, r))],
	['GetProjectList', unscoped((a, r) => projectList(a.projects, r))],
	['GetUcdnDomainBandwidthV2', scoped((a, r) => bandwidth(a.traffic, r))],
	['GetUcdnDomainRequestNumV3', scoped((a, r) => requestNum(a.traffic, r))],
	['GetUcdnDomainHitRate', scoped((a, r) => hitRate(a.traffic, r))],
	['GetUcdnDomainHttpCodeV2', scoped((a, r) => httpCode(a.traffic, r))],
	['GetUcdnDomainOriginHttpCode', scoped((a, r) => originHttpCode(a.traffic, r))],
	['GetUcdnDomainLogV2', scoped((a, r) => a.logs.logs(r))],
	['GetCertificateV2', scoped((a, r) => certificates(a.certificates, r))],
]);
