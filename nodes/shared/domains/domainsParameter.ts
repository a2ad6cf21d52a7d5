import type { INodeProperties } from 'n8n-workflow';

import { ParameterError, shown } from '../errors';
import { ID_SEPARATORS, parseList } from '../parameters/lists';
import type { RequestSettings } from '../transport';
import { isObject } from '../transport/answer';
import type { Scope } from '../transport/params';
import type { AccountDomains } from './accountDomains';
import type { Domain, DomainIndex } from './matching';
import { domainNameOf, domainOf, hostKey, isWildcard } from './matching';

/** The nodes' `methods.listSearch` entry that fills the Domains parameter's From List mode. */
export const DOMAIN_LIST_METHOD = 'searchDomains';

export const DOMAINS = { displayName: 'Domains', name: 'domains' } as const;

/**
 * The Domains parameter: one domain from the list, or several by name or by ID; `optional`
 * where none means all of the project's domains (Statistics).
 */
export function domainsProperty(description: string, optional = false): INodeProperties {
	return {
		displayName: DOMAINS.displayName,
		name: DOMAINS.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: !optional,
		description: `${description} By Name and By ID take several, separated by commas or new lines, or an expression returning a list${optional ? ". Empty: all of the project's domains." : ''}`,
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
export function readDomainRefs(value: unknown): DomainRefs;
export function readDomainRefs(value: unknown, optional: true): DomainRefs | undefined;
export function readDomainRefs(value: unknown, optional = false): DomainRefs | undefined {
	const locator = isObject(value) && 'value' in value ? value : { mode: 'name', value };
	const by = locator.mode === 'name' ? 'Domain' : 'DomainId';
	const values = parseList(locator.value, DOMAINS.displayName, ID_SEPARATORS);
	if (values.length === 0 && optional) return undefined;
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
	directory: AccountDomains,
	refs: DomainRefs,
	scope: Scope,
	settings: RequestSettings,
	hints?: NotFoundHints,
): Promise<Domain[]> {
	const index = await directory.domains(scope, settings);
	return resolveDomains(refs, index, directory.projectOf(scope), hints);
}
