import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { RequestSettings } from '../transport';
import { SERVER_ERROR_RETCODE } from '../transport';
import { isObject } from '../transport/answer';
import type { Scope } from '../transport/params';
import type { Bounds, Switch } from './facts';
import {
	booleanProperty,
	numberProperty,
	optionalText,
	readNumber,
	readSwitch,
	readWholeNumber,
} from './facts';

export const REQUEST_TIMEOUT: Bounds = {
	displayName: 'Request Timeout (Seconds)',
	name: 'requestTimeout',
	min: 1,
	max: 300,
	default: 30,
};
export const RETRIES: Bounds = {
	displayName: 'Retries',
	name: 'retries',
	min: 0,
	max: 10,
	default: 3,
};
export const WHOLE_SITE: Switch = {
	displayName: 'Whole-Site Acceleration',
	name: 'isDcdn',
	default: false,
};
/**
 * What a refusal of a host or domain name the domain list does not hold adds: the list is UCDN's,
 * and whole-site acceleration (DCDN) domains need not be in it (docs/domains-and-quota.md).
 */
export const WHOLE_SITE_HINT = `for a whole-site acceleration (DCDN) domain, turn on Options → ${WHOLE_SITE.displayName}`;
const MAX_PROJECT_ID_LENGTH = 64;
/** The nodes' `methods.listSearch` entry that fills Project ID's From List mode. */
export const PROJECT_LIST_METHOD = 'searchProjects';

/** Retries and Request Timeout: options of every operation and of the trigger. */
const requestOptionProperties: INodeProperties[] = [
	numberProperty(REQUEST_TIMEOUT, {
		description: 'How long to wait for each answer from the API',
	}),
	numberProperty(RETRIES, {
		description: `How many times to retry a request that failed for a passing reason (network error, timeout, HTTP 429 or 5xx, RetCode ${SERVER_ERROR_RETCODE} or above), waiting longer each time. A submit is retried only when no task can have been created.`,
	}),
];

/** What the Options collection of an operation or the trigger holds, as n8n hands it over. */
export interface CommonOptions {
	projectId?: unknown;
	isDcdn?: unknown;
	retries?: unknown;
	requestTimeout?: unknown;
}

/**
 * The Options collection of an operation or the trigger: these `own` options plus Project ID,
 * Whole-Site Acceleration (where it applies, shown as `isDcdnDisplayOptions` say), Retries and
 * Request Timeout, in the alphabetical order n8n lists options in.
 */
export function optionsCollection(
	own: INodeProperties[],
	descriptions: { projectId: string; isDcdn?: string; isDcdnDisplayOptions?: IDisplayOptions },
): INodeProperties {
	const common: INodeProperties[] = [
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			description: descriptions.projectId,
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: 'Select a project...',
					typeOptions: { searchListMethod: PROJECT_LIST_METHOD, searchable: true },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: 'org-abc123',
				},
			],
		},
		...(descriptions.isDcdn === undefined
			? []
			: [
					booleanProperty(WHOLE_SITE, {
						description: descriptions.isDcdn,
						...(descriptions.isDcdnDisplayOptions && {
							displayOptions: descriptions.isDcdnDisplayOptions,
						}),
					}),
				]),
		...requestOptionProperties,
	];
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...own, ...common].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

export function readRequestSettings(options: CommonOptions, itemIndex: number): RequestSettings {
	return {
		itemIndex,
		retries: readWholeNumber(options.retries ?? RETRIES.default, RETRIES),
		timeoutMs:
			1000 * readNumber(options.requestTimeout ?? REQUEST_TIMEOUT.default, REQUEST_TIMEOUT),
	};
}

/**
 * A resource locator's value. Read by its `mode` and `value` as n8n's own extractValue does,
 * `__rl` or not: workflows written by hand, by the API or by a generator often leave it out.
 */
function locatorValue(value: unknown): unknown {
	return isObject(value) && 'mode' in value && 'value' in value ? value.value : value;
}

/**
 * The API parameters of Project ID and Whole-Site Acceleration (unset ones are not sent).
 * Project ID is a resource locator's value, or the plain text workflows saved before it was one.
 */
export function readScope(options: CommonOptions): Scope {
	return {
		IsDcdn: readSwitch(options.isDcdn ?? WHOLE_SITE.default, WHOLE_SITE) || undefined,
		ProjectId: optionalText(locatorValue(options.projectId), 'Project ID', MAX_PROJECT_ID_LENGTH),
	};
}
