/**
 * A loopback simulator of the UCDN API, written from the API documents (not from the node's
 * code). This is its core, HTTP: it listens on 127.0.0.1 (stopListening, close); reads each
 * request's parameters (a GET's query, a form, or a flat JSON object whose values it signs as
 * text: lists sent as `Name.0`, `Name.1`, …); logs it (requests, requestsFor, nextRequest);
 * gives it the next fault queued for its action (failNext, see faults.ts: HTTP errors,
 * RetCodes, garbage, delays, resets, rewritten answers, echoed secrets, bodies that trickle in
 * or never come, …); and checks it in this order, refusing with the RetCode named: parameters
 * readable (RET.PARAMS), PublicKey one of the account's (RET.NO_USER), Signature the SHA1 of
 * the parameters sorted by name, each name then its value, then the private key, the way the
 * server verifies it (RET.SIGNATURE), Action given (RET.MISSING_ACTION), the key allowed the
 * action (RET.NO_PERMISSION), ProjectId (default DEFAULT_PROJECT) one of the account's
 * projects unless the action ignores it (RET.PROJECT), the action known (RET.UNKNOWN_ACTION).
 *
 * Then the action's handler answers. actions.ts's one table names each action's handler, in
 * the module of its family, whose header holds that family's rules: tasks.ts (both Describe
 * actions and both submits, the tasks and how they move on), domains.ts (the domains, their
 * daily purge quota, and what a submit may purge), projects.ts (GetProjectList, the projects
 * every other action is scoped by). A handler's Refusal is answered with its RetCode and
 * Message.
 *
 * A key may lack permission for an action, as a sub-account's key restricted by IAM does:
 * `sim.denied.add('GetProjectList')` answers that action, once the signature is verified,
 * with RetCode 299, which UCloud's common error table (docs.ucloud.cn/api/summary/public)
 * describes as "IAM 权限校验未通过" (IAM permission check failed); the Message is the
 * simulator's translation. Other actions keep working.
 */
import SHA1 from 'crypto-js/sha1';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import type { Account } from './actions';
import { ACTIONS } from './actions';
import type { DomainInput, ProjectInfo, StoredDomain, StoredTask } from './data';
import { DEFAULT_PROJECT, seedDomains, seedProjects, seedTasks } from './data';
import type { Quota } from './domains';
import { DomainBook } from './domains';
import { FaultQueue, encodeEcho, trickle } from './faults';
import { parseRequest } from './params';
import type { SubmitOptions } from './tasks';
import { CertificateStore } from './certificates';
import { LogShelf } from './logs';
import { TrafficBook } from './statistics';
import { TaskBoard } from './tasks';
import type { ActionRequest, Fault, FaultOptions, Fields, RecordedRequest } from './types';
import { RET, Refusal } from './types';

export { DEFAULT_PROJECT, DEFAULT_QUOTA, SECOND_PROJECT, SEED_DOMAINS } from './data';
export type { DomainInfo, DomainInput, StoredDomain } from './data';
export type { Quota, QuotaKind } from './domains';
export type { SubmitOptions } from './tasks';
export { RET } from './types';
export type { EchoEncoding, Fault, FaultOptions, RecordedRequest } from './types';

/** Obviously fake keys: the simulator's one account. */
export const TEST_PUBLIC_KEY = 'TEST-PUBLIC-KEY-ucdn-simulator';
export const TEST_PRIVATE_KEY = 'TEST-PRIVATE-KEY-not-a-secret-0000';

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
	/** Most tasks one Describe answer holds, whatever Limit says (see tasks.ts). */
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

/** How one request is answered: UCloud's JSON answer, or anything else a fault makes of it. */
class Reply {
	/** The request's fault: `trickle`, `stall` and `transform` change how an answer is sent. */
	fault?: Fault;

	constructor(
		private readonly res: ServerResponse,
		private readonly record: RecordedRequest,
	) {}

	send(status: number, body: string, type = 'application/json', headers = {}): void {
		this.res.writeHead(status, { 'Content-Type': type, ...headers });
		const { fault } = this;
		if (fault?.kind === 'trickle') return trickle(this.res, body, fault.intervalMs ?? 1000);
		if (fault?.kind === 'stall') return void this.res.flushHeaders();
		this.res.end(body);
	}

	/** `<Action>Response` with its RetCode and fields, as JSON. */
	answer(action: string, retCode: number, fields: Fields = {}): void {
		this.record.retCode = retCode;
		const body = { Action: `${action || 'Unknown'}Response`, RetCode: retCode, ...fields };
		const { fault } = this;
		this.send(
			200,
			JSON.stringify(fault?.kind === 'transform' ? fault.transform(body, this.record) : body),
		);
	}
}

/** Answers a fault that stands for the answer (reset, http, garbage, retCode): whether it did. */
function answeredByFault(
	fault: Fault | undefined,
	req: IncomingMessage,
	reply: Reply,
	action: string,
): boolean {
	switch (fault?.kind) {
		case 'reset':
			req.socket.destroy();
			return true;
		case 'http':
			reply.send(fault.status, fault.body ?? '', 'text/plain', fault.headers);
			return true;
		case 'garbage':
			reply.send(
				200,
				fault.body ?? '<html><body>Bad Gateway</body></html>',
				fault.contentType ?? 'text/html',
			);
			return true;
		case 'retCode':
			reply.answer(action, fault.retCode, { Message: fault.message ?? 'Simulated failure' });
			return true;
		default:
			return false;
	}
}

/** Holds a request `ms`, or until its client goes away: the request then goes on at once. */
function hold(req: IncomingMessage, ms: number): Promise<void> {
	return new Promise<void>((resolve) => {
		const done = () => {
			clearTimeout(timer);
			req.socket.off('close', done);
			resolve();
		};
		const timer = setTimeout(done, ms);
		req.socket.once('close', done);
	});
}

export class UcdnSimulator {
	readonly requests: RecordedRequest[] = [];

	/** API calls being served now (from arrival until answered), and the most there were at once. */
	private atOnce = 0;
	mostAtOnce = 0;

	readonly tasks: StoredTask[];

	private readonly faults = new FaultQueue();

	/** Who waits for the next request to arrive (see nextRequest). */
	private arrivals: Array<() => void> = [];

	private readonly accounts: Record<string, string>;

	readonly projects: ProjectInfo[];

	/** Actions the key may not call: answered with RetCode 299 (see the header). */
	readonly denied = new Set<string>();

	readonly submitOptions: SubmitOptions;

	/** What the handlers serve: each family's model. */
	private readonly account: Account;

	private readonly board: TaskBoard;

	private readonly domainBook: DomainBook;

	/** The statistics' traffic, its scenarios and how its answers misbehave (statistics.ts). */
	readonly traffic: TrafficBook;

	/** The log files and their links (logs.ts). */
	readonly logs: LogShelf;

	/** The account's certificates (certificates.ts). */
	readonly certificates: CertificateStore;

	private server!: Server;

	url = '';

	private port = 0;

	constructor(options: SimulatorOptions = {}) {
		this.accounts = options.accounts ?? { [TEST_PUBLIC_KEY]: TEST_PRIVATE_KEY };
		this.projects = options.projects ?? seedProjects();
		const now = options.now ?? (() => Math.floor(Date.now() / 1000));
		this.tasks = options.seed === false ? [] : seedTasks();
		this.submitOptions = { cap: 30, pollsToFinish: 2, ...options.submit };
		this.board = new TaskBoard(
			this.tasks,
			this.submitOptions,
			options.describeCap ?? Infinity,
			now,
		);
		this.domainBook = new DomainBook(options.domains ?? seedDomains(), options.quota ?? {}, now, {
			totalCount: options.domainTotalCount ?? false,
			cap: options.domainCap ?? Infinity,
		});
		this.traffic = new TrafficBook(this.domainBook, now);
		this.logs = new LogShelf(this.domainBook, () => this.url);
		this.certificates = new CertificateStore(now());
		this.account = {
			tasks: this.board,
			domains: this.domainBook,
			traffic: this.traffic,
			logs: this.logs,
			certificates: this.certificates,
			projects: this.projects,
		};
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
		this.board.failUrls(match);
	}

	/** Finishes a submitted task at once, as the CDN would. */
	finishTask(taskId: string): void {
		this.board.finishTask(taskId);
	}

	/** Ends any task now with this status (task and every URL), as the CDN would. */
	endTask(taskId: string, status: 'success' | 'failure'): void {
		this.board.endTask(taskId, status);
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

	/** One request: logged, given its fault, checked in the header's order, then served. */
	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		if (this.logs.serve(req, res)) return;
		this.mostAtOnce = Math.max(this.mostAtOnce, ++this.atOnce);
		res.once('close', () => this.atOnce--);
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const record = this.log(req);
		const reply = new Reply(res, record);

		let received: Record<string, string>;
		try {
			received = parseRequest(req, Buffer.concat(chunks).toString('utf8'), record.contentType);
		} catch (error) {
			return reply.answer('', RET.PARAMS, { Message: (error as Error).message });
		}
		const action = received.Action ?? '';
		record.action = action;
		const { Signature: sent, ...signed } = received;
		record.params = signed;
		record.signature = sent;

		const fault = this.faults.take(action, signed);
		reply.fault = fault;
		if (fault?.kind === 'delay') await hold(req, fault.ms);
		if (answeredByFault(fault, req, reply, action)) return;

		const privateKey = this.accounts[signed.PublicKey ?? ''];
		if (privateKey === undefined)
			return reply.answer(action, RET.NO_USER, { Message: 'User Not Exists' });
		const names = Object.keys(signed).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		const signedText = names.map((name) => name + signed[name]).join('') + privateKey;
		if (fault?.kind === 'echo') {
			const quote = encodeEcho(sent ?? '', signedText, fault.as);
			if (fault.in === 'retCode')
				return reply.answer(action, RET.SIGNATURE, { Message: `${quote} does not match` });
			return reply.send(502, `<html><body>Bad gateway. ${quote}</body></html>`, 'text/html');
		}
		if (sent !== SHA1(signedText).toString())
			return reply.answer(action, RET.SIGNATURE, { Message: 'Signature VerifyAC Error' });
		if (action === '')
			return reply.answer(action, RET.MISSING_ACTION, { Message: 'Missing Action' });
		if (this.denied.has(action))
			return reply.answer(action, RET.NO_PERMISSION, { Message: 'IAM permission check failed' });

		const projectId = signed.ProjectId ?? DEFAULT_PROJECT;
		this.serve(action, { projectId, params: signed, fault }, reply);
	}

	/** Logs a request that has arrived, its parameters not read yet, and tells who waits for one. */
	private log(req: IncomingMessage): RecordedRequest {
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
		return record;
	}

	/** A signed, permitted call: its project checked, then its action's handler from the table. */
	private serve(action: string, request: ActionRequest, reply: Reply): void {
		const known = ACTIONS.get(action);
		const { projectId } = request;
		if (known?.scoped !== false && !this.projects.some((p) => p.ProjectId === projectId))
			return reply.answer(action, RET.PROJECT, { Message: `Project [${projectId}] not exists` });
		if (!known)
			return reply.answer(action, RET.UNKNOWN_ACTION, { Message: `Action [${action}] not found` });
		try {
			reply.answer(action, 0, known.handle(this.account, request));
		} catch (error) {
			if (!(error instanceof Refusal)) throw error;
			reply.answer(action, RET[error.reason], { Message: error.message });
		}
	}
}

export async function startSimulator(options?: SimulatorOptions): Promise<UcdnSimulator> {
	return await new UcdnSimulator(options).listen();
}
