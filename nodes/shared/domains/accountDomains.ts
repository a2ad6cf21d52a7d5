import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ListShape } from '../paging';
import { fetchPage, readPages } from '../paging';
import type { ApiTarget, RequestSettings, UcdnFunctions } from '../transport';
import { ACTIONS, ucdnRequest } from '../transport';
import type { Scope } from '../transport/params';
import type { Domain, DomainIndex } from './matching';
import { indexDomains, readDomains } from './matching';

/** The account's accelerated domains with their configuration, paged with Offset and Limit. */
export const DOMAIN_LIST_ACTION = ACTIONS.domainList.name;
/** One domain's daily purge quota and what was submitted today. */
export const QUOTA_ACTION = ACTIONS.domainQuota.name;

/** Which domain's quota a read is of, in words: its errors end with it. */
export const quotaOf = (name: string): string => `the daily quota of ${name}`;

const DOMAIN_LIST: ListShape = {
	field: 'DomainList',
	key: 'DomainId',
	noun: 'domain',
	oversizedIsWhole: true,
};
/** Domains asked for per call: accounts rarely have more, and the walk goes on while pages are full. */
export const DOMAIN_PAGE_SIZE = 100;

/**
 * The domains of the list (those `DomainId.N` name, if given; up to `max`): the walk of Describe Tasks over
 * DomainList, going on while pages are full (the API may send no TotalCount here) and following
 * TotalCount when it does. A list it cannot walk soundly is a NodeApiError, never a shorter list.
 */
export async function listDomains(
	this: UcdnFunctions,
	target: ApiTarget,
	scope: Scope,
	settings: RequestSettings,
	{ domainIds = [], max = Infinity }: { domainIds?: string[]; max?: number } = {},
): Promise<IDataObject[]> {
	const params = { ProjectId: scope.ProjectId, DomainId: domainIds };
	const { tasks, problem } = await readPages(
		async (request) =>
			await fetchPage.call(
				this,
				target,
				DOMAIN_LIST_ACTION,
				params,
				settings,
				request,
				DOMAIN_LIST,
			),
		{ offset: 0, pageSize: DOMAIN_PAGE_SIZE, max, shape: DOMAIN_LIST },
	);
	if (problem) {
		// The problem's description advises on Describe's parameters (a time range, a Status),
		// which a domain list has none of: its message is kept, the advice is this one.
		throw new NodeApiError(this.getNode(), { action: DOMAIN_LIST_ACTION } as JsonObject, {
			message: `UCloud API ${DOMAIN_LIST_ACTION}: the domain list cannot be read completely`,
			description: `${problem.message}. The API's paging of the domain list cannot be trusted now: try again later.`,
			itemIndex: settings.itemIndex,
		});
	}
	return tasks;
}

/**
 * The domains and quotas one execution reads, each once: every operation and the check ask
 * here, so a project's domains are walked once and each domain's quota is asked once per
 * execution, however many items and batches need them. A failed read fails every item that
 * needs it, without asking again.
 */
export class AccountDomains {
	private readonly lists = new Map<string, Promise<DomainIndex>>();

	private readonly quotas = new Map<string, Promise<IDataObject>>();

	constructor(
		private readonly functions: UcdnFunctions,
		private readonly target: ApiTarget,
	) {}

	/** The project a scope names, in words: its ProjectId, or the credential's, or the key's default. */
	projectOf(scope: Scope): string {
		const id = scope.ProjectId ?? this.target.defaultProjectId;
		return id === undefined ? "the key's default project" : `project ${String(id)}`;
	}

	/** The domains of the scope's project, indexed once for every item's look-ups. */
	async domains(scope: Scope, settings: RequestSettings): Promise<DomainIndex> {
		return await this.once(this.lists, this.projectOf(scope), async () => {
			const domains = await listDomains.call(this.functions, this.target, scope, settings);
			return indexDomains(readDomains(domains, [this.target.privateKey]));
		});
	}

	/** The quota answer of one domain of the scope's project; a failure names the domain (quotaOf). */
	async quota(
		scope: Scope,
		{ Domain: name, DomainId }: Domain,
		settings: RequestSettings,
	): Promise<IDataObject> {
		const key = `${this.projectOf(scope)}\n${DomainId}`;
		return await this.once(this.quotas, key, async () => {
			const params = { ProjectId: scope.ProjectId, DomainId };
			const named = { ...settings, part: quotaOf(name) };
			return await ucdnRequest.call(this.functions, this.target, QUOTA_ACTION, params, named);
		});
	}

	private async once<T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>) {
		let pending = cache.get(key);
		if (!pending) {
			pending = read();
			cache.set(key, pending);
		}
		return await pending;
	}
}
