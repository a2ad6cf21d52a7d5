import type { INodeProperties } from 'n8n-workflow';

import { flag, numberInRange, optionalText, wholeNumber } from '../helpers/values';
import type { RequestSettings } from '../transport';
import { DEFAULT_REQUEST_SETTINGS } from '../transport';
import type { ParamValue } from '../../../credentials/common/ucloud/signing';

const MAX_RETRIES = 10;
const MAX_REQUEST_TIMEOUT_SECONDS = 300;

/** Retries and Request Timeout: options of every operation and of the trigger. */
const requestOptionProperties: INodeProperties[] = [
	{
		displayName: 'Request Timeout (Seconds)',
		name: 'requestTimeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_REQUEST_TIMEOUT_SECONDS },
		default: 30,
		description: 'How long to wait for each answer from the API',
	},
	{
		displayName: 'Retries',
		name: 'retries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_RETRIES },
		default: 3,
		description:
			'How many times to retry a request that failed for a passing reason (network error, timeout, HTTP 429 or 5xx, RetCode 2000 or above), waiting longer each time. A submit is retried only when no task can have been created.',
	},
];

export function readRequestSettings(
	options: { retries?: unknown; requestTimeout?: unknown },
	itemIndex: number,
): RequestSettings {
	return {
		itemIndex,
		retries: wholeNumber(
			options.retries ?? DEFAULT_REQUEST_SETTINGS.retries,
			'Retries',
			0,
			MAX_RETRIES,
		),
		timeoutMs:
			1000 *
			numberInRange(
				options.requestTimeout ?? DEFAULT_REQUEST_SETTINGS.timeoutMs / 1000,
				'Request Timeout (Seconds)',
				1,
				MAX_REQUEST_TIMEOUT_SECONDS,
			),
	};
}

/**
 * An Options collection's entries: these `own` ones plus Project ID, Whole-Site Acceleration,
 * Retries and Request Timeout, which every operation and the trigger offer, in the
 * alphabetical order n8n lists options in.
 */
export function withCommonOptions(
	own: INodeProperties[],
	descriptions: { projectId: string; isDcdn: string },
): INodeProperties[] {
	const common: INodeProperties[] = [
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			description: descriptions.projectId,
		},
		{
			displayName: 'Whole-Site Acceleration',
			name: 'isDcdn',
			type: 'boolean',
			default: false,
			description: descriptions.isDcdn,
		},
		...requestOptionProperties,
	];
	return [...own, ...common].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The API parameters of Project ID and Whole-Site Acceleration (unset ones are not sent). */
export function readScope(options: {
	projectId?: unknown;
	isDcdn?: unknown;
}): Record<string, ParamValue> {
	return {
		IsDcdn: flag(options.isDcdn ?? false, 'Whole-Site Acceleration') || undefined,
		ProjectId: optionalText(options.projectId, 'Project ID', 64),
	};
}
