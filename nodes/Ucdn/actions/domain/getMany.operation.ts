import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listDomains } from '../../../shared/domains/accountDomains';
import { isoTimesIn } from '../../../shared/output/isoTimes';
import { READABLE_TIMES, readableTimesProperties } from '../../../shared/output/parameters';
import { readableObject } from '../../../shared/output/readableTimes';
import { limitBounds, readMax, returnAllProperties } from '../../../shared/paging/parameters';
import { readSwitch } from '../../../shared/parameters/facts';
import { ID_SEPARATORS, parseList } from '../../../shared/parameters/lists';
import type { CommonOptions } from '../../../shared/parameters/options';
import {
	optionsCollection,
	readRequestSettings,
	readScope,
} from '../../../shared/parameters/options';
import type { OperationContext, Prepared } from '../operation';

export const option = {
	name: 'Get Many',
	value: 'getMany',
	description: "List the account's accelerated domains",
	action: 'Get many domains',
};

export const createsTasks = false;

export const DOMAIN_LIMIT = limitBounds(10_000);

const properties: INodeProperties[] = [
	...returnAllProperties(DOMAIN_LIMIT),
	...readableTimesProperties(),
	optionsCollection(
		[
			{
				displayName: 'Domain IDs',
				name: 'domainIds',
				type: 'string',
				default: '',
				placeholder: 'ucdn-xxxx, ucdn-yyyy',
				description:
					'Only these domains. Separate IDs with commas, spaces or new lines, or use an expression that returns a list.',
			},
		],
		{ projectId: "Project whose domains to list instead of the credential's Project ID" },
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['domain'], operation: [option.value] } },
	properties,
);

interface GetManyOptions extends CommonOptions {
	domainIds?: unknown;
}

/** Reads and checks item `i`'s parameters; what it returns lists the account's domains, one item each. */
export function prepare(
	this: IExecuteFunctions,
	i: number,
	{ target }: OperationContext,
): Prepared {
	const options = this.getNodeParameter('options', i, {}) as GetManyOptions;
	const domainIds = parseList(options.domainIds, 'Domain IDs', ID_SEPARATORS);
	const max = readMax.call(this, i, DOMAIN_LIMIT);
	const iso = readSwitch(this.getNodeParameter(READABLE_TIMES.name, i), READABLE_TIMES)
		? isoTimesIn(this.getTimezone())
		: undefined;
	const scope = readScope(options);
	const settings = readRequestSettings(options, i);
	return {
		run: async () => {
			const domains = await listDomains.call(this, target, scope, settings, { domainIds, max });
			return domains.map((domain) => ({
				json: iso ? readableObject(domain, iso) : domain,
				pairedItem: { item: i },
			}));
		},
	};
}
