import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { OutputMode, OutputSettings } from '../descriptions/output';
import type { IsoTime } from './isoTimes';
import { isoTimesIn } from './isoTimes';
import type { PlainObjectMaker } from './plainObjects';
import { plainObjects } from './plainObjects';
import { readableTask, urlItems } from './readableTimes';

/** One task as items' JSON: per URL, else itself; with `iso`, plus readable times. */
function taskJson(
	mode: OutputMode,
	task: IDataObject,
	make: PlainObjectMaker,
	iso?: IsoTime,
): IDataObject[] {
	if (mode === 'url') return urlItems(task, iso, make);
	return [iso === undefined ? task : readableTask(task, iso, make)];
}

/** The readable times' formatter for one output, when its settings ask for them. */
const isoTimesFor = ({ zone }: OutputSettings) =>
	zone === undefined ? undefined : isoTimesIn(zone);

/**
 * What adds each task's items to `items`, per task or per URL as `output` says, paired with the
 * input item. One per output: it remembers the times it has written, and makes its items'
 * objects with one plainObjects.
 */
export function taskItems(
	output: OutputSettings,
	itemIndex: number,
): (task: IDataObject, items: INodeExecutionData[]) => void {
	const pairedItem = { item: itemIndex };
	const iso = isoTimesFor(output);
	const make = plainObjects();
	return (task, items) => {
		for (const json of taskJson(output.mode, task, make, iso)) items.push({ json, pairedItem });
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

/** A trigger's items: each task, or each of its URLs, with the Resource it belongs to. */
export function resourceTasksToItems(
	output: OutputSettings,
	list: Array<{ resource: string; task: IDataObject }>,
): INodeExecutionData[] {
	const iso = isoTimesFor(output);
	const make = plainObjects();
	return list.flatMap(({ resource, task }) =>
		taskJson(output.mode, task, make, iso).map(
			(json): INodeExecutionData => ({ json: { ...json, Resource: resource } }),
		),
	);
}
