import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Switch } from '../../shared/descriptions/parameters';
import { booleanProperty, readSwitch } from '../../shared/descriptions/parameters';
import { ParameterError, shown } from '../../shared/helpers/errors';
import { hostnameOf, isWildcard } from '../domains/hosts';
import { DOMAINS, domainsProperty, findDomains, readDomainRefs } from '../domains/locator';
import { urlAsSent } from '../helpers/urls';
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
 * With Whole-Site Acceleration on, names are purged as given, since whole-site (DCDN) domains
 * need not be in the list: the list is read only if the check needs it.
 */
export async function prepare(
	this: IExecuteFunctions,
	i: number,
	context: TaskContext,
): Promise<Prepared> {
	const refs = readDomainRefs(this.getNodeParameter(DOMAINS.name, i));
	const alsoHttp = readSwitch(this.getNodeParameter(ALSO_HTTP.name, i, false), ALSO_HTTP);
	const settings = readSubmitSettings.call(this, i);
	const wholeSite = settings.scope.IsDcdn === true;
	const names =
		wholeSite && refs.by === 'Domain'
			? refs.values.map(domainName)
			: (
					await findDomains(
						context.domains,
						refs,
						settings.scope,
						settings.requestSettings,
						wholeSite,
					)
				).map(({ Domain }) => Domain);
	const wildcard = names.find(isWildcard);
	if (wildcard) {
		throw new ParameterError(
			DOMAINS.displayName,
			`${wildcard} is a wildcard domain and has no single root to purge: purge the URLs of its hosts with Submit (Type Directory, e.g. https://www${wildcard.slice(1)}/)`,
		);
	}
	const schemes = alsoHttp ? ['https', 'http'] : ['https'];
	const urls = names.flatMap((name) => schemes.map((scheme) => urlAsSent(`${scheme}://${name}/`)));
	const submission = { urls, parameter: DOMAINS.displayName, type: 'dir', kind: 'dir' } as const;
	return prepareSubmission.call(this, i, submission, settings, context);
}

/** A name given By Name, as a URL's host has it; what is not a bare domain name is bad input. */
function domainName(name: string): string {
	const host = hostnameOf(name);
	if (!host) throw new ParameterError(DOMAINS.displayName, `${shown(name)} is not a domain name`);
	return host;
}
