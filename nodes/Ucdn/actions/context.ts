import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ApiTarget } from '../../shared/transport';
import type { Resource } from '../../shared/resources';

/** What every operation gets besides its item index: resolved once per execution. */
export interface OperationContext {
	target: ApiTarget;
	resource: Resource;
	/** The TaskIds this execution has created so far, across items and batches, in order. */
	createdTaskIds: string[];
}

/**
 * Tells, in the error of an item that failed while running, what keeps anyone from submitting
 * a purge twice: every TaskId this execution created (in the description, and as
 * `createdTaskIds` in the error's context), whatever failed and wherever; and, if n8n's Retry
 * On Fail starts the node over (`startsOver`), that other tries' tasks cannot be named here.
 */
export function withCreatedTasks(
	error: NodeApiError | NodeOperationError,
	createdTaskIds: string[],
	startsOver: boolean,
): void {
	const notes: string[] = [];
	if (createdTaskIds.length > 0) {
		notes.push(
			`Already submitted in this execution: ${createdTaskIds.join(', ')}. These tasks exist at the CDN whatever failed here: check them with Describe Tasks instead of submitting their URLs again.`,
		);
		error.context.createdTaskIds = [...createdTaskIds];
	}
	if (startsOver) {
		notes.push(
			"n8n's Retry On Fail is on for this node: each try submits every item again, so other tries may have created tasks not named here (find them with Describe Tasks). Turn it off and use the Retries option, which retries a submit only when no task can have been created.",
		);
	}
	if (notes.length > 0) error.description = [error.description, ...notes].filter(Boolean).join(' ');
}
