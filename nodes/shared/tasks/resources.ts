import { ACTIONS } from '../transport/actions';

/**
 * Refresh and Prefetch are one API shape with different action names: the node has one code
 * path per operation, and this table is the only place the two resources differ.
 */
export const TASK_RESOURCES = {
	refresh: {
		name: 'Refresh',
		describeAction: ACTIONS.refreshTasks.name,
		submitAction: ACTIONS.refresh.name,
		/** Refresh takes a Type (file, dir, m3u8); directories end with a slash. */
		takesType: true,
		filesOnly: false,
	},
	prefetch: {
		name: 'Prefetch',
		describeAction: ACTIONS.prefetchTasks.name,
		submitAction: ACTIONS.prefetch.name,
		takesType: false,
		/** Prefetch takes files only: no URL may end with a slash. */
		filesOnly: true,
	},
} as const;

export type TaskResourceKey = keyof typeof TASK_RESOURCES;
export type TaskResource = (typeof TASK_RESOURCES)[TaskResourceKey];
