/**
 * The physical floor for Describe + Return All + One Item per URL: the same signed HTTP calls
 * as the node, with nothing of n8n, then the same URL objects. Nothing here can be skipped by
 * any implementation: sign, fetch, parse, flatten.
 */
import { signParams } from '../../credentials/common/ucloud/signing';

export interface FloorTarget {
	endpoint: string;
	publicKey: string;
	privateKey: string;
}

interface Page {
	TotalCount?: number;
	TaskList?: Array<Record<string, unknown> & { UrlLists?: Array<Record<string, unknown>> }>;
}

/** Every task's URLs, one object per URL with its task's TaskId, Status and CreateTime; and the number of calls. */
export async function floorDescribeUrls(
	target: FloorTarget,
	action: string,
	pageSize: number,
): Promise<{ urls: Array<Record<string, unknown>>; calls: number }> {
	const urls: Array<Record<string, unknown>> = [];
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
			for (const url of task.UrlLists ?? []) {
				// A copy by loop, not by spread: V8 copies a spread that gains fields slowly.
				const item: Record<string, unknown> = {};
				for (const key of Object.keys(url)) item[key] = url[key as keyof typeof url];
				item.TaskId = task.TaskId;
				item.TaskStatus = task.Status;
				item.TaskCreateTime = task.CreateTime;
				urls.push(item);
			}
		}
		if (tasks.length === 0 || offset + tasks.length >= (page.TotalCount ?? 0))
			return { urls, calls };
	}
}
