import type { NodeResource } from '../operation';
import * as getMany from './getMany.operation';

/** Certificate: the account's HTTPS certificates and how long each has left. */
export const certificate: NodeResource = {
	option: {
		name: 'Certificate',
		value: 'certificate',
		description: "The account's HTTPS certificates and the days each has left",
	},
	operations: { getMany },
	defaultOperation: getMany.option.value,
};
