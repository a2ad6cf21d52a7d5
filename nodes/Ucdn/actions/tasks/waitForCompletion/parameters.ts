import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Bounds, Switch } from '../../../../shared/parameters/facts';
import {
	booleanProperty,
	numberProperty,
	readNumber,
	readSwitch,
} from '../../../../shared/parameters/facts';

export const WAIT_FOR_COMPLETION: Switch = {
	displayName: 'Wait for Completion',
	name: 'waitForCompletion',
	default: false,
};
export const POLL_INTERVAL: Bounds = {
	displayName: 'Poll Interval (Seconds)',
	name: 'pollInterval',
	min: 2,
	max: 3600,
	default: 10,
};
export const WAIT_TIMEOUT: Bounds = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	min: 1,
	max: 7 * 86400,
	default: 600,
};
export const ERROR_ON_FAILED_TASKS: Switch = {
	displayName: 'Error on Failed Tasks',
	name: 'errorOnFailedTasks',
	default: true,
};

const whileWaiting = { show: { [WAIT_FOR_COMPLETION.name]: [true] } };

/** The Wait for Completion parameters, shared by Submit and Describe Tasks. */
export const waitProperties: INodeProperties[] = [
	booleanProperty(WAIT_FOR_COMPLETION, {
		description:
			'Whether to check the tasks until every one has finished (success or failure) before going on. Describe Tasks needs Task IDs for this.',
	}),
	numberProperty(POLL_INTERVAL, {
		description: 'How often to ask the CDN for the state of the tasks while waiting',
		displayOptions: whileWaiting,
	}),
	numberProperty(WAIT_TIMEOUT, {
		description:
			'How long to wait in all before failing. Prefetching large files can take up to 30 minutes.',
		displayOptions: whileWaiting,
	}),
	booleanProperty(ERROR_ON_FAILED_TASKS, {
		description:
			'Whether to stop with an error listing the failed URLs when a task ends in failure. Off: failed tasks are output like the others.',
		displayOptions: whileWaiting,
	}),
];

export interface WaitSettings {
	pollIntervalMs: number;
	timeoutMs: number;
	errorOnFailedTasks: boolean;
}

/** Item `i`'s Wait for Completion settings, or undefined when it does not wait. */
export function readWaitSettings(this: IExecuteFunctions, i: number): WaitSettings | undefined {
	const parameter = <T>(facts: { name: string; default: T }) =>
		this.getNodeParameter(facts.name, i, facts.default);
	if (!readSwitch(parameter(WAIT_FOR_COMPLETION), WAIT_FOR_COMPLETION)) return undefined;
	return {
		pollIntervalMs: 1000 * readNumber(parameter(POLL_INTERVAL), POLL_INTERVAL),
		timeoutMs: 1000 * readNumber(parameter(WAIT_TIMEOUT), WAIT_TIMEOUT),
		errorOnFailedTasks: readSwitch(parameter(ERROR_ON_FAILED_TASKS), ERROR_ON_FAILED_TASKS),
	};
}
