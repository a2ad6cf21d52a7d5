import type { ExecutionBaseError, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../shared/helpers/errors';
import { getApiTarget } from '../../shared/transport';
import type { OperationContext } from './context';
import * as describeTasks from './describeTasks.operation';
import { TaskLedger } from './ledger';
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
 * then only skips itself). Whatever fails while running names the tasks the execution created.
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
	const node = this.getNode();
	const ledger = new TaskLedger(operation.createsTasks && node.retryOnFail === true);
	const context: OperationContext = { target: await getApiTarget.call(this), resource, ledger };
	const continueOnFail = this.continueOnFail();

	const runs = items.map((_item, i) => {
		try {
			return operation.prepare.call(this, i, context);
		} catch (caught) {
			return { invalid: asNodeError(node, caught, i) };
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
			const error = ledger.annotate(asNodeError(node, caught, i));
			if (!continueOnFail) throw error;
			outputs.push([errorItem(error, i)]);
		}
	}
	return [outputs.flat()];
}

/**
 * Continue On Fail's item for a failed input item: the error, as data a workflow can route on.
 * Every one has `error` and `description`; bad input adds the `field` to correct, and a failure
 * after tasks were created lists them in `createdTaskIds`.
 */
function errorItem(
	{ message, description, context }: ExecutionBaseError,
	i: number,
): INodeExecutionData {
	const { field, createdTaskIds } = context;
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
