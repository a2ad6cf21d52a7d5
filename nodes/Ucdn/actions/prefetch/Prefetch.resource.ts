import { TASK_RESOURCES } from '../../../shared/tasks/resources';
import type { NodeResource } from '../operation';
import * as describeTasks from '../tasks/describeTasks.operation';
import * as submit from '../tasks/submit.operation';

/** Prefetch: warm-ups, with Refresh's operations (TASK_RESOURCES tells them apart). */
export const prefetch: NodeResource = {
	option: {
		name: TASK_RESOURCES.prefetch.name,
		value: 'prefetch',
		description: 'Tasks that load URLs into the CDN cache ahead of requests',
	},
	operations: { describeTasks, submit },
	defaultOperation: describeTasks.option.value,
	tasks: TASK_RESOURCES.prefetch,
};
