import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import {
	certificateItem,
	daysLeft,
	endTime,
	listCertificates,
} from '../shared/certificates/certificates';
import { ParameterError } from '../shared/errors';
import { isoTimesIn } from '../shared/output/isoTimes';
import { parseList } from '../shared/parameters/lists';
import type { readRequestSettings, readScope } from '../shared/parameters/options';
import type { ApiTarget } from '../shared/transport';

/**
 * The Certificate Expiring event: each certificate once for each Days Before threshold it comes
 * within; one already within some when first seen, once for the nearest (the smallest it is
 * within). What is remembered between polls, in the workflow's static data, is one small entry
 * per certificate: the smallest threshold it was emitted for. docs/certificates.md tells users.
 */

export const CERTIFICATE_EXPIRING = 'certificateExpiring';

/** The Certificate Expiring event's settings. */
export interface CertificateSettings {
	event: typeof CERTIFICATE_EXPIRING;
	thresholds: number[];
	zone?: string;
	scope: ReturnType<typeof readScope>;
	requestSettings: ReturnType<typeof readRequestSettings>;
}

export const DAYS_BEFORE = {
	displayName: 'Days Before',
	name: 'daysBefore',
	default: '30',
} as const;
const MAX_THRESHOLD = 3650;
const MAX_THRESHOLDS = 20;

/** Days Before's thresholds: whole days from 0 to 3650, several separated by commas, largest first. */
export function readThresholds(value: unknown): number[] {
	const values = parseList(value, DAYS_BEFORE.displayName);
	if (values.length === 0 || values.length > MAX_THRESHOLDS)
		throw new ParameterError(
			DAYS_BEFORE.displayName,
			`give from 1 to ${MAX_THRESHOLDS} numbers of days, such as 30, 14, 7`,
		);
	const days = values.map((text) => {
		const number = /^\d+$/.test(text) ? Number(text) : NaN;
		if (!(number <= MAX_THRESHOLD))
			throw new ParameterError(
				DAYS_BEFORE.displayName,
				`"${text}" is not a whole number of days from 0 to ${MAX_THRESHOLD}`,
			);
		return number;
	});
	return [...new Set(days)].sort((a, b) => b - a);
}

/** The smallest threshold that `left` days are within (thresholds come largest first), or null. */
export function nearestThreshold(left: number, thresholds: number[]): number | null {
	return thresholds.filter((threshold) => left <= threshold).at(-1) ?? null;
}

/**
 * A certificate's identity: a renewed one (another name or EndTime) is another certificate, and
 * so is one of another project (Project ID changed), even named and ending as this one.
 */
export const certificateKey = (certificate: IDataObject, project: string): string =>
	`${project}\n${String(certificate.CertName)}\n${endTime(certificate) ?? String(certificate.EndTime)}`;

/** How long an entry of a certificate no longer listed is kept after its EndTime. */
export const KEEP_AFTER_END = 30 * 86_400;

/** Remembered per certificate key: the smallest threshold it was emitted for, and its EndTime. */
export type CertificateMemory = Record<string, { threshold: number; end: number }>;

export function readCertificateMemory(value: unknown): CertificateMemory {
	const memory: CertificateMemory = {};
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return memory;
	for (const [key, entry] of Object.entries(value as IDataObject)) {
		const { threshold, end } = (entry ?? {}) as IDataObject;
		if (typeof threshold === 'number' && typeof end === 'number') memory[key] = { threshold, end };
	}
	return memory;
}

/**
 * The certificates of `listed` (`project`'s, as of `now`) that come within a threshold they were
 * not emitted for, with it, and what to remember: the entry of each certificate emitted so far,
 * also of one no longer listed until KEEP_AFTER_END after its EndTime (so that a replica that
 * lags, listing a renewed certificate's old self, emits nothing again; or the project's, when
 * Project ID changes and back).
 */
export function selectExpiring(
	listed: IDataObject[],
	thresholds: number[],
	memory: CertificateMemory,
	{ now, project }: { now: number; project: string },
): { fresh: Array<{ certificate: IDataObject; threshold: number }>; memory: CertificateMemory } {
	const next: CertificateMemory = {};
	const fresh: Array<{ certificate: IDataObject; threshold: number }> = [];
	for (const certificate of listed) {
		const end = endTime(certificate);
		if (end === undefined) continue;
		const key = certificateKey(certificate, project);
		const nearest = nearestThreshold(daysLeft(end, now), thresholds);
		const before = memory[key];
		if (nearest !== null && (before === undefined || nearest < before.threshold)) {
			fresh.push({ certificate, threshold: nearest });
			next[key] = { threshold: nearest, end };
		} else if (before) next[key] = before;
	}
	for (const [key, entry] of Object.entries(memory))
		if (!(key in next) && entry.end + KEEP_AFTER_END > now) next[key] = entry;
	return { fresh, memory: next };
}

/** The Certificate Expiring event's items: each certificate with the threshold it came within. */
export function expiringItems(
	fresh: Array<{ certificate: IDataObject; threshold: number | null }>,
	now: number,
	zone: string | undefined,
): INodeExecutionData[] {
	const iso = zone === undefined ? undefined : isoTimesIn(zone);
	return [...fresh]
		.sort((a, b) => Number(a.certificate.EndTime) - Number(b.certificate.EndTime))
		.map(({ certificate, threshold }) => ({
			json: {
				...certificateItem(certificate, now, { iso, withText: false }),
				DaysBefore: threshold,
			},
		}));
}

/**
 * One poll of the Certificate Expiring event. "Fetch Test Event" gives the certificate whose end
 * is nearest to now, ended or not, within a threshold or not (DaysBefore null then), and
 * remembers nothing. An active
 * workflow gives those selectExpiring finds and remembers its memory; like the task events, it
 * gives way (emits nothing, remembers nothing) when a poll that started later finished first.
 */
export async function pollCertificates(
	this: IPollFunctions,
	settings: CertificateSettings,
	target: ApiTarget,
): Promise<INodeExecutionData[]> {
	const listed = await listCertificates.call(
		this,
		target,
		settings.scope,
		settings.requestSettings,
	);
	const now = Math.floor(Date.now() / 1000);
	if (this.getMode() === 'manual') {
		let nearest: { certificate: IDataObject; end: number } | undefined;
		for (const certificate of listed) {
			const end = endTime(certificate);
			if (
				end !== undefined &&
				(nearest === undefined || Math.abs(end - now) < Math.abs(nearest.end - now))
			)
				nearest = { certificate, end };
		}
		if (nearest === undefined) return [];
		const threshold = nearestThreshold(daysLeft(nearest.end, now), settings.thresholds);
		return expiringItems([{ certificate: nearest.certificate, threshold }], now, settings.zone);
	}
	const staticData = this.getWorkflowStaticData('node');
	const remembered = staticData.certificates;
	const selection = selectExpiring(listed, settings.thresholds, readCertificateMemory(remembered), {
		now,
		project: settings.scope.ProjectId ?? target.defaultProjectId ?? '',
	});
	if (staticData.certificates !== remembered) return [];
	staticData.certificates = selection.memory as unknown as IDataObject;
	return expiringItems(selection.fresh, now, settings.zone);
}
