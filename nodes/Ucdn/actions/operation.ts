import type { INodeExecutionData } from 'n8n-workflow';

import type { ApiTarget } from '../../shared/transport';
import type { Resource } from '../../shared/tasks/resources';
import type { PurgePlan } from '../../shared/domains/purgeCheck';
import type { DomainDirectory } from '../../shared/domains/accountDomains';
import type { TaskLedger } from './createdTasks';

/** What every operation gets besides its item index: resolved once per execution. */
export interface OperationContext {
	target: ApiTarget;
	/** Where an operation that creates tasks records each TaskId. */
	ledger: TaskLedger;
	/** The account's domains and their quotas, each read once per execution. */
	domains: DomainDirectory;
}

/** The context of a Refresh or Prefetch operation: which of the two it is. */
export interface TaskContext extends OperationContext {
	resource: Resource;
}

/** One item, read and checked: `run` makes its requests; `purge` is what Check Domains and Quota counts. */
export interface Prepared {
	run: () => Promise<INodeExecutionData[]>;
	purge?: PurgePlan;
}
