import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { IsoTime } from './readableTimes';
import { isoTimesIn, readableTask, urlItems } from './readableTimes';

export type OutputMode = 'task' | 'url' | 'raw';

/** One task as items' JSON: per URL, else itself; with `iso`, plus readable times. */
function taskJson(output: OutputMode, task: IDataObject, iso?: IsoTime): IDataObject[] {
	if (output === 'url') return urlItems(task, iso);
	return [iso === undefined ? task : readableTask(task, iso)];
}

/** The readable times' formatter for one output, when a `zone` asks for them. */
const isoTimesFor = (zone?: string) => (zone === undefined ? undefined : isoTimesIn(zone));

/**
 * What turns each task into its items, per task or per URL, paired with the input item; a `zone`
 * (Readable Times on) adds readable times in it. One per output: it remembers the times written.
 */
export function taskItems(
	output: Exclude<OutputMode, 'raw'>,
	itemIndex: number,
	zone?: string,
): (task: IDataObject, items: INodeExecutionData[]) => void {
	const pairedItem = { item: itemIndex };
	const iso = isoTimesFor(zone);
	return (task, items) => {
		for (const json of taskJson(output, task, iso)) items.push({ json, pairedItem });
	};
}

/** Tasks as output items, paired with the input item: per task, per URL, or the raw responses. */
export function tasksToItems(
	output: OutputMode,
	tasks: IDataObject[],
	responses: IDataObject[],
	itemIndex: number,
	zone?: string,
): INodeExecutionData[] {
	if (output === 'raw') return responses.map((json) => ({ json, pairedItem: { item: itemIndex } }));
	const items: INodeExecutionData[] = [];
	const add = taskItems(output, itemIndex, zone);
	for (const task of tasks) add(task, items);
	return items;
}

/**
 * A trigger's items: each task, or each of its URLs, with the Resource it belongs to; a `zone`
 * adds readable times in it.
 */
export function resourceTasksToItems(
	output: OutputMode,
	list: Array<{ resource: string; task: IDataObject }>,
	zone?: string,
): INodeExecutionData[] {
	const iso = isoTimesFor(zone);
	return list.flatMap(({ resource, task }) =>
		taskJson(output, task, iso).map(
			(json): INodeExecutionData => ({ json: { ...json, Resource: resource } }),
		),
	);
}
