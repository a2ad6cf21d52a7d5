import type { INodeProperties } from 'n8n-workflow';

import type { Choices, VersionedSwitch } from '../parameters/facts';
import { readChoice, readSwitch, versionedBooleanProperties } from '../parameters/facts';

/** What an operation or the trigger emits: one item per task, per URL, or per API response. */
export type OutputMode = 'task' | 'url' | 'raw';

const NAMES: Record<OutputMode, string> = {
	task: 'One Item per Task',
	url: 'One Item per URL',
	raw: 'Raw Response',
};

/**
 * The Output parameter of Describe Tasks, Submit and the trigger: the modes it offers, each
 * with what that node's items then hold; One Item per Task is the default.
 */
export function outputChoices(
	descriptions: Partial<Record<OutputMode, string>>,
): Choices<OutputMode> {
	const options = (Object.keys(NAMES) as OutputMode[])
		.filter((mode) => descriptions[mode] !== undefined)
		.map((mode) => ({ name: NAMES[mode], value: mode, description: descriptions[mode] }));
	return { displayName: 'Output', name: 'output', options, default: 'task' };
}

/** Add Readable Times: on for nodes from version 1.1 on, off on the nodes of version 1. */
export const READABLE_TIMES: VersionedSwitch = {
	displayName: 'Add Readable Times',
	name: 'readableTimes',
	onFrom: 1.1,
};

/**
 * The Add Readable Times parameter of Describe Tasks, Submit and the trigger; `note` tells
 * what it leaves alone there, `extra` adds displayOptions.
 */
export function readableTimesProperties(
	note = '',
	extra: Partial<INodeProperties> = {},
): INodeProperties[] {
	return versionedBooleanProperties(READABLE_TIMES, {
		description: `Whether to add, next to each Unix time of the API, the same time in ISO 8601 in the workflow's timezone (CreateTimeIso after CreateTime, FinishTimeIso after FinishTime, TaskCreateTimeIso after TaskCreateTime) and, for finished tasks, DurationSeconds (TaskDurationSeconds per URL): seconds from the task's creation to its last URL's finish. The Unix times stay as they are.${note ? ` ${note}` : ''}`,
		...extra,
	});
}

/** How an operation or the trigger turns tasks into items, read once from its parameters. */
export interface OutputSettings {
	mode: OutputMode;
	/** With Add Readable Times on, the timezone they are written in (the workflow's); else absent. */
	zone?: string;
}

/** The Output and Add Readable Times parameters' values, checked, as one setting. */
export function readOutputSettings(
	choices: Choices<OutputMode>,
	mode: unknown,
	readableTimes: unknown,
	timezone: string,
): OutputSettings {
	return {
		mode: readChoice(mode, choices),
		...(readSwitch(readableTimes, READABLE_TIMES) && { zone: timezone }),
	};
}
