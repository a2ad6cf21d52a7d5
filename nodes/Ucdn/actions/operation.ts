import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { AccountDomains } from '../../shared/domains/accountDomains';
import type { PurgePlan } from '../../shared/domains/purgeCheck';
import type { TaskResource } from '../../shared/tasks/resources';
import type { ApiTarget } from '../../shared/transport';
import type { CreatedTasks } from './createdTasks';

/** What every operation gets besides its item index: resolved once per execution. */
export interface OperationContext {
	target: ApiTarget;
	/** Where an operation that creates tasks records each TaskId. */
	createdTasks: CreatedTasks;
	/** The account's domains and their quotas, each read once per execution. */
	domains: AccountDomains;
}

/** The context of a Refresh or Prefetch operation: which of the two it is. */
export interface TaskContext extends OperationContext {
	resource: TaskResource;
}

/** One item, read and checked: `run` makes its requests; `purge` is what Check Domains and Quota counts. */
export interface Prepared {
	run: () => Promise<INodeExecutionData[]>;
	purge?: PurgePlan;
}

/**
 * One operation, in its own file: its entry in its resource's Operation menu, its parameters,
 * and what reads and checks an item (`prepare`, before any item runs) and then runs it.
 */
export interface Operation<C extends OperationContext = OperationContext> {
	option: INodePropertyOptions & { value: string; action: string };
	description: INodeProperties[];
	/** Whether it creates tasks, which every later error must then name (see CreatedTasks). */
	createsTasks: boolean;
	prepare(this: IExecuteFunctions, i: number, context: C): Prepared | Promise<Prepared>;
}

/**
 * A resource of the node: its entry in the Resource menu, its operations by the value each has in
 * its Operation menu (in the menu's order), and, for Refresh and Prefetch, the API actions and
 * rules of its tasks. Adding an operation is one line in `operations`.
 */
export interface NodeResource {
	option: INodePropertyOptions & { value: string };
	/** Each is handed a TaskContext; Domain's have no `resource` there and read none. */
	operations: Record<string, Operation<TaskContext>>;
	defaultOperation: string;
	tasks?: TaskResource;
}
