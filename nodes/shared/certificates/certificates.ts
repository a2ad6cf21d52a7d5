import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { IsoTime } from '../output/isoTimes';
import { unixSeconds } from '../output/isoTimes';
import type { ListShape } from '../paging';
import { fetchPage, readPages } from '../paging';
import type { ApiTarget, RequestSettings, UcdnFunctions } from '../transport';
import { ACTIONS } from '../transport';
import type { Scope } from '../transport/params';

const CERTIFICATE_LIST: ListShape = { field: 'CertList', key: 'CertName', noun: 'certificate' };
/** Certificates asked for per call: accounts have few, and the walk follows TotalCount. */
export const CERTIFICATE_PAGE_SIZE = 100;

const DAY = 86_400;

/**
 * The account's certificates (of one domain, `CdnDomain`, if given; up to `max`), paged with
 * Offset and Limit following TotalCount. A list that cannot be walked soundly is a NodeApiError,
 * never a shorter list.
 */
export async function listCertificates(
	this: UcdnFunctions,
	target: ApiTarget,
	scope: Scope,
	settings: RequestSettings,
	{ domain, max = Infinity }: { domain?: string; max?: number } = {},
): Promise<IDataObject[]> {
	const action = ACTIONS.certificates.name;
	const params = { ProjectId: scope.ProjectId, CdnDomain: domain };
	const { tasks, problem } = await readPages(
		async (request) =>
			await fetchPage.call(this, target, action, params, settings, request, CERTIFICATE_LIST),
		{ offset: 0, pageSize: CERTIFICATE_PAGE_SIZE, max, shape: CERTIFICATE_LIST },
	);
	if (problem) {
		throw new NodeApiError(this.getNode(), { action } as JsonObject, {
			message: `UCloud API ${action}: the certificate list cannot be read completely`,
			description: `${problem.message}. The API's paging of the certificate list cannot be trusted now: try again later.`,
			itemIndex: settings.itemIndex,
		});
	}
	return tasks;
}

/**
 * Whole days of 24 hours from `now` until `end` (Unix seconds), rounded down: 0 on a
 * certificate's last day, negative once it has expired (−1 in the first day after). It is the
 * same in every timezone.
 */
export const daysLeft = (end: number, now: number): number => Math.floor((end - now) / DAY);

/**
 * A certificate's EndTime in Unix seconds: a number, or a string of one, from 2000 to 9999 as
 * the readable times take them; undefined for anything else (null, '', a date text, 0, which
 * the API gives for no time, milliseconds), which no DaysLeft can be counted from.
 */
export const endTime = (certificate: IDataObject): number | undefined =>
	unixSeconds(certificate.EndTime);

/** The fields a certificate item starts with, in this order; Iso times follow their times. */
const FIRST = [
	'CertName',
	'CommonName',
	'DnsName',
	'Domains',
	'DomainCount',
	'BeginTime',
	'EndTime',
];
/** The PEM text, long and rarely wanted: only with Include Certificate Text. */
const PEM = new Set(['UserCert', 'CaCert']);

/**
 * A certificate as an item: its fields in a fixed order (then any the documents do not know),
 * readable BeginTimeIso and EndTimeIso given `iso`, DaysLeft and Expired as of `now`, the PEM
 * text only with `withText`. An EndTime that is missing or no time gives DaysLeft and Expired
 * null.
 */
export function certificateItem(
	certificate: IDataObject,
	now: number,
	{ iso, withText }: { iso?: IsoTime; withText: boolean },
): IDataObject {
	const item: IDataObject = {};
	const fields = [...FIRST, ...Object.keys(certificate).filter((field) => !FIRST.includes(field))];
	for (const field of fields) {
		if (field in certificate && (withText || !PEM.has(field))) {
			item[field] = certificate[field];
			if (iso && (field === 'BeginTime' || field === 'EndTime'))
				item[`${field}Iso`] = iso(certificate[field]) ?? null;
		}
		// Also when EndTime is missing: null, as for any EndTime that is no time.
		if (field === 'EndTime') {
			const end = endTime(certificate);
			item.DaysLeft = end === undefined ? null : daysLeft(end, now);
			item.Expired = end === undefined ? null : end <= now;
		}
	}
	return item;
}
