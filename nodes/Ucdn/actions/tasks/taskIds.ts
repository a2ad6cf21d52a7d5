import type { INodeProperties } from 'n8n-workflow';

import { checkEntries } from '../../../shared/parameters/facts';
import { parseList } from '../../../shared/parameters/lists';

export const TASK_IDS = { displayName: 'Task IDs', name: 'taskIds' } as const;

/** Task IDs per item: every one goes into each request, and each poll while waiting. */
const MAX_TASK_IDS = 1000;
const MAX_TASK_ID_LENGTH = 128;

/** Describe Tasks' Task IDs, up to MAX_TASK_IDS, from text or an expression. */
export const taskIdsProperty: INodeProperties = {
	...TASK_IDS,
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	placeholder: '20190121141137_4d8031d5, 20190121141138_9f00aa12',
	description:
		"Only these tasks. Separate IDs with commas, spaces or new lines, or use an expression that returns one ID or a list of them. Read per input item: an expression giving the current item's TaskId checks each item's task in its own call; a list of all items' IDs in one call needs Settings → Execute Once. Leave empty for all tasks in the time range.",
};

/** The Task IDs a value names, each once, checked. */
export function readTaskIds(value: unknown): string[] {
	const taskIds = parseList(value, TASK_IDS.displayName);
	checkEntries(taskIds, TASK_IDS.displayName, { max: MAX_TASK_IDS, maxLength: MAX_TASK_ID_LENGTH });
	return taskIds;
}
