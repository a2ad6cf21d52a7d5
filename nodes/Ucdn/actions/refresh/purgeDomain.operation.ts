import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	DOMAINS,
	domainName,
	domainsProperty,
	findDomains,
	readDomainRefs,
} from '../../../shared/domains/domainsParameter';
import { isWildcard } from '../../../shared/domains/matching';
import { ParameterError } from '../../../shared/errors';
import type { Switch } from '../../../shared/parameters/facts';
import { booleanProperty, readSwitch } from '../../../shared/parameters/facts';
import { WHOLE_SITE, WHOLE_SITE_HINT } from '../../../shared/parameters/options';
import type { Prepared, TaskContext } from '../operation';
import { prepareSubmission } from '../tasks/submission';
import { readSubmitSettings, submissionProperties } from '../tasks/submitParameters';

export const option = {
	name: 'Purge Domain',
	value: 'purgeDomain',
	description: 'Refresh everything a domain caches: a directory refresh of its root',
	action: 'Purge whole domains',
};

/** Each batch creates a task: the router's errors name them (see CreatedTasks). */
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
	{ show: { resource: ['refresh'], operation: [option.value] } },
	properties,
);

/** Where a domain Purge Domain cannot find may be, by how it was named. */
const HINTS = {
	byName: WHOLE_SITE_HINT,
	byId: `whole-site acceleration (DCDN) domains are not in that list: name them By Name, with Options → ${WHOLE_SITE.displayName} on`,
};

/**
 * Reads item `i`'s domains and finds them among the account's (one walk of the domain list per
 * execution), before anything is submitted; what it returns refreshes each root as a directory.
 * A name By Name is purged as given, once the list shows a domain accelerates it (a wildcard's
 * host, too); with Whole-Site Acceleration on, without looking, since whole-site (DCDN) domains
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
	const wildcard = refs.by === 'Domain' ? refs.values.find(isWildcard) : undefined;
	if (wildcard) throw noRoot(wildcard);
	const find = async () =>
		await findDomains(context.domains, refs, settings.scope, settings.requestSettings, HINTS);
	let names = refs.values;
	if (refs.by === 'DomainId') {
		names = (await find()).map(({ Domain }) => domainName(Domain));
		const listed = names.find(isWildcard);
		if (listed) throw noRoot(listed);
	} else if (!settings.wholeSite) await find();
	const schemes = alsoHttp ? ['https', 'http'] : ['https'];
	const urls = names.flatMap((name) => schemes.map((scheme) => `${scheme}://${name}/`));
	const submission = { urls, parameter: DOMAINS.displayName, type: 'dir', kind: 'dir' } as const;
	return prepareSubmission.call(this, i, submission, settings, context);
}

const noRoot = (wildcard: string) =>
	new ParameterError(
		DOMAINS.displayName,
		`${wildcard} is a wildcard domain and has no single root to purge: purge the URLs of its hosts with Submit (Type Directory, e.g. https://www${wildcard.slice(1)}/)`,
	);
