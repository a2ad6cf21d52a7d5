import type { INodeProperties, IPollFunctions } from 'n8n-workflow';

import {
	READABLE_TIMES,
	outputChoices,
	readOutputSettings,
	readableTimesProperties,
} from '../shared/output/parameters';
import type { Bounds, Choices } from '../shared/parameters/facts';
import {
	numberProperty,
	optionalText,
	optionsProperty,
	readChoice,
	readNumber,
	readSwitch,
} from '../shared/parameters/facts';
import type { CommonOptions } from '../shared/parameters/options';
import { optionsCollection, readRequestSettings, readScope } from '../shared/parameters/options';
import type { TaskResourceKey } from '../shared/tasks/resources';
import { TASK_RESOURCES } from '../shared/tasks/resources';
import type { CertificateSettings } from './certificates';
import { CERTIFICATE_EXPIRING, DAYS_BEFORE, readThresholds } from './certificates';
import type { TriggerEvent } from './events';

const MAX_URL_FILTER_LENGTH = 4096;

const RESOURCE: Choices<TaskResourceKey | 'both'> = {
	displayName: 'Resource',
	name: 'resource',
	options: [
		{ name: 'Both', value: 'both', description: 'Refresh and prefetch tasks' },
		{
			name: TASK_RESOURCES.prefetch.name,
			value: 'prefetch',
			description: 'Tasks that load URLs into the CDN cache',
		},
		{
			name: TASK_RESOURCES.refresh.name,
			value: 'refresh',
			description: 'Tasks that purge URLs from the CDN cache',
		},
	],
	default: 'refresh',
};
const EVENT: Choices<TriggerEvent | typeof CERTIFICATE_EXPIRING> = {
	displayName: 'Event',
	name: 'event',
	options: [
		{
			name: 'Certificate Expiring',
			value: CERTIFICATE_EXPIRING,
			description: 'An HTTPS certificate comes within Days Before of its end',
		},
		{ name: 'Task Failed', value: 'failed', description: 'A task ended with status failure' },
		{
			name: 'Task Finished',
			value: 'finished',
			description: 'A task ended, successfully or not',
		},
		{
			name: 'Task Succeeded',
			value: 'succeeded',
			description: 'A task ended with status success',
		},
	],
	default: 'finished',
};
export const LOOK_BACK_HOURS: Bounds = {
	displayName: 'Look Back (Hours)',
	name: 'lookBack',
	min: 1,
	max: 720,
	default: 24,
};
const OUTPUT = outputChoices({
	task: 'The task as the API returns it, plus its Resource',
	url: 'Each URL with its task’s TaskId, TaskStatus and TaskCreateTime, plus its Resource',
});

/** Shown for the task events only. */
const forTasks = { hide: { [EVENT.name]: [CERTIFICATE_EXPIRING] } };
const forTasksInOptions = { hide: { [`/${EVENT.name}`]: [CERTIFICATE_EXPIRING] } };

/** The trigger's parameters, as the editor shows them. */
export const triggerProperties: INodeProperties[] = [
	optionsProperty(RESOURCE, { noDataExpression: true, displayOptions: forTasks }),
	optionsProperty(EVENT, { noDataExpression: true }),
	{
		...DAYS_BEFORE,
		type: 'string',
		placeholder: '30, 14, 7',
		description:
			'Emit a certificate when it has this many days left, or fewer; several thresholds separated by commas emit it once for each',
		displayOptions: { show: { [EVENT.name]: [CERTIFICATE_EXPIRING] } },
	},
	...readableTimesProperties(),
	optionsCollection(
		[
			numberProperty(LOOK_BACK_HOURS, {
				description:
					'How long a task may run before it finishes. Tasks are found by when they were created, so the trigger looks this far back.',
				displayOptions: forTasksInOptions,
			}),
			optionsProperty(OUTPUT, { displayOptions: forTasksInOptions }),
			{
				displayName: 'URL Contains',
				name: 'urlFilter',
				type: 'string',
				default: '',
				placeholder: 'www.example.com',
				description: 'Only tasks with a URL that contains this text, for example a domain',
				displayOptions: forTasksInOptions,
			},
		],
		{
			projectId: "Project to watch instead of the credential's Project ID",
			isDcdn: 'Whether to watch whole-site acceleration (DCDN) tasks instead of CDN tasks',
			isDcdnDisplayOptions: forTasksInOptions,
		},
	),
];

interface TriggerOptions extends CommonOptions {
	lookBack?: unknown;
	output?: unknown;
	urlFilter?: unknown;
}

/** Reads and checks the trigger's parameters. */
export function readTriggerSettings(this: IPollFunctions) {
	const event = readChoice(this.getNodeParameter(EVENT.name), EVENT);
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	if (event === CERTIFICATE_EXPIRING) {
		const readable = readSwitch(this.getNodeParameter(READABLE_TIMES.name), READABLE_TIMES);
		return {
			event,
			thresholds: readThresholds(this.getNodeParameter(DAYS_BEFORE.name, DAYS_BEFORE.default)),
			...(readable && { zone: this.getTimezone() }),
			scope: readScope(options),
			requestSettings: readRequestSettings(options, 0),
		} satisfies CertificateSettings;
	}
	const resource = readChoice(this.getNodeParameter(RESOURCE.name), RESOURCE);
	return {
		resources: resource === 'both' ? (['refresh', 'prefetch'] as const) : [resource],
		event,
		lookBackSeconds:
			3600 * readNumber(options.lookBack ?? LOOK_BACK_HOURS.default, LOOK_BACK_HOURS),
		urlFilter: optionalText(options.urlFilter, 'URL Contains', MAX_URL_FILTER_LENGTH),
		output: readOutputSettings(
			OUTPUT,
			options.output ?? OUTPUT.default,
			this.getNodeParameter(READABLE_TIMES.name),
			this.getTimezone(),
		),
		scope: readScope(options),
		requestSettings: readRequestSettings(options, 0),
	};
}
