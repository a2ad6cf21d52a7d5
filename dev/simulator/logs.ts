/**
 * Logs: GetUcdnDomainLogV2 of the official Go SDK (services/ucdn), signed and scoped by
 * ProjectId like every action, and the log files it links to, served by the simulator itself.
 * `BeginTime` and `EndTime` are required; `DomainId.N` names the project's domains (one it does
 * not have is RET.PARAMS; none: all of them, whole-site ones with IsDcdn `true`). The answer is
 * `DomainLogSet`, one entry per domain (`Domain`, `LogList`), each log a five-minute file:
 * `LogTime` (Unix seconds, a multiple of 300 from BeginTime up to EndTime) and `LogUrl`, a link
 * to the file; on the hour two links separated by `;` (the hour's file in two parts).
 *
 * The links are signed-looking (`?Expires=…&Signature=…`, a fake signature) and served on
 * loopback under /logs/: each file is gzip of text lines made from its domain, time and part.
 * LogShelf's controls: `linkBase` (the links point there instead), `failing` (a link answered HTTP 500), `redirecting` (a link answered with
 * a redirect to the same file on another host, `localhost` for `127.0.0.1`), `large` (the file
 * at that LogTime is `bytes` of pseudo-random data, streamed, for memory checks).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

import type { DomainBook } from './domains';
import { ParamError, listParam, natural } from './params';
import type { ActionRequest, Fields } from './types';

const STEP = 300;

export interface LogControls {
	/** Where the links point instead of the simulator itself (a host only a proxy knows). */
	linkBase?: string;
	failing: (url: string) => boolean;
	redirecting: (url: string) => boolean;
	large?: { time: number; bytes: number };
}

export class LogShelf {
	readonly controls: LogControls = { failing: () => false, redirecting: () => false };

	/** Files served so far, by path: what a test compares a download with. */
	readonly served = new Map<string, Buffer>();

	constructor(
		private readonly domains: DomainBook,
		private readonly baseUrl: () => string,
	) {}

	/** The file's content: gzip of its lines (a large file is served apart, see serve). */
	content(domain: string, time: number, part: number): Buffer {
		const lines = Array.from(
			{ length: 20 },
			(_, n) => `${time + n} ${domain} GET /asset-${part}-${n}.js 200 ${1000 + n}\n`,
		);
		return gzipSync(lines.join(''));
	}

	/** The link to a file, signed-looking. */
	link(domain: string, time: number, part: number): string {
		const path = `/logs/${domain}/${domain}_${time}-${part}.log.gz`;
		const signature = createHash('sha1').update(path).digest('hex');
		const base = this.controls.linkBase ?? this.baseUrl();
		return `${base}${path}?Expires=${time + 7 * 86_400}&Signature=${signature}`;
	}

	/** Whether the request is for a log file; if so, it is answered. */
	serve(req: IncomingMessage, res: ServerResponse): boolean {
		const url = new URL(req.url ?? '/', 'http://simulator');
		const match = /^\/logs\/([^/]+)\/[^/]+_(\d+)-(\d+)\.log\.gz$/.exec(url.pathname);
		if (req.method !== 'GET' || !match) return false;
		const [, domain = '', time = '0', part = '0'] = match;
		const full = `${this.baseUrl()}${req.url ?? ''}`;
		if (this.controls.failing(full)) {
			res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal Server Error');
			return true;
		}
		if (this.controls.redirecting(full) && req.headers.host?.startsWith('127.0.0.1')) {
			const elsewhere = full.replace('://127.0.0.1', '://localhost');
			res.writeHead(302, { Location: elsewhere }).end();
			return true;
		}
		const large = this.controls.large;
		if (large && Number(time) === large.time) {
			res.writeHead(200, { 'Content-Type': 'application/gzip', 'Content-Length': large.bytes });
			streamBytes(res, large.bytes);
			return true;
		}
		const body = this.content(domain, Number(time), Number(part));
		this.served.set(url.pathname, body);
		res.writeHead(200, { 'Content-Type': 'application/gzip', 'Content-Length': body.length });
		res.end(body);
		return true;
	}

	/** GetUcdnDomainLogV2 (see the header). */
	logs({ projectId, params }: ActionRequest): Fields {
		const begin = natural(params, 'BeginTime');
		const end = natural(params, 'EndTime');
		if (begin === undefined || end === undefined)
			throw new ParamError('Missing params [BeginTime] [EndTime]');
		const project = this.domains.list(projectId, params.IsDcdn === 'true');
		const ids = listParam(params, 'DomainId');
		for (const id of ids)
			if (!project.some((d) => d.info.DomainId === id))
				throw new ParamError(`Params [DomainId] not valid: ${id}`);
		const wanted = project.filter((d) => ids.length === 0 || ids.includes(d.info.DomainId));
		return {
			DomainLogSet: wanted.map(({ info: { Domain } }) => {
				const list = [];
				for (let time = Math.ceil(begin / STEP) * STEP; time <= end; time += STEP) {
					const parts = time % 3600 === 0 ? [0, 1] : [0];
					list.push({
						LogTime: time,
						LogUrl: parts.map((part) => this.link(Domain, time, part)).join(';'),
					});
				}
				return { Domain, LogList: list };
			}),
		};
	}
}

/** The block a large file repeats: pseudo-random, so that nothing on the way compresses it. */
const LARGE_BLOCK = Buffer.concat(
	Array.from({ length: 1024 }, () => createHash('sha512').update('large').digest()),
);

/** The pieces of a large file of `bytes`, in order. */
function* largePieces(bytes: number): Generator<Buffer> {
	for (let left = bytes; left > 0; left -= LARGE_BLOCK.length)
		yield LARGE_BLOCK.subarray(0, Math.min(LARGE_BLOCK.length, left));
}

/** The SHA-256 of a large file of `bytes`, as the simulator serves it: what a download must match. */
export function largeFileSha256(bytes: number): string {
	const hash = createHash('sha256');
	for (const piece of largePieces(bytes)) hash.update(piece);
	return hash.digest('hex');
}

/** Streams a large file of `bytes`, a block at a time, as the client reads them. */
function streamBytes(res: ServerResponse, bytes: number): void {
	const pieces = largePieces(bytes);
	const write = () => {
		for (let next = pieces.next(); !next.done; next = pieces.next())
			if (!res.write(next.value)) return void res.once('drain', write);
		res.end();
	};
	write();
}
