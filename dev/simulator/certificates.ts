/**
 * Certificates: GetCertificateV2 of the official Go SDK (services/ucdn), signed and scoped by
 * ProjectId like every action. The answer is `TotalCount` and `CertList`, each certificate with
 * `CertName`, `CommonName`, `DnsName`, `BeginTime` and `EndTime` (Unix seconds: its validity),
 * `DomainCount`, `Domains` and its PEM text `UserCert` and `CaCert`; oldest first (BeginTime,
 * then CertName). `CdnDomain` keeps the certificates one of whose Domains it is; `Offset` and
 * `Limit` (default all) page the list.
 *
 * The seed (seedCertificates): one certificate for each seed domain but the wildcard, valid for
 * a year and ending, counted from the simulator's clock when it starts, in 10 days
 * (static.example.com), 200 days (cdn.example.com), 3 days ago (old.example.org) and 45 days
 * (video.example.net), and a wildcard certificate `*.example.com` ending in 29 days; in
 * SECOND_PROJECT one for shop.example.net (90 days). `add` stores more, `renew` replaces a
 * certificate by one of the same name with a later EndTime, as a renewal does. `cap` answers at
 * most that many whatever Limit says (TotalCount stays right); `stale` answers, once, the list
 * as it was before the last renewal, as a replica that lags does.
 */
import { DEFAULT_PROJECT, SECOND_PROJECT, SEED_DOMAINS } from './data';
import { natural } from './params';
import type { ActionRequest, Fields } from './types';

export interface Certificate {
	CertName: string;
	CommonName: string;
	DnsName: string;
	BeginTime: number;
	EndTime: number;
	DomainCount: number;
	Domains: string[];
	UserCert: string;
	CaCert: string;
	projectId: string;
}

const DAY = 86_400;

/** A certificate for `domains`, valid for the year up to `end` (Unix seconds). */
export function makeCertificate(
	name: string,
	domains: string[],
	end: number,
	projectId = DEFAULT_PROJECT,
): Certificate {
	const [common = name] = domains;
	const pem = (what: string) =>
		`-----BEGIN CERTIFICATE-----\nTEST-${what}-${name}-not-a-real-certificate\n-----END CERTIFICATE-----\n`;
	return {
		CertName: name,
		CommonName: common,
		DnsName: domains.join(','),
		BeginTime: end - 365 * DAY,
		EndTime: end,
		DomainCount: domains.length,
		Domains: [...domains],
		UserCert: pem('USER'),
		CaCert: pem('CA'),
		projectId,
	};
}

export function seedCertificates(now: number): Certificate[] {
	const { static: stat, cdn, old, video, shop } = SEED_DOMAINS;
	// Half a day more: the days left stay whole days apart from the clock's ticks.
	const at = (days: number) => now + days * DAY + DAY / 2;
	return [
		makeCertificate('static-example-com-2026', [stat.Domain], at(10)),
		makeCertificate('cdn-example-com-2027', [cdn.Domain], at(200)),
		makeCertificate('old-example-org-2025', [old.Domain], at(-3)),
		makeCertificate('video-example-net-2027', [video.Domain], at(45)),
		makeCertificate('wildcard-example-com-2026', ['*.example.com'], at(29)),
		makeCertificate('shop-example-net-2027', [shop.Domain], at(90), SECOND_PROJECT),
	];
}

export class CertificateStore {
	readonly certificates: Certificate[];

	/** At most this many per answer, whatever Limit says. */
	cap = Infinity;

	private before: Certificate[] | undefined;

	private staleNext = false;

	constructor(now: number) {
		this.certificates = seedCertificates(now);
	}

	add(...certificates: Certificate[]): void {
		this.certificates.push(...certificates);
	}

	/** Replaces the certificate of this name by a renewed one ending at `end`. */
	renew(name: string, end: number): void {
		const index = this.certificates.findIndex((c) => c.CertName === name);
		const old = this.certificates[index];
		if (!old) throw new Error(`No certificate ${name}`);
		this.before = this.certificates.map((c) => ({ ...c }));
		this.certificates[index] = { ...makeCertificate(name, old.Domains, end, old.projectId) };
	}

	/** The next answer is the list as it was before the last renewal. */
	stale(): void {
		this.staleNext = true;
	}

	list(): Certificate[] {
		if (!this.staleNext || !this.before) return this.certificates;
		this.staleNext = false;
		return this.before;
	}
}

/** GetCertificateV2: the project's certificates, oldest first (see the header). */
export function certificates(
	store: CertificateStore,
	{ projectId, params }: ActionRequest,
): Fields {
	const offset = natural(params, 'Offset') ?? 0;
	const limit = natural(params, 'Limit');
	const domain = params.CdnDomain;
	const matches = store
		.list()
		.filter((c) => c.projectId === projectId && (!domain || c.Domains.includes(domain)))
		.sort((a, b) => a.BeginTime - b.BeginTime || (a.CertName < b.CertName ? -1 : 1));
	const page = matches.slice(offset, offset + Math.min(limit ?? Infinity, store.cap));
	return {
		TotalCount: matches.length,
		CertList: page.map(({ projectId: _project, ...certificate }) => structuredClone(certificate)),
	};
}
