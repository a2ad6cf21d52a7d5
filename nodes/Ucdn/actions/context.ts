import type { ApiTarget } from '../../shared/transport';
import type { Resource } from '../../shared/resources';
import type { TaskLedger } from './ledger';

/** What every operation gets besides its item index: resolved once per execution. */
export interface OperationContext {
	target: ApiTarget;
	resource: Resource;
	/** Where an operation that creates tasks records each TaskId. */
	ledger: TaskLedger;
}
