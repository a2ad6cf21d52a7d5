import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Choices } from '../../shared/descriptions/parameters';
import { optionsProperty, readChoice } from '../../shared/descriptions/parameters';
import type { TimeRangeMode, TimeWindow } from '../../shared/helpers/time';
import { resolveTimeRange } from '../../shared/helpers/time';

export const TIME_RANGE: Choices<TimeRangeMode> = {
	displayName: 'Time Range',
	name: 'timeRange',
	options: [
		{
			name: 'Default (Last 24 Hours)',
			value: 'default',
			description: "The API's default: tasks created in the last 24 hours",
		},
		{ name: 'Last N Hours', value: 'lastHours' },
		{ name: 'Last N Days', value: 'lastDays' },
		{ name: 'Custom', value: 'custom', description: 'Tasks created between two dates' },
	],
	default: 'default',
};
const LAST_HOURS_DEFAULT = 24;
const LAST_DAYS_DEFAULT = 7;

const when = (mode: TimeRangeMode) => ({ show: { [TIME_RANGE.name]: [mode] } });

/** Describe Tasks' Time Range and the parameters each of its choices shows. */
export const timeRangeProperties: INodeProperties[] = [
	optionsProperty(TIME_RANGE, {
		description: 'Which tasks to include, by the time they were created',
	}),
	{
		displayName: 'Hours',
		name: 'hours',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: LAST_HOURS_DEFAULT,
		description: 'Tasks created in this many hours before now',
		displayOptions: when('lastHours'),
	},
	{
		displayName: 'Days',
		name: 'days',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: LAST_DAYS_DEFAULT,
		description: 'Tasks created in this many days before now',
		displayOptions: when('lastDays'),
	},
	{
		displayName: 'Begin Time',
		name: 'beginTime',
		type: 'dateTime',
		default: '',
		description:
			"Tasks created at or after this time, in the workflow's timezone unless the value names a zone. Expressions may give an ISO date, a Luxon DateTime or Unix seconds.",
		displayOptions: when('custom'),
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		description: 'Tasks created at or before this time. Leave empty for now.',
		displayOptions: when('custom'),
	},
];

/** Item `i`'s Time Range as BeginTime/EndTime (absent for the API's default), checked, at `nowMs`. */
export function readTimeRange(this: IExecuteFunctions, i: number, nowMs: number): TimeWindow {
	const mode = readChoice(this.getNodeParameter(TIME_RANGE.name, i), TIME_RANGE);
	return resolveTimeRange(
		{
			mode,
			hours: mode === 'lastHours' ? this.getNodeParameter('hours', i) : undefined,
			days: mode === 'lastDays' ? this.getNodeParameter('days', i) : undefined,
			begin: mode === 'custom' ? this.getNodeParameter('beginTime', i, '') : undefined,
			end: mode === 'custom' ? this.getNodeParameter('endTime', i, '') : undefined,
		},
		nowMs,
		this.getTimezone(),
	);
}
