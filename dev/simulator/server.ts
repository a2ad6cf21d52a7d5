/**
 * A loopback simulator of the UCDN API, written from the API documents (not from the node's
 * code): it verifies signatures the way the server does, implements both Describe actions
 * with their documented defaults, keeps a log of every request and can be told to misbehave
 * (see Fault): HTTP errors, RetCodes, garbage, delays, resets, rewritten answers, echoed
 * secrets, bodies that trickle in or never come, new tasks created between Describe calls,
 * a Describe that ignores Offset, and one answered by a replica that lags (ended tasks listed
 * as still running, as load-balanced APIs do). With `describeCap` it answers at most that many
 * tasks per Describe call whatever Limit says, TotalCount staying the real number, as a
 * gateway in front of the API may: a client must follow TotalCount to see every task.
 *
 * It also serves UAccount's GetProjectList, which fills the nodes' Project ID list. As
 * documented (docs.ucloud.cn/api/uaccount-api/get_project_list; ucloud-sdk-go
 * services/uaccount GetProjectListRequest/Response and ProjectListInfo): signed like every
 * action; public parameters Action, PublicKey and Signature only, so not scoped by ProjectId
 * (one sent is ignored); optional IsFinance `Yes` | `No`; no paging. The answer is
 * `ProjectCount` and `ProjectSet`, each project with ProjectId, ProjectName, CreateTime (Unix
 * seconds), IsDefault (boolean), MemberCount, ResourceCount and the deprecated, optional
 * ParentId and ParentName. The account has three projects (see seedProjects), one default.
 *
 * A key may lack permission for an action, as a sub-account's key restricted by IAM does:
 * `sim.denied.add('GetProjectList')` answers that action, once the signature is verified,
 * with RetCode 299, which UCloud's common error table (docs.ucloud.cn/api/summary/public)
 * describes as "IAM 权限校验未通过" (IAM permission check failed); the Message is the
 * simulator's translation. Other actions keep working.
 *
 * Domains and daily purge quota. The account's accelerated domains (seedDomains in data.ts,
 * named by SEED_DOMAINS; `domains` replaces them, addDomains adds more; `seed: false` drops the
 * seed tasks, not the domains) belong to one project each, and two read-only actions serve
 * them, documented by the official SDKs (Go services/ucdn, Java cn.ucloud.ucdn.models), signed,
 * scoped by ProjectId, deniable and faultable like every action:
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
 * Every submit is checked, atomically, once its parameters are valid and before it creates a
 * task. Each URL's host (without port or user info, in lower case but otherwise as sent: a host
 * with an ideographic full stop, a zero-width space or a percent escape matches nothing) must be
 * a domain of the request's project: the same name in any case (a domain listed with an
 * internationalised name by its punycode), or else a wildcard domain `*.example.com`
 * covering exactly one label (a.example.com yes; a.b.example.com and example.com no); a
 * domain of that name wins over a wildcard. The domain must be `enable`. A URL whose host is
 * itself a wildcard (`https://*.example.com/`) is refused: a wildcard domain cannot be purged
 * by its own name. Of several domains of a name, the enabled one is purged; a deleted (or
 * `deleteing`) domain accelerates nothing, so a wildcard covers its host. A whole-site
 * acceleration (DCDN) domain (`wholeSite: true`, the simulator's model: neither the SDKs nor the
 * guides say whether GetUcdnDomainConfig lists them) is not in GetUcdnDomainConfig's list and is
 * purged only by a submit with IsDcdn `true`; the others are purged with it or without. Each URL
 * listed counts one (a URL listed twice counts twice) against the domain it matched (a wildcard domain's counts for the hosts under it): Type `file` and `m3u8`
 * as file refreshes, `dir` as directory refreshes, a prefetch URL as a prefetch. If any URL is
 * refused or any domain would go over today's quota, the whole call is refused: no task,
 * nothing counted. No source documents the real RetCodes of these refusals, so the codes and
 * messages are the simulator's own choice, all below 2000 (the request is wrong; do not retry):
 * RET.DOMAIN_UNKNOWN 1401 `Domain x.test is not accelerated by this account in project
 * org-default`; RET.DOMAIN_DISABLED 1402 `Domain old.example.org is disable` (the Status as
 * the API spells it, and the host when a wildcard matched); RET.DOMAIN_WILDCARD 1403 `Domain
 * *.example.com is a wildcard: …`; RET.QUOTA_EXCEEDED 1404 `Refresh dir quota exceeded for
 * domain static.example.com: 20 a day, 18 used, this call 5` (`Refresh file quota`, `Prefetch
 * quota`). The URL checked first, then the domains in the order their URLs come, decides which
 * refusal a call gets. Tasks a `newTasks` fault creates are someone else's and count nothing.
 */
import SHA1 from 'crypto-js/sha1';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import type {
	DomainInput,
	ProjectInfo,
	StoredDomain,
	StoredTask,
	TaskInfo,
	TaskKind,
} from './data';
import { DEFAULT_PROJECT, seedDomains, seedProjects, seedTasks } from './data';
import type { Quota, QuotaKind } from './domains';
import { DomainBook } from './domains';
import { FaultQueue, encodeEcho, trickle } from './faults';
import { ParamError, canonical, listParam, natural } from './params';
import type { Fault, FaultOptions, RecordedRequest } from './types';
import { RET, Refusal } from './types';

export { DEFAULT_PROJECT, DEFAULT_QUOTA, SECOND_PROJECT, SEED_DOMAINS } from './data';
export type { DomainInfo, DomainInput, StoredDomain } from './data';
export type { Quota, QuotaKind } from './domains';
export { RET } from './types';
export type { EchoEncoding, Fault, FaultOptions, RecordedRequest } from './types';

/** Obviously fake keys: the simulator's one account. */
export const TEST_PUBLIC_KEY = 'TEST-PUBLIC-KEY-ucdn-simulator';
export const TEST_PRIVATE_KEY = 'TEST-PRIVATE-KEY-not-a-secret-0000';

export interface SubmitOptions {
	/** Most URLs one submit call may carry (the UCloud SDK's and console's cap). */
	cap: number;
	/** Describe calls that list a new task before it is done: it is `process` until then. */
	pollsToFinish: number;
}

export interface SimulatorOptions {
	submit?: Partial<SubmitOptions>;
	/** PublicKey → PrivateKey. */
	accounts?: Record<string, string>;
	/** What GetProjectList lists; the ProjectIds other actions accept. */
	projects?: ProjectInfo[];
	/** Serve the seed documents' example tasks (default true). */
	seed?: boolean;
	/** The clock, Unix seconds. */
	now?: () => number;
	/** Most tasks one Describe answer holds, whatever Limit says (see the header). */
	describeCap?: number;
	/** The account's domains instead of seedDomains (DEFAULT_PROJECT unless `projectId`). */
	domains?: DomainInput[];
	/** Daily quotas of every domain instead of DEFAULT_QUOTA (700 file, 20 dir, 500 prefetch). */
	quota?: Partial<Quota>;
	/** GetUcdnDomainConfig also answers TotalCount (the Go SDK's struct has none: default false). */
	domainTotalCount?: boolean;
	/** Most domains one GetUcdnDomainConfig answer holds, whatever Limit says. */
	domainCap?: number;
}

/** What the Describe faults change in an answer (see Fault). */
interface DescribeFaults {
	ignoreOffset?: boolean;
	/** TaskIds a replica that lags lists as not ended yet. */
	stale?: ReadonlySet<string>;
}

const DESCRIBE: Record<string, TaskKind> = {
	DescribeNewUcdnRefreshCacheTask: 'refresh',
	DescribeNewUcdnPrefetchCacheTask: 'prefetch',
};

const SUBMIT: Record<string, TaskKind> = {
	RefreshNewUcdnDomainCache: 'refresh',
	PrefetchNewUcdnDomainCache: 'prefetch',
};

const REFRESH_TYPES = new Set(['file', 'dir', 'm3u8']);

/** What a submitted URL counts against (see the header). */
function quotaKind(kind: TaskKind, type: string | undefined): QuotaKind {
	return kind === 'prefetch' ? 'prefetch' : type === 'dir' ? 'dir' : 'file';
}

const STATUSES = new Set(['success', 'wait', 'process', 'failure', 'unknow']);

/** A task as a replica that lags still lists it: not ended yet. */
function unfinished(info: TaskInfo): TaskInfo {
	if (info.Status !== 'success' && info.Status !== 'failure') return info;
	return {
		...info,
		Status: 'process',
		UrlLists: info.UrlLists.map((url) => ({
			...url,
			Status: 'process',
			Progress: 50,
			FinishTime: 0,
		})),
	};
}

export class UcdnSimulator {
	readonly requests: RecordedRequest[] = [];

	readonly tasks: StoredTask[];

	private readonly faults = new FaultQueue();

	/** Who waits for the next request to arrive (see nextRequest). */
	private arrivals: Array<() => void> = [];

	private readonly accounts: Record<string, string>;

	readonly projects: ProjectInfo[];

	/** Actions the key may not call: answered with RetCode 299 (see the header). */
	readonly denied = new Set<string>();

	private readonly now: () => number;

	readonly submitOptions: SubmitOptions;

	private readonly describeCap: number;

	private readonly domainBook: DomainBook;

	private readonly domainTotalCount: boolean;

	private readonly domainCap: number;

	/** URLs that will fail when their task finishes (see failUrls). */
	private readonly failing: Array<(url: string) => boolean> = [];

	private submitted = 0;

	private server!: Server;

	url = '';

	private port = 0;

	constructor(options: SimulatorOptions = {}) {
		this.accounts = options.accounts ?? { [TEST_PUBLIC_KEY]: TEST_PRIVATE_KEY };
		this.projects = options.projects ?? seedProjects();
		this.now = options.now ?? (() => Math.floor(Date.now() / 1000));
		this.tasks = options.seed === false ? [] : seedTasks();
		this.submitOptions = { cap: 30, pollsToFinish: 2, ...options.submit };
		this.describeCap = options.describeCap ?? Infinity;
		this.domainBook = new DomainBook(
			options.domains ?? seedDomains(),
			options.quota ?? {},
			this.now,
		);
		this.domainTotalCount = options.domainTotalCount ?? false;
		this.domainCap = options.domainCap ?? Infinity;
	}

	/** The account's domains, every project's, as stored. */
	get domains(): readonly StoredDomain[] {
		return this.domainBook.domains;
	}

	/** Adds domains (DEFAULT_PROJECT unless `projectId`); a DomainId already stored throws. */
	addDomains(...domains: Array<DomainInput | DomainInput[]>): void {
		this.domainBook.add(domains.flat());
	}

	/** Sets some of one domain's daily quotas (the others stay everyone's). */
	setQuota(domainId: string, quota: Partial<Quota>): void {
		this.domainBook.setQuota(domainId, quota);
	}

	/** Adds to one domain's counts of today, as someone purging meanwhile would. */
	useQuota(domainId: string, counts: Partial<Quota>): void {
		this.domainBook.use(domainId, counts);
	}

	/** One domain's quotas and what was submitted today. */
	quotaOf(domainId: string): { quota: Quota; used: Quota } {
		return {
			quota: this.domainBook.quotaOf(domainId),
			used: this.domainBook.usedToday(domainId),
		};
	}

	/** Submitted URLs matching this (a substring or a test) end in `failure`, and so do their tasks. */
	failUrls(match: string | ((url: string) => boolean)): void {
		this.failing.push(typeof match === 'string' ? (url) => url.includes(match) : match);
	}

	/** Finishes a submitted task at once, as the CDN would. */
	finishTask(taskId: string): void {
		const task = this.tasks.find((t) => t.info.TaskId === taskId);
		if (task) this.advance(task, Infinity);
	}

	/** Ends any task now with this status (task and every URL), as the CDN would. */
	endTask(taskId: string, status: 'success' | 'failure'): void {
		const task = this.tasks.find((t) => t.info.TaskId === taskId);
		if (!task) throw new Error(`No task ${taskId}`);
		task.pollsLeft = 0;
		task.info.Status = status;
		for (const url of task.info.UrlLists)
			Object.assign(url, { Status: status, Progress: 100, FinishTime: this.now() });
	}

	/** Moves a submitted task `steps` Describe calls on: wait → process → success or failure. */
	private advance(task: StoredTask, steps = 1): void {
		if (task.pollsLeft === undefined || task.pollsLeft <= 0) return;
		task.pollsLeft = steps >= task.pollsLeft ? 0 : task.pollsLeft - steps; // also for Infinity - Infinity
		const polls = task.polls ?? 1;
		const done = task.pollsLeft === 0;
		const progress = done
			? 100
			: Number.isFinite(polls)
				? Math.floor((100 * (polls - task.pollsLeft)) / (polls + 1))
				: 50;
		const finished = this.now();
		for (const url of task.info.UrlLists) {
			const failed = done && this.failing.some((match) => match(url.Url));
			url.Status = done ? (failed ? 'failure' : 'success') : 'process';
			url.Progress = progress;
			url.FinishTime = done ? finished : 0;
		}
		task.info.Status = done
			? task.info.UrlLists.some((url) => url.Status === 'failure')
				? 'failure'
				: 'success'
			: 'process';
	}

	async listen(): Promise<this> {
		this.server = createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		const { port } = this.server.address() as AddressInfo;
		this.port = port;
		this.url = `http://127.0.0.1:${port}`;
		return this;
	}

	/** Stops accepting connections (clients get ECONNREFUSED) for `ms`, then listens again on the same port. */
	async stopListening(ms: number): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
		setTimeout(() => this.server.listen(this.port, '127.0.0.1'), ms);
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	addTasks(tasks: StoredTask[]): void {
		this.tasks.push(...tasks);
	}

	/** The next matching requests get this fault instead of a normal answer. */
	failNext(fault: Fault, options: FaultOptions = {}): void {
		this.faults.add(fault, options);
	}

	clearFaults(): void {
		this.faults.clear();
	}

	/** Resolves once more than `count` requests have arrived: for a test that must act while one is held. */
	async nextRequest(count: number): Promise<void> {
		while (this.requests.length <= count)
			await new Promise<void>((resolve) => this.arrivals.push(resolve));
	}

	requestsFor(action: string): RecordedRequest[] {
		return this.requests.filter((request) => request.action === action);
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const text = Buffer.concat(chunks).toString('utf8');
		const [contentType = ''] = String(req.headers['content-type'] ?? '')
			.split(';')
			.map((part) => part.trim());
		const record: RecordedRequest = {
			method: req.method ?? '',
			contentType,
			action: '',
			params: {},
			at: Date.now(),
		};
		this.requests.push(record);
		for (const arrived of this.arrivals.splice(0)) arrived();

		let slow: Fault | undefined;
		const reply = (status: number, body: string, type = 'application/json', headers = {}) => {
			res.writeHead(status, { 'Content-Type': type, ...headers });
			if (slow?.kind === 'trickle') return trickle(res, body, slow.intervalMs ?? 1000);
			if (slow?.kind === 'stall') return void res.flushHeaders();
			res.end(body);
		};
		let transform: ((answer: Record<string, unknown>) => unknown) | undefined;
		const answer = (action: string, retCode: number, fields: Record<string, unknown> = {}) => {
			record.retCode = retCode;
			const body = { Action: `${action || 'Unknown'}Response`, RetCode: retCode, ...fields };
			reply(200, JSON.stringify(transform ? transform(body) : body));
		};

		let received: Record<string, string>;
		try {
			received = this.parse(req, text, contentType);
		} catch (error) {
			return answer('', RET.PARAMS, { Message: (error as Error).message });
		}
		const action = received.Action ?? '';
		record.action = action;
		const { Signature: sent, ...signed } = received;
		record.params = signed;
		record.signature = sent;

		const fault = this.faults.take(action);
		if (fault?.kind === 'delay') {
			// A client that gives up does not stop the request: it goes on at once (a submit still creates its task).
			await new Promise<void>((resolve) => {
				const done = () => {
					clearTimeout(timer);
					req.socket.off('close', done);
					resolve();
				};
				const timer = setTimeout(done, fault.ms);
				req.socket.once('close', done);
			});
		}
		if (fault?.kind === 'reset') return void req.socket.destroy();
		else if (fault?.kind === 'http')
			return reply(fault.status, fault.body ?? '', 'text/plain', fault.headers);
		else if (fault?.kind === 'garbage') {
			return reply(
				200,
				fault.body ?? '<html><body>Bad Gateway</body></html>',
				fault.contentType ?? 'text/html',
			);
		} else if (fault?.kind === 'retCode') {
			return answer(action, fault.retCode, { Message: fault.message ?? 'Simulated failure' });
		} else if (fault?.kind === 'transform') {
			transform = (body) => fault.transform(body, record);
		} else if (fault?.kind === 'trickle' || fault?.kind === 'stall') {
			slow = fault;
		}

		const privateKey = this.accounts[signed.PublicKey ?? ''];
		if (privateKey === undefined)
			return answer(action, RET.NO_USER, { Message: 'User Not Exists' });
		const names = Object.keys(signed).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		const signedText = names.map((name) => name + signed[name]).join('') + privateKey;
		if (fault?.kind === 'echo') {
			const quote = encodeEcho(sent ?? '', signedText, fault.as);
			if (fault.in === 'retCode')
				return answer(action, RET.SIGNATURE, { Message: `${quote} does not match` });
			return reply(502, `<html><body>Bad gateway. ${quote}</body></html>`, 'text/html');
		}
		const expected = SHA1(signedText).toString();
		if (sent !== expected)
			return answer(action, RET.SIGNATURE, { Message: 'Signature VerifyAC Error' });
		if (action === '') return answer(action, RET.MISSING_ACTION, { Message: 'Missing Action' });
		if (this.denied.has(action))
			return answer(action, RET.NO_PERMISSION, { Message: 'IAM permission check failed' });

		try {
			if (action === 'GetProjectList') return answer(action, 0, this.projectList(signed));
			const projectId = signed.ProjectId ?? DEFAULT_PROJECT;
			if (!this.projects.some((project) => project.ProjectId === projectId)) {
				return answer(action, RET.PROJECT, { Message: `Project [${projectId}] not exists` });
			}
			const kind = Object.hasOwn(DESCRIBE, action) ? DESCRIBE[action] : undefined;
			if (kind) {
				if (fault?.kind === 'newTasks') {
					for (let n = 0; n < fault.count; n++) {
						const url = `https://static.example.com/new/${this.submitted + 1}.js`;
						this.createTask(kind, projectId, signed.IsDcdn === 'true', [url], 'file');
					}
				}
				const answered = this.describe(kind, projectId, signed, {
					ignoreOffset: fault?.kind === 'ignoreOffset',
					stale: new Set(fault?.kind === 'stale' ? fault.taskIds : []),
				});
				return answer(action, 0, answered);
			}
			const submitKind = Object.hasOwn(SUBMIT, action) ? SUBMIT[action] : undefined;
			if (submitKind) return answer(action, 0, this.submit(submitKind, projectId, signed));
			if (action === 'GetUcdnDomainConfig')
				return answer(action, 0, this.domainConfig(projectId, signed));
			if (action === 'GetUcdnDomainPrefetchRefreshState')
				return answer(action, 0, this.purgeState(projectId, signed));
			return answer(action, RET.UNKNOWN_ACTION, { Message: `Action [${action}] not found` });
		} catch (error) {
			if (!(error instanceof Refusal)) throw error;
			return answer(action, RET[error.reason], { Message: error.message });
		}
	}

	private parse(req: IncomingMessage, text: string, contentType: string): Record<string, string> {
		const query = new URL(req.url ?? '/', 'http://simulator').searchParams;
		if (req.method === 'GET') return Object.fromEntries(query);
		if (contentType === 'application/x-www-form-urlencoded') {
			return Object.fromEntries(new URLSearchParams(text));
		}
		let body: unknown;
		try {
			body = JSON.parse(text);
		} catch {
			throw new ParamError('Request body is not JSON');
		}
		if (body === null || typeof body !== 'object' || Array.isArray(body)) {
			throw new ParamError('Request body must be a JSON object');
		}
		const params: Record<string, string> = {};
		for (const [name, value] of Object.entries(body)) {
			const text = canonical(name, value);
			if (text !== undefined) params[name] = text;
		}
		return params;
	}

	/** GetProjectList: every project of the account, whatever ProjectId says. */
	private projectList(params: Record<string, string>) {
		const { IsFinance } = params;
		if (IsFinance !== undefined && !['Yes', 'No'].includes(IsFinance))
			throw new ParamError(`Params [IsFinance] not valid: ${IsFinance}`);
		return { ProjectCount: this.projects.length, ProjectSet: structuredClone(this.projects) };
	}

	private describe(
		kind: TaskKind,
		projectId: string,
		params: Record<string, string>,
		{ ignoreOffset = false, stale = new Set<string>() }: DescribeFaults = {},
	) {
		const taskIds = listParam(params, 'TaskId');
		const begin = natural(params, 'BeginTime');
		const end = natural(params, 'EndTime');
		if (end !== undefined && begin === undefined) {
			throw new ParamError('Missing params [BeginTime]: required when EndTime is given');
		}
		const endTime = end ?? this.now();
		const beginTime = begin ?? endTime - 86400;
		const status = params.Status;
		if (status !== undefined && !STATUSES.has(status))
			throw new ParamError(`Params [Status] not valid: ${status}`);
		const isDcdn = params.IsDcdn === undefined ? false : params.IsDcdn === 'true';
		if (params.IsDcdn !== undefined && !['true', 'false'].includes(params.IsDcdn)) {
			throw new ParamError(`Params [IsDcdn] not valid: ${params.IsDcdn}`);
		}
		const offset = ignoreOffset ? 0 : (natural(params, 'Offset') ?? 0);
		const limit = natural(params, 'Limit');

		const wanted = taskIds.length > 0 ? new Set(taskIds) : undefined;
		const shown = (task: StoredTask) =>
			stale.has(task.info.TaskId) ? unfinished(task.info) : task.info;
		const matches = this.tasks
			.filter(
				(task) =>
					task.kind === kind &&
					task.projectId === projectId &&
					task.isDcdn === isDcdn &&
					task.info.CreateTime >= beginTime &&
					task.info.CreateTime <= endTime &&
					(!wanted || wanted.has(task.info.TaskId)) &&
					(status === undefined || shown(task).Status === status),
			)
			.sort(
				(a, b) => b.info.CreateTime - a.info.CreateTime || (a.info.TaskId < b.info.TaskId ? -1 : 1),
			);
		const page = matches.slice(offset, offset + Math.min(limit ?? Infinity, this.describeCap));
		for (const task of page) this.advance(task);
		return {
			TotalCount: matches.length,
			TaskList: page.map(shown),
			...(kind === 'prefetch' ? { Test: 'ryEuYMgQ' } : {}),
		};
	}

	/** RefreshNewUcdnDomainCache / PrefetchNewUcdnDomainCache, with the documented rules. */
	private submit(kind: TaskKind, projectId: string, params: Record<string, string>) {
		const urls = listParam(params, 'UrlList');
		if (urls.length === 0) throw new ParamError('Missing params [UrlList.N]');
		if (urls.length > this.submitOptions.cap) {
			throw new ParamError(
				`Params [UrlList] too many: ${urls.length} > ${this.submitOptions.cap} per call`,
			);
		}
		const type = params.Type;
		if (kind === 'refresh' && !REFRESH_TYPES.has(type ?? ''))
			throw new ParamError(`Params [Type] not valid: ${type}`);
		for (const url of urls) {
			if (!/^https?:\/\/[^/\s]+/.test(url))
				throw new ParamError(`Params [UrlList] not valid: ${url}`);
			if (type === 'dir' && !url.endsWith('/'))
				throw new ParamError(`Params [UrlList] dir must end with /: ${url}`);
			if (kind === 'prefetch' && url.endsWith('/'))
				throw new ParamError(`Params [UrlList] prefetch takes files only: ${url}`);
		}
		this.domainBook.charge(projectId, quotaKind(kind, type), urls, params.IsDcdn === 'true');
		const taskId = this.createTask(kind, projectId, params.IsDcdn === 'true', urls, type);
		return { TaskId: taskId };
	}

	/** GetUcdnDomainConfig: the project's domains, oldest first (see the header). */
	private domainConfig(projectId: string, params: Record<string, string>) {
		const channel = params.ChannelType;
		if (channel !== undefined && channel !== 'ucdn')
			throw new ParamError(`Params [ChannelType] not valid: ${channel}`);
		const offset = natural(params, 'Offset') ?? 0;
		const limit = natural(params, 'Limit');
		const ids = listParam(params, 'DomainId');
		const wanted = ids.length > 0 ? new Set(ids) : undefined;
		const matches = this.domainBook
			.list(projectId)
			.filter((domain) => !wanted || wanted.has(domain.info.DomainId));
		const page = matches.slice(offset, offset + Math.min(limit ?? Infinity, this.domainCap));
		return {
			...(this.domainTotalCount ? { TotalCount: matches.length } : {}),
			DomainList: page.map((domain) => structuredClone(domain.info)),
		};
	}

	/** GetUcdnDomainPrefetchRefreshState: one domain's daily quotas and today's counts. */
	private purgeState(projectId: string, params: Record<string, string>) {
		const domainId = params.DomainId;
		if (domainId === undefined || domainId === '')
			throw new ParamError('Missing params [DomainId]');
		if (!this.domainBook.find(domainId, projectId))
			throw new ParamError(`Params [DomainId] not valid: ${domainId}`);
		const quota = this.domainBook.quotaOf(domainId);
		const used = this.domainBook.usedToday(domainId);
		return {
			RefreshFileQuota: quota.file,
			RefreshDirQuota: quota.dir,
			PrefetchQuota: quota.prefetch,
			SubmitRefreshFile: used.file,
			SubmitRefreshDir: used.dir,
			SubmitPrefetchCount: used.prefetch,
		};
	}

	/** A new task, created now and waiting, as a submit creates it; returns its TaskId. */
	private createTask(
		kind: TaskKind,
		projectId: string,
		isDcdn: boolean,
		urls: string[],
		type: string | undefined,
	): string {
		const created = this.now();
		const stamp = new Date(created * 1000).toISOString().replace(/\D/g, '').slice(0, 14);
		const taskId = `${stamp}_${(0x10000000 + ++this.submitted).toString(16)}`;
		const polls = this.submitOptions.pollsToFinish;
		this.tasks.push({
			kind,
			projectId,
			isDcdn,
			polls,
			pollsLeft: polls,
			info: {
				TaskId: taskId,
				CreateTime: created,
				Status: 'wait',
				...(kind === 'refresh' ? { Type: type } : {}),
				UrlLists: urls.map((url) => ({
					Url: url,
					CreateTime: created,
					FinishTime: 0,
					Status: 'wait',
					Progress: 0,
				})),
			},
		});
		return taskId;
	}
}

export async function startSimulator(options?: SimulatorOptions): Promise<UcdnSimulator> {
	return await new UcdnSimulator(options).listen();
}
