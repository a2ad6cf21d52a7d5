/**
 * `npm run bench:n8n`'s "n8n alone": a node that n8n loads from N8N_CUSTOM_EXTENSIONS (this
 * folder, built) and that emits, without any API call, the very URL items the UCDN node emits
 * for the benchmark's tasks, each made at once as an object literal. What a run of it costs is
 * what n8n itself costs for 200,000 items in its main process: the bound for any node there.
 * Its type in a workflow is `CUSTOM.itemSource`.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { generateTask } from '../../../dev/simulator/data';
import { benchTasks } from '../dataset';

/** The node's URL items for the first `count` benchmark tasks, the newest created at `newest`. */
export function readyUrlItems(count: number, newest: number): IDataObject[] {
	const tasks = benchTasks(newest, count);
	const items: IDataObject[] = [];
	for (let n = 0; n < count; n++) {
		const { info } = generateTask(n, tasks);
		for (const url of info.UrlLists)
			items.push({
				Url: url.Url,
				CreateTime: url.CreateTime,
				FinishTime: url.FinishTime,
				Status: url.Status,
				Progress: url.Progress,
				TaskId: info.TaskId,
				TaskStatus: info.Status,
				TaskCreateTime: info.CreateTime,
			});
	}
	return items;
}

export class ItemSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Item Source',
		name: 'itemSource',
		group: ['transform'],
		version: 1,
		description: "Emits the UCDN node's URL items for the benchmark's tasks, without API calls",
		defaults: { name: 'Item Source' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [
			{ displayName: 'Tasks', name: 'tasks', type: 'number', default: 1 },
			{ displayName: 'Newest', name: 'newest', type: 'number', default: 0 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const count = this.getNodeParameter('tasks', 0) as number;
		const newest = this.getNodeParameter('newest', 0) as number;
		const pairedItem = { item: 0 };
		return [readyUrlItems(count, newest).map((json) => ({ json, pairedItem }))];
	}
}
