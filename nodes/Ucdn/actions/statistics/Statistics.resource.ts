import type { NodeResource } from '../operation';
import * as checkHealth from './checkHealth.operation';
import * as get from './get.operation';

/** Statistics: what the CDN reports of the domains' traffic, and whether a site looks healthy. */
export const statistics: NodeResource = {
	option: {
		name: 'Statistics',
		value: 'statistics',
		description: 'Traffic, requests, hit rate and status codes of the domains, and a health check',
	},
	operations: { checkHealth, get },
	defaultOperation: get.option.value,
};
