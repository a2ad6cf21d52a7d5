import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { taskToJson } from '../shared/output/items';
import type { OutputSettings } from '../shared/output/parameters';

/** The trigger's items: each task, or each of its URLs, with the Resource it belongs to. */
export function resourceTasksToItems(
	output: OutputSettings,
	list: Array<{ resource: string; task: IDataObject }>,
): INodeExecutionData[] {
	const toJson = taskToJson(output);
	return list.flatMap(({ resource, task }) =>
		toJson(task).map((json): INodeExecutionData => ({ json: { ...json, Resource: resource } })),
	);
}
