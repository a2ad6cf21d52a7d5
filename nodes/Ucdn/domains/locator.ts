import type { ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import type { ParamValue } from '../../../credentials/common/ucloud/signing';
import type { CommonOptions } from '../../shared/descriptions/options';
import { readScope } from '../../shared/descriptions/options';
import { ParameterError, shown, withNotes } from '../../shared/helpers/errors';
import { isObject } from '../../shared/helpers/values';
import { LIST_SETTINGS, listFailure } from '../../shared/projects';
import type { RequestSettings } from '../../shared/transport';
import { getApiTarget } from '../../shared/transport';
import { ID_SEPARATORS, parseList } from '../helpers/lists';
import type { DomainDirectory } from './directory';
import { DOMAIN_LIST_ACTION, listDomains } from './directory';
import type { Domain, DomainIndex } from './hosts';
import { domainNameOf, domainOf, hostKey, indexDomains, isWildcard, readDomains } from './hosts';

/** The nodes' `methods.listSearch` entry that fills the Domains parameter's From List mode. */
export const DOMAIN_LIST_METHOD = 'searchDomains';

export const DOMAINS = { displayName: 'Domains', name: 'domains' } as const;

/** What to do when the From List mode cannot load. */
const BY_NAME = 'pick By Name and enter the domain';

/** The Domains parameter: one domain from the list, or several by name or by ID. */
export function domainsProperty(description: string): INodeProperties {
	return {
		displayName: DOMAINS.displayName,
		name: DOMAINS.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `${description} By Name and By ID take several, separated by commas or new lines, or an expression returning a list`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a domain...',
				typeOptions: { searchListMethod: DOMAIN_LIST_METHOD, searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'static.example.com',
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'ucdn-xxxx' },
		],
	};
}

/** The domains a Domains value names: by DomainId (From List, By ID) or by name. */
export interface DomainRefs {
	by: 'DomainId' | 'Domain';
	values: string[];
}

/**
 * Reads a Domains value: a resource locator's (`__rl` or not), or the plain text or list an
 * expression gave. A name is read as a URL's host spells it (see domainNameOf), and what is no
 * domain name is bad input, whatever the list holds; a name given twice, in any spelling, is
 * kept once: Purge Domain would purge its root twice, counted twice in its quota.
 */
export function readDomainRefs(value: unknown): DomainRefs {
	const locator = isObject(value) && 'value' in value ? value : { mode: 'name', value };
	const by = locator.mode === 'name' ? 'Domain' : 'DomainId';
	const values = parseList(locator.value, DOMAINS.displayName, ID_SEPARATORS);
	if (values.length === 0) throw new ParameterError(DOMAINS.displayName, 'no domain given');
	return { by, values: by === 'Domain' ? [...new Set(values.map(domainName))] : values };
}

/** A domain's name as URLs' hosts spell it (domainNameOf); what is none is bad input. */
export function domainName(name: string): string {
	const spelled = domainNameOf(name);
	if (!spelled)
		throw new ParameterError(DOMAINS.displayName, `${shown(name)} is not a domain name`);
	return spelled;
}

/** What a refusal of a domain the project does not have adds, by how it was named. */
export interface NotFoundHints {
	byName: string;
	byId: string;
}

/**
 * The domains `refs` name, in their order: By Name the domain that accelerates the name (its
 * live entry, else the wildcard covering it: see domainOf; a wildcard's own name is that
 * wildcard), By ID the entry of that ID. One the project does not have is bad input that says
 * so, with the operation's `hints`.
 */
export function resolveDomains(
	{ by, values }: DomainRefs,
	index: DomainIndex,
	project: string,
	hints?: NotFoundHints,
): Domain[] {
	const where = `of this account (${project})`;
	const byName = (name: string) =>
		(isWildcard(name) ? index.byName.get(hostKey(name)) : domainOf(name, index))?.domain;
	return values.map((value) => {
		const found = by === 'Domain' ? byName(value) : index.byId.get(value);
		if (found) return found;
		const why =
			by === 'Domain'
				? `${value} is not an accelerated domain ${where}`
				: `no domain has the ID ${value} among the accelerated domains ${where}`;
		const hint = by === 'Domain' ? hints?.byName : hints?.byId;
		throw new ParameterError(DOMAINS.displayName, hint ? `${why}; ${hint}` : why);
	});
}

/**
 * The domains item `i`'s Domains value names, found in the scope's project's list (read once
 * per execution by the directory); bad input names what the project does not have.
 */
export async function findDomains(
	directory: DomainDirectory,
	refs: DomainRefs,
	scope: Record<string, ParamValue>,
	settings: RequestSettings,
	hints?: NotFoundHints,
): Promise<Domain[]> {
	const index = await directory.domains(scope, settings);
	return resolveDomains(refs, index, directory.projectOf(scope), hints);
}

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
	let scope: Record<string, ParamValue> = {};
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
