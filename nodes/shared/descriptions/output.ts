import type { OutputMode } from '../helpers/output';
import type { Choices } from './parameters';

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
