import type { ApiTarget } from '../transport';
import type { Resource } from './resources';

/** What every operation gets besides its item index: resolved once per execution. */
export interface OperationContext {
	target: ApiTarget;
	resource: Resource;
}
