import { TASK_RESOURCES } from '../../../shared/tasks/resources';
import type { NodeResource } from '../operation';
import * as describeTasks from '../tasks/describeTasks.operation';
import * as submit from '../tasks/submit.operation';
import * as purgeDomain from './purgeDomain.operation';

/** Refresh: purges. Describe Tasks and Submit are Prefetch's too (TASK_RESOURCES tells them apart). */
export const refresh: NodeResource = {
	option: {
		name: TASK_RESOURCES.refresh.name,
		value: 'refresh',
		description: 'Tasks that purge URLs or directories from the CDN cache',
	},
	operations: { describeTasks, purgeDomain, submit },
	defaultOperation: describeTasks.option.value,
	tasks: TASK_RESOURCES.refresh,
};
