/**
 * What the simulator's core (server.ts) and its action families (tasks.ts, domains.ts,
 * projects.ts) share: the RetCodes, a request as the log keeps it, the faults a request can be
 * given (faults.ts queues them), a call as a handler gets it and the refusal a handler throws.
 * It imports none of them, so any of them may import it.
 */

export const RET = {
	MISSING_ACTION: 160,
	UNKNOWN_ACTION: 161,
	SIGNATURE: 171,
	NO_USER: 172,
	PARAMS: 230,
	PROJECT: 231,
	NO_PERMISSION: 299,
	/** The simulator's choice (see domains.ts): a URL's host is not a domain of the project. */
	DOMAIN_UNKNOWN: 1401,
	/** The simulator's choice: the URL's domain is not `enable`. */
	DOMAIN_DISABLED: 1402,
	/** The simulator's choice: the URL's host is a wildcard (`*.example.com`). */
	DOMAIN_WILDCARD: 1403,
	/** The simulator's choice: a domain would go over today's quota. */
	QUOTA_EXCEEDED: 1404,
} as const;

export interface RecordedRequest {
	method: string;
	contentType: string;
	action: string;
	/** The parameters as received and signed, Signature excluded. */
	params: Record<string, string>;
	/** The Signature as received. */
	signature?: string;
	retCode?: number;
	at: number;
}

export type Fault =
	| { kind: 'http'; status: number; body?: string; headers?: Record<string, string> }
	| { kind: 'retCode'; retCode: number; message?: string }
	| { kind: 'garbage'; body?: string; contentType?: string }
	| { kind: 'delay'; ms: number }
	| { kind: 'reset' }
	/** Answers normally (a submit creates its task), but sends the body one byte per `intervalMs` (default 1000). */
	| { kind: 'trickle'; intervalMs?: number }
	/** Answers normally (a submit creates its task), but sends only the headers, then nothing. */
	| { kind: 'stall' }
	/** Answers normally, then rewrites the JSON answer (a lying TotalCount, numbers as text, …). */
	| {
			kind: 'transform';
			transform: (answer: Record<string, unknown>, request: RecordedRequest) => unknown;
	  }
	/**
	 * Quotes the Signature received and the full string it signs (private key included), as a
	 * broken gateway might in HTML, or a careless API in a RetCode 171 Message. `as` picks how:
	 * `plain` (default), `glued` (the Signature stuck to word characters, `Signature<hex>` and
	 * `sig_<hex>_end`), `base64`, `hex`, `url` (URL-encoded) or `upper` (upper case).
	 */
	| { kind: 'echo'; in?: 'html' | 'retCode'; as?: EchoEncoding }
	/**
	 * Someone creates `count` new tasks (newest, so at the head of the list) just before this
	 * Describe is answered, in the kind, project and IsDcdn it asks for; then it is answered
	 * honestly. With `skip: 1` and `times: Infinity`: new tasks between every two page calls.
	 */
	| { kind: 'newTasks'; count: number }
	/** A Describe answered as if Offset were 0 (TotalCount stays right). */
	| { kind: 'ignoreOffset' }
	/**
	 * A Describe answered by a replica that lags: these tasks, if they have ended, as they were
	 * before (`process`, their URLs unfinished), for the Status filter too.
	 */
	| { kind: 'stale'; taskIds: string[] };

export type EchoEncoding = 'plain' | 'glued' | 'base64' | 'hex' | 'url' | 'upper';

export interface FaultOptions {
	/** How many matching requests get the fault (default 1). */
	times?: number;
	/** Only requests of this action. */
	action?: string;
	/** Matching requests to answer normally first (default 0). */
	skip?: number;
	/** Only requests with these parameters, as sent (`{ 'DomainId.0': 'ucdn-…' }`). */
	where?: Record<string, string>;
}

/** A call of an action that passed the core's checks, as its handler gets it. */
export interface ActionRequest {
	/** ProjectId, or DEFAULT_PROJECT if none was sent: one of the account's for a scoped action. */
	projectId: string;
	/** The parameters as received and signed, Signature excluded. */
	params: Record<string, string>;
	/** The call's fault, if any: the core has served the others; the handler serves its own. */
	fault?: Fault;
}

/** An answer's fields, besides the Action and RetCode the core adds. */
export type Fields = Record<string, unknown>;

/** What a handler throws to refuse a call: answered with RetCode RET[reason] and this Message. */
export class Refusal extends Error {
	constructor(
		readonly reason: keyof typeof RET,
		message: string,
	) {
		super(message);
	}
}
