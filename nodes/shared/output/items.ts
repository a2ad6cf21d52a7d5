import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { isoTimesIn } from './isoTimes';
import type { OutputSettings } from './parameters';
import { plainObjects } from './plainObjects';
import { readableTask, urlItems } from './readableTimes';

/**
 * What turns one task into items' JSON: per URL, else the task itself; with Add Readable Times,
 * plus readable times. One per output: it remembers the times it has written, and makes its
 * items' objects with one plainObjects.
 */
export function taskToJson(output: OutputSettings): (task: IDataObject) => IDataObject[] {
	const iso = output.zone === undefined ? undefined : isoTimesIn(output.zone);
	const make = plainObjects();
	if (output.mode === 'url') return (task) => urlItems(task, iso, make);
	return (task) => [iso === undefined ? task : readableTask(task, iso, make)];
}

/**
 * What adds each task's items to `items`, per task or per URL as `output` says, paired with the
 * input item. One per output: it remembers the times it has written.
 */
export function taskItems(
	output: OutputSettings,
	itemIndex: number,
): (task: IDataObject, items: INodeExecutionData[]) => void {
	const pairedItem = { item: itemIndex };
	const toJson = taskToJson(output);
	return (task, items) => {
		for (const json of toJson(task)) items.push({ json, pairedItem });
	};
}

/** Tasks as output items, paired with the input item: per task, per URL, or the raw responses. */
export function tasksToItems(
	output: OutputSettings,
	tasks: IDataObject[],
	responses: IDataObject[],
	itemIndex: number,
): INodeExecutionData[] {
	if (output.mode === 'raw')
		return responses.map((json) => ({ json, pairedItem: { item: itemIndex } }));
	const items: INodeExecutionData[] = [];
	const add = taskItems(output, itemIndex);
	for (const task of tasks) add(task, items);
	return items;
}
