import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	DOMAINS,
	domainsProperty,
	findDomains,
	readDomainRefs,
} from '../../../shared/domains/domainsParameter';
import { quotaItem } from '../../../shared/domains/quota';
import type { CommonOptions } from '../../../shared/parameters/options';
import {
	optionsCollection,
	readRequestSettings,
	readScope,
} from '../../../shared/parameters/options';
import type { OperationContext, Prepared } from '../operation';

export const option = {
	name: 'Get Quota',
	value: 'getQuota',
	description: "Get what is left today of domains' purge and prefetch quota",
	action: 'Get the purge quota of domains',
};

export const createsTasks = false;

const properties: INodeProperties[] = [
	domainsProperty('The domains whose daily purge quota to get.'),
	optionsCollection([], {
		projectId: "Project of the domains instead of the credential's Project ID",
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['domain'], operation: [option.value] } },
	properties,
);

/**
 * Reads item `i`'s domains and finds them among the account's (one walk of the domain list per
 * execution), before any quota is asked; what it returns asks each domain's quota, one item each.
 */
export async function prepare(
	this: IExecuteFunctions,
	i: number,
	{ domains: directory }: OperationContext,
): Promise<Prepared> {
	const options = this.getNodeParameter('options', i, {}) as CommonOptions;
	const scope = readScope(options);
	const settings = readRequestSettings(options, i);
	const refs = readDomainRefs(this.getNodeParameter(DOMAINS.name, i));
	const domains = await findDomains(directory, refs, scope, settings);
	return {
		run: async () => {
			const items = [];
			for (const domain of domains) {
				const state = await directory.quota(scope, domain, settings);
				items.push({ json: quotaItem(domain, state), pairedItem: { item: i } });
			}
			return items;
		},
	};
}
