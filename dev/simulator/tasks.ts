/**
 * The task family: DescribeNewUcdnRefreshCacheTask and DescribeNewUcdnPrefetchCacheTask list a
 * project's refresh or prefetch tasks with their documented defaults; RefreshNewUcdnDomainCache
 * and PrefetchNewUcdnDomainCache create one. All four are signed, scoped by ProjectId, deniable
 * and faultable like every action (server.ts). The tasks are the seed documents' examples
 * (data.ts; `seed: false` drops them), addTasks' and the submitted ones.
 *
 * Describe lists the tasks of its kind, project and IsDcdn (`true` | `false`, default false),
 * newest first (CreateTime, then TaskId), filtered by `TaskId.N`, by `Status` (`success`,
 * `wait`, `process`, `failure` or `unknow`) and by CreateTime from BeginTime to EndTime (default
 * the day up to now; an EndTime without BeginTime is refused), paged by `Offset` and `Limit`
 * (default all). With `describeCap` it answers at most that many tasks per Describe call
 * whatever Limit says, TotalCount staying the real number, as a gateway in front of the API
 * may: a client must follow TotalCount to see every task. Its faults: `newTasks` creates tasks
 * between Describe calls (someone else's: they count against no quota), `ignoreOffset` answers
 * as if Offset were 0, and `stale` answers as a replica that lags (ended tasks listed as still
 * running, as load-balanced APIs do).
 *
 * A submit takes `UrlList.N`, at most `submit.cap` (30, the UCloud SDK's and console's cap),
 * each an http(s) URL; a refresh's `Type` is `file`, `dir` (URLs ending in `/`) or `m3u8`; a
 * prefetch takes files only. Its URLs' domains and today's quota are then checked and charged
 * (domains.ts), and only then is the task created: `wait`, then `process` at each Describe call
 * that lists it, until the `submit.pollsToFinish`th (default 2) ends it: `success`, or `failure`
 * if failUrls matched one of its URLs. finishTask and endTask end a task at once.
 */
import type { StoredTask, TaskInfo, TaskKind } from './data';
import type { DomainBook } from './domains';
import type { QuotaKind } from './domains';
import { ParamError, listParam, natural } from './params';
import type { ActionRequest, Fields } from './types';

export interface SubmitOptions {
	/** Most URLs one submit call may carry (the UCloud SDK's and console's cap). */
	cap: number;
	/** Describe calls that list a new task before it is done: it is `process` until then. */
	pollsToFinish: number;
}

const REFRESH_TYPES = new Set(['file', 'dir', 'm3u8']);

const STATUSES = new Set(['success', 'wait', 'process', 'failure', 'unknow']);

/** What a submitted URL counts against (see domains.ts). */
function quotaKind(kind: TaskKind, type: string | undefined): QuotaKind {
	return kind === 'prefetch' ? 'prefetch' : type === 'dir' ? 'dir' : 'file';
}

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

/** The account's tasks, every project's, and how they move on. */
export class TaskBoard {
	/** URLs that will fail when their task finishes (see failUrls). */
	private readonly failing: Array<(url: string) => boolean> = [];

	private submitted = 0;

	constructor(
		readonly tasks: StoredTask[],
		readonly submitOptions: SubmitOptions,
		/** Most tasks one Describe answer holds, whatever Limit says (see the header). */
		readonly describeCap: number,
		/** The clock, Unix seconds. */
		readonly now: () => number,
	) {}

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
	advance(task: StoredTask, steps = 1): void {
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

	/** Someone else submits `count` files (a `newTasks` fault): new tasks, counted against nothing. */
	someoneSubmits(kind: TaskKind, projectId: string, isDcdn: boolean, count: number): void {
		for (let n = 0; n < count; n++) {
			const url = `https://static.example.com/new/${this.submitted + 1}.js`;
			this.createTask(kind, projectId, isDcdn, [url], 'file');
		}
	}

	/** A new task, created now and waiting, as a submit creates it; returns its TaskId. */
	createTask(
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

/** DescribeNewUcdnRefreshCacheTask / DescribeNewUcdnPrefetchCacheTask (see the header). */
export function describeTasks(
	board: TaskBoard,
	kind: TaskKind,
	{ projectId, params, fault }: ActionRequest,
): Fields {
	if (fault?.kind === 'newTasks')
		board.someoneSubmits(kind, projectId, params.IsDcdn === 'true', fault.count);
	const stale = new Set(fault?.kind === 'stale' ? fault.taskIds : []);
	const taskIds = listParam(params, 'TaskId');
	const begin = natural(params, 'BeginTime');
	const end = natural(params, 'EndTime');
	if (end !== undefined && begin === undefined) {
		throw new ParamError('Missing params [BeginTime]: required when EndTime is given');
	}
	const endTime = end ?? board.now();
	const beginTime = begin ?? endTime - 86400;
	const status = params.Status;
	if (status !== undefined && !STATUSES.has(status))
		throw new ParamError(`Params [Status] not valid: ${status}`);
	const isDcdn = params.IsDcdn === undefined ? false : params.IsDcdn === 'true';
	if (params.IsDcdn !== undefined && !['true', 'false'].includes(params.IsDcdn)) {
		throw new ParamError(`Params [IsDcdn] not valid: ${params.IsDcdn}`);
	}
	const offset = fault?.kind === 'ignoreOffset' ? 0 : (natural(params, 'Offset') ?? 0);
	const limit = natural(params, 'Limit');

	const wanted = taskIds.length > 0 ? new Set(taskIds) : undefined;
	const shown = (task: StoredTask) =>
		stale.has(task.info.TaskId) ? unfinished(task.info) : task.info;
	const matches = board.tasks
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
	const page = matches.slice(offset, offset + Math.min(limit ?? Infinity, board.describeCap));
	for (const task of page) board.advance(task);
	return {
		TotalCount: matches.length,
		TaskList: page.map(shown),
		...(kind === 'prefetch' ? { Test: 'ryEuYMgQ' } : {}),
	};
}

/** RefreshNewUcdnDomainCache / PrefetchNewUcdnDomainCache (see the header). */
export function submitTask(
	board: TaskBoard,
	domains: DomainBook,
	kind: TaskKind,
	{ projectId, params }: ActionRequest,
): Fields {
	const { cap } = board.submitOptions;
	const urls = listParam(params, 'UrlList');
	if (urls.length === 0) throw new ParamError('Missing params [UrlList.N]');
	if (urls.length > cap)
		throw new ParamError(`Params [UrlList] too many: ${urls.length} > ${cap} per call`);
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
	domains.charge(projectId, quotaKind(kind, type), urls, params.IsDcdn === 'true');
	const taskId = board.createTask(kind, projectId, params.IsDcdn === 'true', urls, type);
	return { TaskId: taskId };
}
