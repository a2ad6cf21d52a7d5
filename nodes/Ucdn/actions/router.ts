import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ParameterError, parameterFailure } from '../../shared/helpers/errors';
import { getApiTarget } from '../../shared/transport';
import type { OperationContext } from './context';
import { withCreatedTasks } from './context';
import * as describeTasks from './describeTasks.operation';
import * as submit from './submit.operation';
import type { ResourceKey } from '../../shared/resources';
import { RESOURCES } from '../../shared/resources';

const operations = { describeTasks, submit };

type OperationKey = keyof typeof operations;

/**
 * Runs the chosen operation for every input item in two passes: first each item's parameters
 * are read and checked, then, only if all are valid, the items run one after the other. So bad
 * input anywhere sends nothing. A failing item either stops the node or, with Continue On
 * Fail, becomes an error item paired with its input while the others go on (an invalid item
 * then only skips itself).
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resourceKey = this.getNodeParameter('resource', 0) as ResourceKey;
	const operationKey = this.getNodeParameter('operation', 0) as OperationKey;
	const resource = RESOURCES[resourceKey];
	const operation = operations[operationKey];
	if (!resource || !operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationKey}" of resource "${resourceKey}" is not supported`,
		);
	}
	const context: OperationContext = {
		target: await getApiTarget.call(this),
		resource,
		createdTaskIds: [],
	};
	const continueOnFail = this.continueOnFail();
	const startsOver = operationKey === 'submit' && this.getNode().retryOnFail === true;

	const runs = items.map((_item, i) => {
		try {
			return operation.prepare.call(this, i, context);
		} catch (caught) {
			// Bad input is worded for its item; n8n's own errors (a broken expression) stay as they are.
			const error =
				caught instanceof ParameterError
					? parameterFailure(this.getNode(), caught, i)
					: (caught as FailedItem);
			return { invalid: error };
		}
	});
	const invalid = runs.find((run) => 'invalid' in run);
	if (invalid && !continueOnFail) throw invalid.invalid;

	// Joined once at the end: pushing an item's 200,000 URL items one by one cost 30 ms.
	const outputs: INodeExecutionData[][] = [];
	for (const [i, run] of runs.entries()) {
		if ('invalid' in run) {
			outputs.push([errorItem(run.invalid, i)]);
			continue;
		}
		try {
			outputs.push(await run());
		} catch (caught) {
			// The requests and the wait throw n8n's errors; anything else is wrapped to carry the notes.
			const error =
				caught instanceof NodeApiError || caught instanceof NodeOperationError
					? caught
					: new NodeOperationError(this.getNode(), caught as Error, { itemIndex: i });
			withCreatedTasks(error, context.createdTaskIds, startsOver);
			if (!continueOnFail) throw error;
			outputs.push([errorItem(error, i)]);
		}
	}
	return [outputs.flat()];
}

type FailedItem = Error & { description?: string | null; context?: IDataObject };

/**
 * Continue On Fail's item for a failed input item: the error, as data a workflow can route on.
 * Every one has `error` and `description`; bad input adds the `field` to correct, and a failure
 * after tasks were created lists them in `createdTaskIds`.
 */
function errorItem({ message, description, context }: FailedItem, i: number): INodeExecutionData {
	const { field, createdTaskIds } = context ?? {};
	return {
		json: {
			error: message,
			description: description ?? null,
			...(field ? { field } : {}),
			...(createdTaskIds ? { createdTaskIds } : {}),
		},
		pairedItem: { item: i },
	};
}
