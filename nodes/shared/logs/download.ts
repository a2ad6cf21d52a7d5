import type {
	IBinaryData,
	IExecuteFunctions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { hasControlCharacter } from '../errors';
import { parseUrl } from '../parameters/urls';
import { classifyNetworkError, failureCode } from '../transport/networkError';
import type { LogFile } from './files';

/** Files downloaded at once: a few, so that a day of files is fast and no server is flooded. */
export const DOWNLOAD_CONCURRENCY = 4;

/**
 * A log file's name: the link's own, else `<domain>_<time>.log.gz`; also when the link's is no
 * plain name (a bad escape, a control character, or an escaped `/` or `\` that a Write to Disk
 * would take as folders).
 */
export function fileNameOf({ Domain, LogTime, Url }: LogFile): string {
	const last = parseUrl(Url)?.pathname.split('/').pop();
	const name = last && /\.[a-z0-9]+$/i.test(last) ? decoded(last) : undefined;
	return name && !/[/\\]/.test(name) && !hasControlCharacter(name)
		? name
		: `${Domain}_${LogTime}.log.gz`;
}

function decoded(text: string): string | undefined {
	try {
		return decodeURIComponent(text);
	} catch {
		return undefined;
	}
}

/** A file as an error names it: its domain, its time and its host, never the link's query. */
export function fileWords({ Domain, LogTime, Url }: LogFile): string {
	const host = parseUrl(Url)?.host ?? 'an unreadable link';
	return `the log file of ${Domain} at ${new Date(LogTime * 1000).toISOString()} from ${host}`;
}

/**
 * Downloads one log file through n8n's HTTP helpers (its proxy and SSRF protection apply) into
 * n8n's binary data, streamed: with n8n's binary data mode `filesystem` the file is never held
 * whole in memory. A failure, before or after the answer's headers, is a NodeApiError naming
 * the file (fileWords), never its link. `signal` (the execution's cancellation) aborts it.
 */
export async function downloadLog(
	this: IExecuteFunctions,
	file: LogFile,
	{ timeoutMs, itemIndex, signal }: { timeoutMs: number; itemIndex: number; signal?: AbortSignal },
): Promise<IBinaryData> {
	const failed = (why: string) =>
		new NodeApiError(this.getNode(), { file: fileNameOf(file) } as JsonObject, {
			message: `Could not download ${fileWords(file)}`,
			description: `${why} The other files go on with Continue On Fail.`,
			itemIndex,
		});
	/** A failure without an HTTP answer, and what to do about it. */
	const unanswered = (caught: unknown) => {
		const failure = classifyNetworkError(caught, false);
		if (failure.kind === 'blocked')
			return failed(
				`Blocked by n8n's SSRF protection: ${failure.reason}. Ask the n8n administrator to allow the host of the log links (and of any host they redirect to).`,
			);
		if (failure.kind === 'timeout')
			return failed(
				`No answer within ${timeoutMs / 1000} s. Raise the Request Timeout option if the host is slow.`,
			);
		return failed(`${failureCode(failure)}. Check that n8n can reach the host.`);
	};
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequest({
			method: 'GET',
			url: file.Url,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: timeoutMs,
			abortSignal: signal,
		})) as IN8nHttpFullResponse;
	} catch (caught) {
		throw unanswered(caught);
	}
	const body = response.body as Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];
	if (response.statusCode < 200 || response.statusCode > 299) {
		(body as { destroy?: () => void }).destroy?.();
		throw failed(
			`HTTP ${response.statusCode}: the link's signature may have expired; list the files again.`,
		);
	}
	const type = String(response.headers['content-type'] ?? '')
		.split(';')[0]
		?.trim();
	try {
		return await this.helpers.prepareBinaryData(body, fileNameOf(file), type || 'application/gzip');
	} catch (caught) {
		// The body failed after its headers: the connection cut, or stalled past the timeout.
		throw unanswered(caught);
	}
}
