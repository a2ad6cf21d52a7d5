import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	certificateItem,
	daysLeft,
	endTime,
	listCertificates,
} from '../../../shared/certificates/certificates';
import { isoTimesIn } from '../../../shared/output/isoTimes';
import { READABLE_TIMES, readableTimesProperties } from '../../../shared/output/parameters';
import { limitBounds, readMax, returnAllProperties } from '../../../shared/paging/parameters';
import type { Bounds, Switch } from '../../../shared/parameters/facts';
import {
	booleanProperty,
	numberProperty,
	optionalText,
	readSwitch,
	readWholeNumber,
} from '../../../shared/parameters/facts';
import type { CommonOptions } from '../../../shared/parameters/options';
import {
	optionsCollection,
	readRequestSettings,
	readScope,
} from '../../../shared/parameters/options';
import type { OperationContext, Prepared } from '../operation';

export const option = {
	name: 'Get Many',
	value: 'getMany',
	description: "List the account's certificates with the days each has left",
	action: 'Get many certificates',
};

export const createsTasks = false;

export const CERTIFICATE_LIMIT = limitBounds(10_000);
export const EXPIRING_WITHIN: Bounds = {
	displayName: 'Expiring Within (Days)',
	name: 'expiringWithin',
	min: 0,
	max: 3650,
	default: 30,
};
export const INCLUDE_TEXT: Switch = {
	displayName: 'Include Certificate Text',
	name: 'includeCertificateText',
	default: false,
};
const DOMAIN = { displayName: 'Domain', name: 'domain' } as const;
const MAX_DOMAIN_LENGTH = 253;

const properties: INodeProperties[] = [
	...returnAllProperties(CERTIFICATE_LIMIT),
	...readableTimesProperties('', {
		description:
			"Whether to add BeginTimeIso and EndTimeIso after BeginTime and EndTime: the same time in ISO 8601 in the workflow's timezone",
	}),
	optionsCollection(
		[
			{
				...DOMAIN,
				type: 'string',
				default: '',
				placeholder: 'static.example.com',
				description: 'Only the certificates of this domain',
			},
			numberProperty(EXPIRING_WITHIN, {
				description: 'Only the certificates that end within this many days (or have ended)',
			}),
			booleanProperty(INCLUDE_TEXT, {
				description:
					'Whether to add the PEM text of each certificate (UserCert, CaCert): it is long',
			}),
		],
		{ projectId: "Project of the certificates instead of the credential's Project ID" },
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['certificate'], operation: [option.value] } },
	properties,
);

interface CertificateOptions extends CommonOptions {
	domain?: unknown;
	expiringWithin?: unknown;
	includeCertificateText?: unknown;
}

/**
 * Reads and checks item `i`'s parameters; what it returns lists the certificates (paged by
 * TotalCount) as of now, one item each; Expiring Within keeps those with at most that many
 * DaysLeft, so it reads them all before Limit applies.
 */
export function prepare(
	this: IExecuteFunctions,
	i: number,
	{ target }: OperationContext,
): Prepared {
	const max = readMax.call(this, i, CERTIFICATE_LIMIT);
	const readable = readSwitch(this.getNodeParameter(READABLE_TIMES.name, i), READABLE_TIMES);
	const options = this.getNodeParameter('options', i, {}) as CertificateOptions;
	const domain = optionalText(options.domain, DOMAIN.displayName, MAX_DOMAIN_LENGTH);
	const within =
		options.expiringWithin === undefined
			? undefined
			: readWholeNumber(options.expiringWithin, EXPIRING_WITHIN);
	const withText = readSwitch(options.includeCertificateText ?? INCLUDE_TEXT.default, INCLUDE_TEXT);
	const scope = readScope(options);
	const settings = readRequestSettings(options, i);
	return {
		run: async () => {
			const listed = await listCertificates.call(this, target, scope, settings, {
				domain,
				max: within === undefined ? max : Infinity,
			});
			const now = Math.floor(Date.now() / 1000);
			const iso = readable ? isoTimesIn(this.getTimezone()) : undefined;
			const kept =
				within === undefined
					? listed
					: listed.filter((certificate) => {
							const end = endTime(certificate);
							return end !== undefined && daysLeft(end, now) <= within;
						});
			return kept.slice(0, max).map((certificate) => ({
				json: certificateItem(certificate, now, { iso, withText }),
				pairedItem: { item: i },
			}));
		},
	};
}
