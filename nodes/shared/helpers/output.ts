import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { IsoTime } from './readableTimes';
import { isoTimesIn, readableTask, urlItems } from './readableTimes';

export type OutputMode = 'task' | 'url' | 'raw';

/** The tasks as items' JSON: per URL, else per task; with `iso`, plus readable times. */
function tasksJson(output: OutputMode, tasks: IDataObject[], iso?: IsoTime): IDataObject[] {
	if (output === 'url') return tasks.flatMap((task) => urlItems(task, iso));
	return iso === undefined ? tasks : tasks.map((task) => readableTask(task, iso));
}

/** The readable times' formatter for one output, when a `zone` asks for them. */
const isoTimesFor = (zone?: string) => (zone === undefined ? undefined : isoTimesIn(zone));

/**
 * Tasks as output items, paired with the input item: per task, per URL, or the raw responses.
 * A `zone` (Readable Times on) adds readable times in it, except to raw responses.
 */
export function tasksToItems(
	output: OutputMode,
	tasks: IDataObject[],
	responses: IDataObject[],
	itemIndex: number,
	zone?: string,
): INodeExecutionData[] {
	const pairedItem = { item: itemIndex };
	const toItem = (json: IDataObject): INodeExecutionData => ({ json, pairedItem });
	if (output === 'raw') return responses.map(toItem);
	return tasksJson(output, tasks, isoTimesFor(zone)).map(toItem);
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
		tasksJson(output, [task], iso).map(
			(json): INodeExecutionData => ({ json: { ...json, Resource: resource } }),
		),
	);
}
