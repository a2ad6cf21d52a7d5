import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Switch } from '../../shared/descriptions/parameters';
import { booleanProperty, readSwitch } from '../../shared/descriptions/parameters';
import { ParameterError } from '../../shared/helpers/errors';
import { DOMAINS, domainsProperty, findDomains } from '../domains/locator';
import { isWildcard } from '../domains/hosts';
import type { Prepared, TaskContext } from './context';
import { prepareSubmission, readSubmitSettings, submissionProperties } from './submission';

/** Each batch creates a task: the router's errors name them (see TaskLedger). */
export const createsTasks = true;

export const ALSO_HTTP: Switch = {
	displayName: 'Also Purge http://',
	name: 'alsoHttp',
	default: false,
};

const properties: INodeProperties[] = [
	domainsProperty(
		"The domains to purge entirely: a directory refresh of each one's root, https://<domain>/.",
	),
	booleanProperty(ALSO_HTTP, {
		description:
			'Whether to refresh each root over http:// as well: a second directory refresh per domain, counted in its daily quota',
	}),
	...submissionProperties,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['refresh'], operation: ['purgeDomain'] } },
	properties,
);

/**
 * Reads item `i`'s domains and finds them among the account's (one walk of the domain list per
 * execution), before anything is submitted; what it returns refreshes each root as a directory.
 */
export async function prepare(
	this: IExecuteFunctions,
	i: number,
	context: TaskContext,
): Promise<Prepared> {
	const value = this.getNodeParameter(DOMAINS.name, i);
	const alsoHttp = readSwitch(this.getNodeParameter(ALSO_HTTP.name, i, false), ALSO_HTTP);
	const settings = readSubmitSettings.call(this, i);
	const found = await findDomains(context.domains, value, settings.scope, settings.requestSettings);
	const wildcard = found.find((domain) => isWildcard(domain.Domain));
	if (wildcard) {
		throw new ParameterError(
			DOMAINS.displayName,
			`${wildcard.Domain} is a wildcard domain and has no single root to purge: purge the URLs of its hosts with Submit (Type Directory, e.g. https://www${wildcard.Domain.slice(1)}/)`,
		);
	}
	const schemes = alsoHttp ? ['https', 'http'] : ['https'];
	const urls = found.flatMap(({ Domain }) => schemes.map((scheme) => `${scheme}://${Domain}/`));
	const submission = { urls, parameter: DOMAINS.displayName, type: 'dir', kind: 'dir' } as const;
	return prepareSubmission.call(this, i, submission, settings, context);
}
