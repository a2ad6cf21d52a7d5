import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DOMAIN_LIST_ACTION, listDomains } from '../domains/accountDomains';
import type { Domain, DomainIndex } from '../domains/matching';
import { indexDomains, readDomains } from '../domains/matching';
import { withNotes } from '../errors';
import type { CommonOptions } from '../parameters/options';
import { readScope } from '../parameters/options';
import { getApiTarget } from '../transport';
import { isObject } from '../transport/answer';
import type { Scope } from '../transport/params';
import { LIST_SETTINGS, listFailure } from './projectList';

/** What to do when the From List mode cannot load. */
const BY_NAME = 'pick By Name and enter the domain';

/**
 * The list's entries, one per name, as the entry the name finds (see Listing):
 * `static.example.com (enable)`; those with an entry whose name or ID contains `filter`.
 */
export function domainResults({ byName }: DomainIndex, filter = ''): INodeListSearchResult {
	const wanted = filter.trim().toLowerCase();
	const matches = ({ Domain, DomainId }: Domain) =>
		`${Domain}\n${DomainId}`.toLowerCase().includes(wanted);
	return {
		results: [...byName.values()]
			.filter(({ entries }) => entries.some(matches))
			.map(({ domain: { Domain, DomainId, Status } }) => ({
				name: `${Domain} (${Status || 'no status'})`,
				value: DomainId,
			})),
	};
}

/**
 * The From List mode of Domains: the domains of the project the node's Options name (or the
 * credential's). When the list cannot load, the error says so and points to By Name, unless
 * the key may not read the list, which By Name needs as well.
 */
export async function searchDomains(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const target = await getApiTarget.call(this);
	const options = this.getCurrentNodeParameter('options');
	let scope: Scope = {};
	try {
		scope = readScope((isObject(options) ? options : {}) as CommonOptions);
	} catch {
		// A Project ID still being typed: list the credential's project meanwhile.
	}
	try {
		const domains = await listDomains.call(this, target, scope, LIST_SETTINGS);
		return domainResults(indexDomains(readDomains(domains, [target.privateKey])), filter);
	} catch (caught) {
		// By Name and By ID are found in the same list when the node runs: they cannot help a key refused it.
		throw listFailure(this.getNode(), caught, BY_NAME, (error) => ({
			message: error.message,
			description: withNotes(
				error.description,
				`The key's user needs permission for ${DOMAIN_LIST_ACTION} (UCDN, read-only): Get Quota and Purge Domain find their domains in this list in every mode.`,
			),
		}));
	}
}
