import type { IDataObject } from 'n8n-workflow';

import type { Range } from '../statistics/granularity';
import type { ApiTarget, RequestSettings, UcdnFunctions } from '../transport';
import { ACTIONS, ucdnRequest } from '../transport';
import { isObject } from '../transport/answer';
import type { Scope } from '../transport/params';

/** One log file: a five-minute file of a domain, at its link. */
export interface LogFile {
	Domain: string;
	/** Unix seconds: the five minutes the file holds start then. */
	LogTime: number;
	/** The signed link: a secret-ish value, never quoted in an error. */
	Url: string;
}

/** The range one call asks for: a day, 288 files per domain at most. */
export const LOG_CALL_SECONDS = 86_400;

/**
 * The first `max` log files of `domainIds` (none: all of the project's) in `range`, one call per
 * day of it, the days in order until they hold `max`: each `LogUrl` split at `;` (a file in
 * several parts is several files), each link once, those whose five minutes do not start in
 * [begin, end) left out, in LogTime order (then as listed).
 */
export async function readLogFiles(
	this: UcdnFunctions,
	target: ApiTarget,
	domainIds: string[],
	{ begin, end }: Range,
	scope: Scope,
	settings: RequestSettings,
	max: number,
): Promise<LogFile[]> {
	const files = new Map<string, LogFile>();
	const calls = Math.max(1, Math.ceil((end - begin) / LOG_CALL_SECONDS));
	// A later day's files are all later: once the days read hold `max`, the rest cannot count.
	for (let n = 0; n < calls && files.size < max; n++) {
		const from = begin + n * LOG_CALL_SECONDS;
		const params = {
			...scope,
			BeginTime: from,
			EndTime: Math.min(end, from + LOG_CALL_SECONDS),
			DomainId: domainIds,
		};
		const part = calls > 1 ? `call ${n + 1} of ${calls}` : undefined;
		const answer = await ucdnRequest.call(this, target, ACTIONS.logs.name, params, {
			...settings,
			part,
		});
		for (const file of filesOf(answer))
			if (file.LogTime >= begin && file.LogTime < end && !files.has(file.Url))
				files.set(file.Url, file);
	}
	return [...files.values()].sort((a, b) => a.LogTime - b.LogTime).slice(0, max);
}

/** The files an answer lists: each entry of each domain's LogList, each link of its LogUrl. */
export function filesOf(answer: IDataObject): LogFile[] {
	const files: LogFile[] = [];
	const sets = Array.isArray(answer.DomainLogSet) ? answer.DomainLogSet : [];
	for (const set of sets) {
		if (!isObject(set) || typeof set.Domain !== 'string') continue;
		for (const log of Array.isArray(set.LogList) ? set.LogList : []) {
			if (!isObject(log) || typeof log.LogUrl !== 'string') continue;
			const time = Number(log.LogTime);
			if (!Number.isFinite(time)) continue;
			for (const url of log.LogUrl.split(';').map((link) => link.trim()))
				if (url !== '') files.push({ Domain: set.Domain, LogTime: time, Url: url });
		}
	}
	return files;
}
