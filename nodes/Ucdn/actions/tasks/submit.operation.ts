import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { purgeKind } from '../../../shared/domains/matching';
import type { Choices } from '../../../shared/parameters/facts';
import { optionsProperty, readChoice } from '../../../shared/parameters/facts';
import { URL_SEPARATORS, parseList } from '../../../shared/parameters/lists';
import type { RefreshType } from '../../../shared/parameters/urls';
import { readUrls } from '../../../shared/parameters/urls';
import { TASK_RESOURCES } from '../../../shared/tasks/resources';
import type { Prepared, TaskContext } from '../operation';
import { prepareSubmission } from './submission';
import { readSubmitSettings, submissionProperties } from './submitParameters';

export const option = {
	name: 'Submit',
	value: 'submit',
	description: 'Submit URLs to the CDN and optionally wait until it has finished',
	action: 'Submit tasks',
};

/** Each batch creates a task: the router's errors name them (see CreatedTasks). */
export const createsTasks = true;

export const TYPE: Choices<RefreshType> = {
	displayName: 'Type',
	name: 'type',
	options: [
		{ name: 'File', value: 'file', description: 'Purge exactly these URLs' },
		{
			name: 'Directory',
			value: 'dir',
			description: 'Purge everything under each URL; the URLs must end with /',
		},
		{ name: 'M3U8', value: 'm3u8', description: 'Purge HLS playlists and their segments' },
	],
	default: 'file',
};
const properties: INodeProperties[] = [
	{
		displayName: 'URLs',
		name: 'urls',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'https://www.example.com/index.html\nhttps://www.example.com/assets/',
		description:
			'Full URLs starting with http:// or https://, one per line (or separated by spaces, or by commas before the next URL). An expression may return one URL or a list of them. Each host is sent as a browser requests it (lower case, ASCII); duplicates are sent once.',
	},
	optionsProperty(TYPE, {
		description: 'What each URL stands for',
		displayOptions: { show: { resource: ['refresh'] } },
	}),
	...submissionProperties,
];

export const description = updateDisplayOptions(
	{ show: { operation: [option.value] } },
	properties,
);

/** Reads and checks item `i`'s parameters, before any request is made; what it returns submits the item. */
export function prepare(this: IExecuteFunctions, i: number, context: TaskContext): Prepared {
	const { resource } = context;
	const typed = parseList(this.getNodeParameter('urls', i, ''), 'URLs', URL_SEPARATORS);
	const type = resource.takesType
		? readChoice(this.getNodeParameter(TYPE.name, i, TYPE.default), TYPE)
		: undefined;
	const urls = readUrls(typed, { type, filesOnly: resource.filesOnly });
	const kind = purgeKind(resource === TASK_RESOURCES.prefetch, type);
	const settings = readSubmitSettings.call(this, i);
	const submission = { urls, parameter: 'URLs', type, kind };
	return prepareSubmission.call(this, i, submission, settings, context);
}
