import type { INodeProperties } from 'n8n-workflow';

import { numberInRange, wholeNumber } from '../helpers/values';
import type { RequestSettings } from '../transport';
import { DEFAULT_REQUEST_SETTINGS } from '../transport';

const MAX_RETRIES = 10;
const MAX_REQUEST_TIMEOUT_SECONDS = 300;

/** Retries and Request Timeout: options of every operation. */
export const requestOptionProperties: INodeProperties[] = [
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
		retries: wholeNumber(options.retries ?? DEFAULT_REQUEST_SETTINGS.retries, 'Retries', 0, MAX_RETRIES),
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
