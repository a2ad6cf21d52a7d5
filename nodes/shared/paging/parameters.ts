import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Bounds, Switch } from '../parameters/facts';
import { booleanProperty, numberProperty, readSwitch, readWholeNumber } from '../parameters/facts';

export const RETURN_ALL: Switch = { displayName: 'Return All', name: 'returnAll', default: false };

/** A listing's Limit: 1 to `max`, 50 by default, as n8n's own nodes have it. */
export const limitBounds = (max: number): Bounds => ({
	displayName: 'Limit',
	name: 'limit',
	min: 1,
	max,
	default: 50,
});

/**
 * Return All and its Limit, in n8n's words, for an operation that lists; `shown` adds the
 * conditions both are shown on (Describe Tasks hides them while waiting).
 */
export function returnAllProperties(
	limit: Bounds,
	shown?: NonNullable<IDisplayOptions['show']>,
): INodeProperties[] {
	return [
		booleanProperty(RETURN_ALL, {
			description: 'Whether to return all results or only up to a given limit',
			...(shown && { displayOptions: { show: shown } }),
		}),
		numberProperty(limit, {
			description: 'Max number of results to return',
			displayOptions: { show: { [RETURN_ALL.name]: [false], ...shown } },
		}),
	];
}

/** How many entries item `i` asks for: all of them with Return All on, else its Limit. */
export function readMax(this: IExecuteFunctions, i: number, limit: Bounds): number {
	return readSwitch(this.getNodeParameter(RETURN_ALL.name, i), RETURN_ALL)
		? Infinity
		: readWholeNumber(this.getNodeParameter(limit.name, i), limit);
}
