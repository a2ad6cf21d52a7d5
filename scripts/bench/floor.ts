/**
 * The physical floor for Describe + Return All + One Item per URL: the same signed HTTP calls
 * as the node, with nothing of n8n, then the same URL objects. Nothing here can be skipped by
 * any implementation: sign, fetch, parse, flatten. Given a timezone, also the node's readable
 * times, written the fastest way found (see isoWriter).
 */
import { DateTime } from 'luxon';

import { signParams } from '../../credentials/common/ucloud/signing';

export interface FloorTarget {
	endpoint: string;
	publicKey: string;
	privateKey: string;
}

type Url = Record<string, unknown>;

interface Page {
	TotalCount?: number;
	TaskList?: Array<Url & { UrlLists?: Url[] }>;
}

const SLOTS = 1024;
const isoKeyOf = (key: string) =>
	key === 'CreateTime' ? 'CreateTimeIso' : key === 'FinishTime' ? 'FinishTimeIso' : undefined;
const TWO = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

/**
 * Unix seconds as ISO 8601 in `zone`, as Luxon writes them: Luxon is asked once per minute
 * (offsets change only at whole minutes), and each second's text is built once and then
 * shared for as long as its slot holds it (a task's URLs share their times).
 */
function isoWriter(zone: string): (seconds: unknown) => string | undefined {
	const minutes = new Map<number, [string, string]>();
	const slotTimes = new Float64Array(SLOTS).fill(Number.NaN);
	const slotTexts = new Array<string | undefined>(SLOTS);
	return (seconds) => {
		if (typeof seconds !== 'number' || seconds <= 0) return undefined;
		const slot = seconds % SLOTS;
		if (slotTimes[slot] === seconds) return slotTexts[slot];
		const minute = Math.floor(seconds / 60);
		let parts = minutes.get(minute);
		if (parts === undefined) {
			const text = DateTime.fromSeconds(minute * 60, { zone }).toISO() ?? '';
			parts = [text.slice(0, 17), `.000${text.slice(23)}`];
			minutes.set(minute, parts);
		}
		const text = `${parts[0]}${TWO[seconds % 60]}${parts[1]}`;
		slotTimes[slot] = seconds;
		slotTexts[slot] = text;
		return text;
	};
}

/** Seconds from a finished task's creation to its last URL's finish, as the node adds them. */
function duration(task: Url & { UrlLists?: Url[] }): number | undefined {
	if (task.Status !== 'success' && task.Status !== 'failure') return undefined;
	let last = 0;
	for (const url of task.UrlLists ?? []) last = Math.max(last, url.FinishTime as number);
	const seconds = last - (task.CreateTime as number);
	return last > 0 && seconds >= 0 ? seconds : undefined;
}

/**
 * Every task's URLs, one object per URL with its task's TaskId, Status and CreateTime (and,
 * given `zone`, the readable times); and the number of calls.
 */
export async function floorDescribeUrls(
	target: FloorTarget,
	action: string,
	pageSize: number,
	zone?: string,
): Promise<{ urls: Url[]; calls: number }> {
	const urls: Url[] = [];
	const iso = zone === undefined ? undefined : isoWriter(zone);
	let calls = 0;
	for (let offset = 0; ; offset += pageSize) {
		const body = signParams(
			{ Action: action, Offset: offset, Limit: pageSize },
			target.publicKey,
			target.privateKey,
		);
		const response = await fetch(`${target.endpoint}/`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		calls++;
		const page = (await response.json()) as Page;
		const tasks = page.TaskList ?? [];
		for (const task of tasks) {
			const createdIso = iso?.(task.CreateTime);
			const seconds = iso && duration(task);
			for (const url of task.UrlLists ?? []) {
				// A copy by loop, not by spread: V8 copies a spread that gains fields slowly.
				const item: Url = {};
				for (const key of Object.keys(url)) {
					item[key] = url[key];
					const isoKey = iso && isoKeyOf(key);
					if (isoKey) {
						const text = iso(url[key]);
						if (text !== undefined) item[isoKey] = text;
					}
				}
				item.TaskId = task.TaskId;
				item.TaskStatus = task.Status;
				item.TaskCreateTime = task.CreateTime;
				if (createdIso !== undefined) item.TaskCreateTimeIso = createdIso;
				if (seconds !== undefined) item.TaskDurationSeconds = seconds;
				urls.push(item);
			}
		}
		if (tasks.length === 0 || offset + tasks.length >= (page.TotalCount ?? 0))
			return { urls, calls };
	}
}
