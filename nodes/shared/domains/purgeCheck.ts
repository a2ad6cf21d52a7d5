import type { ExecutionBaseError, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ParameterError, asNodeError, withNotes } from '../errors';
import { WHOLE_SITE_HINT } from '../parameters/options';
import type { RequestSettings } from '../transport';
import { NO_PERMISSION } from '../transport';
import type { Scope } from '../transport/params';
import type { AccountDomains } from './accountDomains';
import { DOMAIN_LIST_ACTION, QUOTA_ACTION, quotaOf } from './accountDomains';
import type { Domain, DomainIndex, PurgeKind } from './matching';
import { KIND_WORDS, domainOf, isGone, isWildcard, notEnabled } from './matching';
import type { Demand, Left, Overrun } from './quota';
import { KINDS, addDemand, allocate, firstOverrun, quotaLeft, totalDemand } from './quota';

/** The switch's name in messages. */
export const CHECK_NAME = 'Check Domains and Quota';

/** What one item would submit, for the check: its URLs, what they count as, and where. */
export interface PurgePlan {
	urls: string[];
	/** The parameter the URLs come from, which a refused URL's error names (URLs, Domains). */
	parameter: string;
	kind: PurgeKind;
	scope: Scope;
	settings: RequestSettings;
	/** Whole-Site Acceleration is on: the UCDN domain list need not hold the URLs' domains. */
	wholeSite: boolean;
}

const NOTHING_SENT = 'Nothing was submitted.';
const READS: Record<string, string> = {
	[DOMAIN_LIST_ACTION]: "the account's domains",
	[QUOTA_ACTION]: "each domain's daily quota",
};

/** A read the key's permissions (IAM) do not allow. */
const refused = (caught: unknown): boolean =>
	caught instanceof NodeApiError && caught.errorResponse?.RetCode === NO_PERMISSION;

/**
 * A read of the check that failed: which call (and, of a quota, whose), that nothing was
 * submitted, and that the check can be turned off.
 */
function readFailed(
	this: IExecuteFunctions,
	error: NodeApiError,
	itemIndex: number,
	domain?: string,
): NodeApiError {
	const response = error.errorResponse ?? {};
	const action = typeof response.action === 'string' ? response.action : DOMAIN_LIST_ACTION;
	const what = READS[action] ?? action;
	const whose = domain === undefined ? '' : `, which reads ${quotaOf(domain)}`;
	return new NodeApiError(this.getNode(), response, {
		message: refused(error)
			? `${CHECK_NAME}: this key may not call ${action} (RetCode ${NO_PERMISSION})${whose}`
			: `${CHECK_NAME}: ${error.message}`,
		description: refused(error)
			? `The check reads ${what} with ${action} before anything is submitted. Allow the key's user to call it (UCDN, read-only), or turn off ${CHECK_NAME}. ${NOTHING_SENT}`
			: withNotes(
					error.description,
					`The check could not read ${what}. ${NOTHING_SENT} Turn off ${CHECK_NAME} to submit without it.`,
				),
		itemIndex,
	});
}

/**
 * Where one item's URLs go: how many of its kind to each domain (keyed by project and DomainId,
 * with the domain), or bad input naming the first URL that cannot be purged. With Whole-Site
 * Acceleration on, only a URL whose host is the name of an enabled domain is counted, the others
 * are left to the API: the list is UCDN's, whole-site domains need not be in it, and a UCDN
 * wildcard says nothing of a whole-site host under it.
 */
function demandOf(plan: PurgePlan, domains: DomainIndex, project: string) {
	const demand: Demand = new Map();
	const places = new Map<string, Domain>();
	for (const url of plan.urls) {
		const host = new URL(url).hostname;
		const listing = domainOf(host, domains);
		const disabled = listing && notEnabled(listing);
		if (plan.wholeSite && (!listing || disabled || isWildcard(listing.domain.Domain))) continue;
		if (!listing)
			throw new ParameterError(
				plan.parameter,
				`${url}: ${host} is not an accelerated domain of this account (${project}); ${WHOLE_SITE_HINT}`,
			);
		// A deleted domain accelerates nothing: it may have moved to whole-site acceleration.
		const gone = isGone(listing.domain) ? `; ${WHOLE_SITE_HINT}` : '';
		if (disabled) throw new ParameterError(plan.parameter, `${url}: ${disabled}${gone}`);
		const { domain } = listing;
		const key = `${project}\n${domain.DomainId}`;
		places.set(key, domain);
		addDemand(demand, key, plan.kind);
	}
	return { demand, places };
}

/**
 * Check Domains and Quota, for every item that has it on, before any item submits: each URL's
 * host must be an enabled accelerated domain of the item's project, and each domain's purges of
 * each kind, summed over the items in order, must fit in what is left today. Reads each
 * project's domains once and each involved domain's quota once (the AccountDomains).
 * Returns the items that may not submit, with their errors; without Continue On Fail the first
 * failure is thrown instead, so nothing at all is submitted.
 */
export async function checkPurges(
	this: IExecuteFunctions,
	plans: ReadonlyMap<number, PurgePlan>,
	directory: AccountDomains,
	continueOnFail: boolean,
): Promise<Map<number, ExecutionBaseError>> {
	const failed = new Map<number, ExecutionBaseError>();
	const fail = (i: number, caught: unknown, domain?: string) => {
		const error =
			caught instanceof NodeApiError
				? readFailed.call(this, caught, i, domain)
				: asNodeError(this.getNode(), caught, i);
		if (!continueOnFail) throw error;
		failed.set(i, error);
	};
	const places = new Map<string, { domain: Domain; plan: PurgePlan }>();
	const demands = new Map<number, Demand>();
	for (const [i, plan] of plans) {
		const project = directory.projectOf(plan.scope);
		try {
			const domains = await directory.domains(plan.scope, plan.settings);
			const { demand, places: its } = demandOf(plan, domains, project);
			demands.set(i, demand);
			for (const [key, domain] of its) if (!places.has(key)) places.set(key, { domain, plan });
		} catch (caught) {
			// A key that may not read the list cannot be checked: with Whole-Site Acceleration on,
			// where the list vouches for nothing but quotas, the API decides.
			if (plan.wholeSite && refused(caught)) demands.set(i, new Map());
			else fail(i, caught);
		}
	}

	const left = new Map<string, Left>();
	for (const [key, { domain, plan }] of places) {
		const users = [...demands].filter(([, demand]) => demand.has(key)).map(([i]) => i);
		// Its items all failed on a quota read before (Continue On Fail): none needs this one.
		if (users.length === 0) continue;
		try {
			const known = quotaLeft(await directory.quota(plan.scope, domain, plan.settings));
			const unknown = KINDS.find(
				(kind) => known[kind] === undefined && users.some((i) => demands.get(i)?.get(key)?.[kind]),
			);
			if (unknown) {
				throw new NodeApiError(
					this.getNode(),
					{ action: QUOTA_ACTION },
					{
						message: `UCloud API ${QUOTA_ACTION} answered no usable count of ${KIND_WORDS[unknown]} (${quotaOf(domain.Domain)})`,
						description: 'What is left today cannot be told from this answer.',
					},
				);
			}
			left.set(key, known as Left);
		} catch (caught) {
			for (const i of users) {
				demands.delete(i);
				fail(i, caught, domain.Domain);
			}
		}
	}

	const items = [...demands];
	const overruns = allocate(
		items.map(([, demand]) => demand),
		left,
	);
	const nameOf = (over: Overrun) => places.get(over.domainId)?.domain.Domain ?? over.domainId;
	const firstOver = overruns.findIndex(Boolean);
	if (!continueOnFail && firstOver !== -1) {
		const over = firstOverrun(totalDemand(items.map(([, demand]) => demand)), left) as Overrun;
		const message = `${leftToday(nameOf(over), over)}; this execution would submit ${over.wanted}. ${NOTHING_SENT}`;
		throw quotaError.call(this, message, over, items[firstOver]?.[0] ?? 0);
	}
	items.forEach(([i], n) => {
		const over = overruns[n];
		if (!over) return;
		const message = `${leftToday(nameOf(over), over)} after the items before this one; this item would submit ${over.wanted}. This item was not submitted.`;
		failed.set(i, quotaError.call(this, message, over, i));
	});
	return failed;
}

function leftToday(name: string, { kind, left }: Overrun): string {
	return `Daily quota: ${name} has ${left} ${KIND_WORDS[kind]} left today`;
}

function quotaError(
	this: IExecuteFunctions,
	message: string,
	{ kind }: Overrun,
	itemIndex: number,
) {
	return new NodeOperationError(this.getNode(), message, {
		itemIndex,
		description: `${CHECK_NAME} counts every URL of every input item against what is left of each domain's daily quota (Domain → Get Quota shows it)${kind === 'file' ? '; M3U8 refreshes count as file refreshes' : ''}. Submit fewer URLs, wait for the quota to renew tomorrow, or ask UCloud for a larger quota.`,
	});
}
