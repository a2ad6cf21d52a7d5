import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ParameterError } from '../helpers/errors';
import { getApiTarget } from '../transport';
import type { OperationContext } from './context';
import * as describeTasks from './describeTasks.operation';
import * as submit from './submit.operation';
import type { ResourceKey } from './resources';
import { RESOURCES } from './resources';

const operations = { describeTasks, submit };

type OperationKey = keyof typeof operations;

/**
 * Runs the chosen operation once per input item. A failing item either stops the node or,
 * with Continue On Fail, becomes an error item paired with its input while the others go on.
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
	const context: OperationContext = { target: await getApiTarget.call(this), resource };

	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const output = await operation.execute.call(this, i, context);
			for (const item of output) returnData.push(item);
		} catch (caught) {
			const error =
				caught instanceof ParameterError
					? new NodeOperationError(this.getNode(), caught.message, { itemIndex: i })
					: caught;
			if (this.continueOnFail()) {
				const { message, description } = error as NodeOperationError;
				returnData.push({
					json: { error: message, ...(description ? { description } : {}) },
					pairedItem: { item: i },
				});
				continue;
			}
			throw error;
		}
	}
	return [returnData];
}
