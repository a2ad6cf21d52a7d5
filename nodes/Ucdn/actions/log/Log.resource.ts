import type { NodeResource } from '../operation';
import * as getMany from './getMany.operation';

/** Log: the domains' five-minute access log files, as links or downloaded. */
export const log: NodeResource = {
	option: { name: 'Log', value: 'log', description: "The domains' access log files" },
	operations: { getMany },
	defaultOperation: getMany.option.value,
};
