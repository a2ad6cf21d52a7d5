import type { NodeResource } from '../operation';
import * as getMany from './getMany.operation';
import * as getQuota from './getQuota.operation';

/** Domain: the account's accelerated domains and their daily purge quota. */
export const domain: NodeResource = {
	option: {
		name: 'Domain',
		value: 'domain',
		description: 'The accelerated domains of the account and their daily purge quota',
	},
	operations: { getMany, getQuota },
	defaultOperation: getMany.option.value,
};
