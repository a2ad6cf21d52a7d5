import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { flag, numberInRange } from '../../shared/helpers/values';
import { pause } from '../../shared/transport/pause';
import { assess, describeFailures, describePending, failedUrls } from '../helpers/waiting';
import type { RequestSettings } from '../../shared/transport';
import type { ParamValue } from '../../../credentials/common/ucloud/signing';
import type { OperationContext } from './context';
import { fetchTaskPage } from '../../shared/tasks';

const MAX_POLL_SECONDS = 3600;
const MAX_TIMEOUT_SECONDS = 7 * 86400;

/** The Wait for Completion parameters, shared by Submit and Describe Tasks. */
export const waitProperties: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to check the tasks until every one has finished (success or failure) before going on. Describe Tasks needs Task IDs for this.',
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 2, maxValue: MAX_POLL_SECONDS },
		default: 10,
		description: 'How often to ask the CDN for the state of the tasks while waiting',
		displayOptions: { show: { waitForCompletion: [true] } },
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_SECONDS },
		default: 600,
		description:
			'How long to wait in all before failing. Prefetching large files can take up to 30 minutes.',
		displayOptions: { show: { waitForCompletion: [true] } },
	},
	{
		displayName: 'Error on Failed Tasks',
		name: 'errorOnFailedTasks',
		type: 'boolean',
		default: true,
		description:
			'Whether to stop with an error listing the failed URLs when a task ends in failure. Off: failed tasks are output like the others.',
		displayOptions: { show: { waitForCompletion: [true] } },
	},
];

export interface WaitSettings {
	pollIntervalMs: number;
	timeoutMs: number;
	errorOnFailedTasks: boolean;
}

export function readWaitSettings(this: IExecuteFunctions, i: number): WaitSettings {
	return {
		pollIntervalMs:
			1000 *
			numberInRange(
				this.getNodeParameter('pollInterval', i, 10),
				'Poll Interval (Seconds)',
				2,
				MAX_POLL_SECONDS,
			),
		timeoutMs:
			1000 *
			numberInRange(
				this.getNodeParameter('timeout', i, 600),
				'Timeout (Seconds)',
				1,
				MAX_TIMEOUT_SECONDS,
			),
		errorOnFailedTasks: flag(
			this.getNodeParameter('errorOnFailedTasks', i, true),
			'Error on Failed Tasks',
		),
	};
}

/**
 * Polls Describe with all the task IDs in one request per poll, until every task is `success`
 * or `failure`. Returns the final tasks (in the order given) and the last response. A timeout,
 * a cancelled execution or (with Error on Failed Tasks) a failed task is a NodeOperationError.
 */
export async function waitForTasks(
	this: IExecuteFunctions,
	{ target, resource }: OperationContext,
	request: RequestSettings,
	taskIds: string[],
	query: Record<string, ParamValue>,
	settings: WaitSettings,
): Promise<{ tasks: IDataObject[]; response: IDataObject }> {
	const i = request.itemIndex;
	const signal = this.getExecutionCancelSignal?.();
	const started = Date.now();
	const deadline = started + settings.timeoutMs;
	const timedOut = (waitingFor: string) =>
		new NodeOperationError(
			this.getNode(),
			`Timed out after ${Math.round((Date.now() - started) / 1000)} s waiting for ${waitingFor}`,
			{
				itemIndex: i,
				description:
					'The tasks go on at the CDN. Raise the Timeout, or check them later with Describe Tasks and these Task IDs.',
			},
		);
	for (;;) {
		// The overall Timeout bounds each poll too, retries included.
		let page;
		try {
			page = await fetchTaskPage.call(
				this,
				target,
				resource.describeAction,
				{ ...query, TaskId: taskIds },
				{
					...request,
					deadline,
				},
			);
		} catch (error) {
			if (Date.now() >= deadline) {
				throw timedOut(
					`${taskIds.length} task(s); the last check failed: ${(error as Error).message}`,
				);
			}
			// The transport throws only n8n's errors; keep them as they are.
			throw error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
		}
		const state = assess(taskIds, page.tasks);
		if (state.done) {
			const failed = settings.errorOnFailedTasks ? failedUrls(state.tasks) : [];
			if (failed.length > 0) {
				throw new NodeOperationError(
					this.getNode(),
					`${failed.length} URL(s) failed: ${describeFailures(failed)}`,
					{
						itemIndex: i,
						description:
							'The CDN finished the tasks, but not every URL. Check the URLs and the origin, or turn off Error on Failed Tasks to get the results as items.',
					},
				);
			}
			return { tasks: state.tasks, response: page.response };
		}
		const remaining = deadline - Date.now();
		if (remaining <= 0) {
			const waiting = state.pending.length + state.missing.length;
			throw timedOut(`${waiting} of ${taskIds.length} task(s): ${describePending(state)}`);
		}
		await pause(Math.min(settings.pollIntervalMs, remaining), signal);
		if (signal?.aborted) {
			throw new NodeOperationError(
				this.getNode(),
				'The execution was cancelled while waiting for the tasks',
				{
					itemIndex: i,
					description: `Still running: ${describePending(state)}`,
				},
			);
		}
	}
}
