import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { PagingOptions } from '../../../../shared/paging';
import { MAX_PAGE_SIZE, pagingError, readDescribePages } from '../../../../shared/paging';
import type { TaskResource } from '../../../../shared/tasks/resources';
import type { ApiTarget, RequestSettings } from '../../../../shared/transport';
import { pause } from '../../../../shared/transport/cancellable';
import type { ApiParams } from '../../../../shared/transport/params';
import type { WaitSettings } from './parameters';
import { assess, describeFailures, describePending, failedUrls } from './progress';

const STOPPED =
	'The wait stopped; the tasks go on at the CDN. Check them with Describe Tasks and these Task IDs, fewer per item so that each check needs fewer calls.';

/**
 * How a check reads the tasks: by the walk Describe Tasks pages with (see walk), every call
 * naming them all (TaskId.N) and asking for all of them up to MAX_PAGE_SIZE, so an API that
 * answers every task asked needs one call per check for up to 1,000 tasks; one that answers at
 * most C per call, whatever Limit says, gets ceil(N / C) calls, following TotalCount.
 */
function checkPaging(taskIds: string[]): PagingOptions {
	return { offset: 0, pageSize: Math.min(taskIds.length, MAX_PAGE_SIZE), max: taskIds.length };
}

/**
 * Checks the tasks until every one is `success` or `failure`, each check reading every task (see
 * checkPaging). Returns the final tasks (in the order given) and every response of the last
 * check. A timeout, a cancelled execution or (with Error on Failed Tasks) a failed task is a
 * NodeOperationError; answers that cannot be paged soundly are the walk's NodeApiError.
 */
export async function waitForTasks(
	this: IExecuteFunctions,
	{ target, resource }: { target: ApiTarget; resource: TaskResource },
	requestSettings: RequestSettings,
	taskIds: string[],
	scope: ApiParams,
	settings: WaitSettings,
): Promise<{ tasks: IDataObject[]; responses: IDataObject[] }> {
	const i = requestSettings.itemIndex;
	const action = resource.describeAction;
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
	const cancelled = (stillRunning: string) =>
		new NodeOperationError(
			this.getNode(),
			'The execution was cancelled while waiting for the tasks',
			{
				itemIndex: i,
				description: `Still running: ${stillRunning}`,
			},
		);
	// What is known to be running: every task until the first check answers.
	let stillRunning = taskIds.join(', ');
	for (;;) {
		// The overall Timeout bounds each call of a check too, retries included.
		let check;
		try {
			check = await readDescribePages.call(
				this,
				target,
				action,
				{ ...scope, TaskId: taskIds },
				{ ...requestSettings, deadline },
				checkPaging(taskIds),
			);
		} catch (error) {
			// Cancelling aborts a check on its way: that is the cancellation, not a network fault.
			if (signal?.aborted) throw cancelled(stillRunning);
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
		// Answers that end short of TotalCount are no timeout and no task "not found yet", even
		// in the check that runs at the deadline: say what the API did.
		if (check.problem) {
			const { message, description } = check.problem;
			throw pagingError.call(
				this,
				action,
				{ message, description: `${description} ${STOPPED}` },
				i,
			);
		}
		const state = assess(taskIds, check.tasks);
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
			return { tasks: state.tasks, responses: check.responses };
		}
		const remaining = deadline - Date.now();
		if (remaining <= 0) {
			const waiting = state.pending.length + state.missing.length;
			throw timedOut(`${waiting} of ${taskIds.length} task(s): ${describePending(state)}`);
		}
		stillRunning = describePending(state);
		await pause(Math.min(settings.pollIntervalMs, remaining), signal);
		if (signal?.aborted) throw cancelled(stillRunning);
	}
}
