import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CHECK_NAME } from '../../../shared/domains/purgeCheck';
import type { OutputSettings } from '../../../shared/output/parameters';
import {
	READABLE_TIMES,
	outputChoices,
	readOutputSettings,
	readableTimesProperties,
} from '../../../shared/output/parameters';
import type { Bounds, VersionedSwitch } from '../../../shared/parameters/facts';
import {
	numberProperty,
	optionsProperty,
	readSwitch,
	readWholeNumber,
	versionedBooleanProperties,
} from '../../../shared/parameters/facts';
import type { CommonOptions } from '../../../shared/parameters/options';
import {
	optionsCollection,
	readRequestSettings,
	readScope,
} from '../../../shared/parameters/options';
import type { RequestSettings } from '../../../shared/transport';
import type { Scope } from '../../../shared/transport/params';
import type { WaitSettings } from './waitForCompletion/parameters';
import {
	WAIT_FOR_COMPLETION,
	readWaitSettings,
	waitProperties,
} from './waitForCompletion/parameters';

/** Check Domains and Quota: on for nodes from version 1.2 on; workflows saved before keep it off. */
export const CHECK_DOMAINS: VersionedSwitch = {
	displayName: CHECK_NAME,
	name: 'checkDomainsAndQuota',
	onFrom: 1.2,
};
/** 30 is the smallest per-call cap the providers document (UCloud SDK and console). */
export const BATCH_SIZE: Bounds = {
	displayName: 'Batch Size',
	name: 'batchSize',
	min: 1,
	max: 1000,
	default: 30,
};
export const OUTPUT = outputChoices({
	task: 'Each finished task as the API returns it, with its URLs in UrlLists',
	url: "Each URL's final state, with its task's TaskId, TaskStatus and TaskCreateTime",
});

/** The parameters of every operation that submits, after its own: the check, Wait for Completion, Output and Options. */
export const submissionProperties: INodeProperties[] = [
	...versionedBooleanProperties(CHECK_DOMAINS, {
		description:
			"Whether to check, before anything is submitted, that every URL's host is an enabled accelerated domain of the account and that the purges of all input items fit in what is left of each domain's daily quota. Costs one read of the domain list and one quota read per domain, once per execution.",
	}),
	...waitProperties,
	optionsProperty(OUTPUT, {
		description: 'How to turn the finished tasks into items',
		displayOptions: { show: { [WAIT_FOR_COMPLETION.name]: [true] } },
	}),
	...readableTimesProperties('', {
		displayOptions: { show: { [WAIT_FOR_COMPLETION.name]: [true] } },
	}),
	optionsCollection(
		[
			numberProperty(BATCH_SIZE, {
				description:
					'URLs per API call. More URLs are split into several calls, each creating its own task. 30 is the smallest cap the providers document; SurferCloud accepts up to 100 for refresh and 1000 for prefetch.',
			}),
		],
		{
			projectId: "Project to submit to instead of the credential's Project ID",
			isDcdn: 'Whether the URLs belong to a whole-site acceleration (DCDN) domain',
		},
	),
];

interface SubmitOptions extends CommonOptions {
	batchSize?: unknown;
}

/** With Wait for Completion on: how to wait, and how to turn the finished tasks into items. */
export interface SubmitWait {
	settings: WaitSettings;
	output: OutputSettings;
}

/** How item `i` submits, from the parameters every submitting operation shares, read and checked. */
export interface SubmitSettings {
	batchSize: number;
	scope: Scope;
	requestSettings: RequestSettings;
	wait?: SubmitWait;
	/** Check Domains and Quota is on. */
	checked: boolean;
	/** Whole-Site Acceleration is on: the domain list need not hold the URLs' domains. */
	wholeSite: boolean;
}

/** Reads and checks item `i`'s shared parameters (before the operation finds its URLs). */
export function readSubmitSettings(this: IExecuteFunctions, i: number): SubmitSettings {
	const options = this.getNodeParameter('options', i, {}) as SubmitOptions;
	const settings = readWaitSettings.call(this, i);
	const scope = readScope(options);
	return {
		batchSize: readWholeNumber(options.batchSize ?? BATCH_SIZE.default, BATCH_SIZE),
		scope,
		requestSettings: readRequestSettings(options, i),
		wait: settings && {
			settings,
			output: readOutputSettings(
				OUTPUT,
				this.getNodeParameter(OUTPUT.name, i, OUTPUT.default),
				this.getNodeParameter(READABLE_TIMES.name, i),
				this.getTimezone(),
			),
		},
		checked: readSwitch(this.getNodeParameter(CHECK_DOMAINS.name, i, false), CHECK_DOMAINS),
		wholeSite: scope.IsDcdn === true,
	};
}
