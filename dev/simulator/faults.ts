/**
 * The faults a test gives requests (the Fault union in types.ts), and how the core serves them.
 * failNext queues a fault for the next matching requests (`action`, and parameters `where`;
 * `skip` of them answered normally first; `times` of them faulted). Each request whose
 * parameters could be read takes the first queued fault that matches its action and
 * parameters, before its signature is checked:
 * - `delay` holds the request `ms`, less if the client goes away, then it goes on (a submit
 *   still creates its task);
 * - `reset`, `http`, `garbage` and `retCode` answer instead of the call, signed or not;
 * - `echo` answers a request of a known PublicKey, instead of checking its Signature, with
 *   the Signature and the string it signs (encodeEcho), in HTML or in a RetCode 171 Message;
 * - `transform`, `trickle` and `stall` change how the call's answer is written or sent;
 * - `newTasks`, `ignoreOffset` and `stale` reach the call's handler: tasks.ts serves them.
 */
import type { ServerResponse } from 'node:http';

import type { EchoEncoding, Fault, FaultOptions } from './types';

interface QueuedFault {
	fault: Fault;
	remaining: number;
	skip: number;
	action?: string;
	where?: Record<string, string>;
}

export class FaultQueue {
	private faults: QueuedFault[] = [];

	add(fault: Fault, { times = 1, action, skip = 0, where }: FaultOptions = {}): void {
		this.faults.push({ fault, remaining: times, skip, action, where });
	}

	clear(): void {
		this.faults = [];
	}

	/** The fault this request of `action` with `params` gets, if any; counts it against its queue entry. */
	take(action: string, params: Record<string, string>): Fault | undefined {
		const matches = ({ action: only, where = {} }: QueuedFault) =>
			(!only || only === action) &&
			Object.entries(where).every(([name, value]) => params[name] === value);
		const queued = this.faults.find((f) => f.remaining > 0 && matches(f));
		if (!queued) return undefined;
		if (queued.skip > 0) {
			queued.skip--;
			return undefined;
		}
		queued.remaining--;
		this.faults = this.faults.filter((f) => f.remaining > 0);
		return queued.fault;
	}
}

export function encodeEcho(signature: string, signed: string, as: EchoEncoding = 'plain'): string {
	const quote = `Signature ${signature} for ${signed}`;
	switch (as) {
		case 'plain':
			return quote;
		case 'glued':
			return `Signature${signature} sig_${signature}_end`;
		case 'base64':
			return `debug=${Buffer.from(quote).toString('base64')}`;
		case 'hex':
			return `debug=${Buffer.from(quote).toString('hex')}`;
		case 'url':
			return `debug=${encodeURIComponent(quote)}`;
		case 'upper':
			return quote.toUpperCase();
	}
}

/** Sends the headers now and the body one byte per interval, until done or the client goes away. */
export function trickle(res: ServerResponse, body: string, intervalMs: number): void {
	res.flushHeaders();
	const bytes = Buffer.from(body);
	let sent = 0;
	const timer = setInterval(() => {
		if (sent < bytes.length) res.write(bytes.subarray(sent, ++sent));
		else res.end();
	}, intervalMs);
	res.once('close', () => clearInterval(timer));
}
