import type { INodeProperties } from 'n8n-workflow';

import { certificate } from './certificate/Certificate.resource';
import { domain } from './domain/Domain.resource';
import { log } from './log/Log.resource';
import type { NodeResource, Operation, TaskContext } from './operation';
import { prefetch } from './prefetch/Prefetch.resource';
import { refresh } from './refresh/Refresh.resource';
import { statistics } from './statistics/Statistics.resource';

/** The node's resources, by the value each has in the Resource menu, in the menu's order. */
export const RESOURCES: Record<string, NodeResource> = {
	certificate,
	domain,
	log,
	prefetch,
	refresh,
	statistics,
};

/** A resource's Operation menu, shown when it is the Resource. */
function operationMenu({ option, operations, defaultOperation }: NodeResource): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [option.value] } },
		options: Object.values(operations).map((operation) => operation.option),
		default: defaultOperation,
	};
}

/** Every operation once: Refresh and Prefetch share theirs, and so their parameters. */
const operations = new Set<Operation<TaskContext>>(
	Object.values(RESOURCES).flatMap((resource) => Object.values(resource.operations)),
);

/**
 * The node's parameters: the Resource menu, each resource's Operation menu, then each
 * operation's own parameters (once: Refresh and Prefetch share theirs). Ucdn.node.ts holds the
 * rest of the node's description, where n8n's linters read it.
 */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: Object.values(RESOURCES).map((resource) => resource.option),
		default: 'refresh',
	},
	...Object.values(RESOURCES).map(operationMenu),
	...[...operations].flatMap((operation) => operation.description),
];
