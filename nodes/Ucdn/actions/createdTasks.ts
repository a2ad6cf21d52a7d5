import type { ExecutionBaseError } from 'n8n-workflow';

import { withNotes } from '../../shared/errors';

/**
 * The TaskIds one execution has created, across items and batches, in order: what keeps anyone
 * from submitting a purge twice when something fails after the first task exists.
 */
export class CreatedTasks {
	private readonly taskIds: string[] = [];

	/**
	 * `startsOver`: n8n's Retry On Fail is on for a node whose operation creates tasks; each try
	 * submits every item again, and this record knows only its own try's tasks.
	 */
	constructor(private readonly startsOver: boolean) {}

	record(taskId: string): void {
		this.taskIds.push(taskId);
	}

	/**
	 * The notes an error of this execution must carry: every TaskId created so far (whatever
	 * failed and wherever), and, if Retry On Fail starts the node over, that other tries'
	 * tasks cannot be named here.
	 */
	notes(): string[] {
		const notes: string[] = [];
		if (this.taskIds.length > 0) {
			notes.push(
				`Already submitted in this execution: ${this.taskIds.join(', ')}. These tasks exist at the CDN whatever failed here: check them with Describe Tasks instead of submitting their URLs again.`,
			);
		}
		if (this.startsOver) {
			notes.push(
				"n8n's Retry On Fail is on for this node: each try submits every item again, so other tries may have created tasks not named here (find them with Describe Tasks). Turn it off and use the Retries option, which retries a submit only when no task can have been created.",
			);
		}
		return notes;
	}

	/**
	 * Annotates the error of an item that failed while running: the notes after its description,
	 * the TaskIds as `createdTaskIds` in its context (Continue On Fail's items carry them).
	 */
	annotate<E extends ExecutionBaseError>(error: E): E {
		const notes = this.notes();
		if (this.taskIds.length > 0) error.context.createdTaskIds = [...this.taskIds];
		if (notes.length > 0) error.description = withNotes(error.description, ...notes);
		return error;
	}
}
