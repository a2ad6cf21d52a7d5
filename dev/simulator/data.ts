import seedExamples from './seed-examples.json';

export type TaskKind = 'refresh' | 'prefetch';

export interface UrlInfo {
	Url: string;
	CreateTime: number;
	FinishTime: number;
	Status: string;
	Progress: number;
	[extra: string]: unknown;
}

/** A task as the API returns it (TaskInfo), extra fields included. */
export interface TaskInfo {
	TaskId: string;
	CreateTime: number;
	Status: string;
	UrlLists: UrlInfo[];
	[extra: string]: unknown;
}

/** A stored task: what the API returns plus where it lives. */
export interface StoredTask {
	kind: TaskKind;
	projectId: string;
	isDcdn: boolean;
	info: TaskInfo;
	/** For submitted tasks: Describe calls that still list it before it is done (Infinity: never). */
	pollsLeft?: number;
	/** For submitted tasks: the Describe calls it takes in all. */
	polls?: number;
}

export const DEFAULT_PROJECT = 'org-default';
export const SECOND_PROJECT = 'org-second';

/** A project as GetProjectList returns it (ProjectListInfo). */
export interface ProjectInfo {
	ProjectId: string;
	ProjectName: string;
	/** Unix seconds. */
	CreateTime: number;
	IsDefault: boolean;
	MemberCount: number;
	/** Deprecated by UCloud, still returned. */
	ResourceCount: number;
	/** Deprecated by UCloud, optional. */
	ParentId?: string;
	ParentName?: string;
}

/** The simulator account's projects, the default one first, as GetProjectList lists them. */
export function seedProjects(): ProjectInfo[] {
	const project = (ProjectId: string, ProjectName: string, CreateTime: number) => ({
		ProjectId,
		ProjectName,
		CreateTime,
		IsDefault: ProjectId === DEFAULT_PROJECT,
		MemberCount: 1,
		ResourceCount: 0,
	});
	return [
		project(DEFAULT_PROJECT, 'Default', 1342434682),
		project(SECOND_PROJECT, 'Second Site', 1468225814),
		project('org-static', 'Static Assets', 1500000000),
	];
}

export const SEED_RESPONSES = seedExamples as Record<
	TaskKind,
	{ TaskList: TaskInfo[]; [extra: string]: unknown }
>;

/** The seed documents' example tasks, stored exactly as the documents show them. */
export function seedTasks(): StoredTask[] {
	return (Object.keys(SEED_RESPONSES) as TaskKind[]).flatMap((kind) =>
		SEED_RESPONSES[kind].TaskList.map((info) => ({
			kind,
			projectId: DEFAULT_PROJECT,
			isDcdn: false,
			info: structuredClone(info),
		})),
	);
}

export interface GenerateOptions {
	kind: TaskKind;
	count: number;
	urlsPerTask?: number;
	/** CreateTime of the newest task, Unix seconds. */
	newest: number;
	/** Seconds between consecutive tasks. */
	spacing?: number;
	status?: string;
	projectId?: string;
	isDcdn?: boolean;
	prefix?: string;
	domain?: string;
}

const STATUSES = ['success', 'wait', 'process', 'failure', 'unknow'];

/** The `n`th task (from 0, newest first) of generateTasks(options). */
export function generateTask(n: number, options: GenerateOptions): StoredTask {
	const {
		kind,
		urlsPerTask = 2,
		newest,
		spacing = 60,
		projectId = DEFAULT_PROJECT,
		isDcdn = false,
		prefix = kind,
		domain = 'static.example.com',
	} = options;
	const created = newest - n * spacing;
	const status = options.status ?? (STATUSES[n % STATUSES.length] as string);
	const done = status === 'success' || status === 'failure';
	const id = `${prefix}_${String(n).padStart(6, '0')}`;
	const urls: UrlInfo[] = [];
	for (let u = 0; u < urlsPerTask; u++) {
		urls.push({
			// Joined, not a template literal, which V8 makes a chain of concatenated pieces: a flat
			// string, as a parsed answer's is, so the bench's ready-made items are as lean as the node's.
			Url: ['https://', domain, '/', prefix, '/', n, '/asset-', u, '.js'].join(''),
			CreateTime: created,
			FinishTime: done ? created + 5 : 0,
			Status: status,
			Progress: done ? 100 : status === 'process' ? 50 : 0,
		});
	}
	return {
		kind,
		projectId,
		isDcdn,
		info: { TaskId: id, CreateTime: created, Status: status, UrlLists: urls },
	};
}

/** Deterministic tasks: the same options always give the same tasks. */
export function generateTasks(options: GenerateOptions): StoredTask[] {
	return Array.from({ length: options.count }, (_, n) => generateTask(n, options));
}

/** A domain's CDN type (GetUcdnDomainConfig's CdnType). */
export type CdnType = 'web' | 'stream' | 'download';
/** Where a domain is accelerated (AreaCode): mainland China, abroad, or both. */
export type AreaCode = 'cn' | 'abroad' | 'all';
/** HttpsStatusCn / HttpsStatusAbroad, spelled as the API spells them (`enableing`). */
export type HttpsStatus = 'enableing' | 'fail' | 'enable' | 'disable';

/** A domain as GetUcdnDomainConfig returns it (DomainConfigInfo), extra fields allowed. */
export interface DomainInfo {
	Domain: string;
	DomainId: string;
	/** `check`, `checkSuccess`, `checkFail`, `enable` (accelerating), `disable`, `delete`, `enableing`, `disableing`, `deleteing`, `deploying`. */
	Status: string;
	Cname: string;
	CdnType: CdnType;
	AreaCode: AreaCode;
	/** Unix seconds. */
	CreateTime: number;
	HttpsStatusCn: HttpsStatus;
	HttpsStatusAbroad: HttpsStatus;
	CertNameCn: string;
	CertNameAbroad: string;
	TestUrl: string;
	Tag: string;
	CacheConf: Record<string, unknown>;
	OriginConf: Record<string, unknown>;
	AccessControlConf: Record<string, unknown>;
	AdvancedConf: Record<string, unknown>;
	[extra: string]: unknown;
}

/** A stored domain: what the API returns plus the project it lives in. */
export interface StoredDomain {
	projectId: string;
	/** A whole-site acceleration (DCDN) domain: not in GetUcdnDomainConfig's UCDN list. */
	wholeSite: boolean;
	info: DomainInfo;
}

/**
 * A domain to store (SimulatorOptions.domains, UcdnSimulator.addDomains): a full DomainInfo or
 * only some of it (see makeDomain for what the rest is), in DEFAULT_PROJECT unless `projectId`
 * says otherwise; a whole-site (DCDN) domain with `wholeSite`.
 */
export type DomainInput = Partial<DomainInfo> & {
	Domain: string;
	projectId?: string;
	wholeSite?: boolean;
};

/** The default daily quotas per domain, from the providers' guides. */
export const DEFAULT_QUOTA = { file: 700, dir: 20, prefetch: 500 } as const;

/** The seed domains' names and IDs, for tests to refer to. */
export const SEED_DOMAINS = {
	static: { Domain: 'static.example.com', DomainId: 'ucdn-static001' },
	cdn: { Domain: 'cdn.example.com', DomainId: 'ucdn-cdn00002' },
	/** Covers one label: a.example.com, www.example.com, … (not a.b.example.com, not example.com). */
	wildcard: { Domain: '*.example.com', DomainId: 'ucdn-wild0003' },
	/** Status `disable`: listed, but submits for it are refused. */
	old: { Domain: 'old.example.org', DomainId: 'ucdn-old00004' },
	video: { Domain: 'video.example.net', DomainId: 'ucdn-video005' },
	/** In SECOND_PROJECT. */
	shop: { Domain: 'shop.example.net', DomainId: 'ucdn-shop0006' },
} as const;

/** A stable DomainId for a name (for domains stored without one): `ucdn-` and 8 hex digits. */
function domainIdFor(domain: string): string {
	let hash = 0x811c9dc5;
	for (const char of domain) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
	return `ucdn-${hash.toString(16).padStart(8, '0')}`;
}

/** A complete domain from a partial one: small plausible configuration, HTTPS where accelerated. */
export function makeDomain(input: DomainInput): StoredDomain {
	const { projectId = DEFAULT_PROJECT, wholeSite = false, ...given } = input;
	const areaCode: AreaCode = given.AreaCode ?? 'cn';
	const domainId = given.DomainId ?? domainIdFor(given.Domain);
	const testHost = given.Domain.replace(/^\*\./, 'www.');
	const certName = `${given.Domain.replace(/^\*\./, 'wildcard.').replace(/\./g, '-')}-2025`;
	const cn = areaCode !== 'abroad';
	const abroad = areaCode !== 'cn';
	const info: DomainInfo = {
		DomainId: domainId,
		Status: 'enable',
		Cname: `${domainId}.ucdn-cname.example`,
		CdnType: 'web',
		AreaCode: areaCode,
		CreateTime: 1546300800,
		HttpsStatusCn: cn ? 'enable' : 'disable',
		HttpsStatusAbroad: abroad ? 'enable' : 'disable',
		CertNameCn: cn ? certName : '',
		CertNameAbroad: abroad ? certName : '',
		TestUrl: `http://${testHost}/index.html`,
		Tag: 'Default',
		CacheConf: {
			CacheHost: given.Domain,
			CacheList: [
				{
					PathPattern: '/',
					CacheTTL: 1,
					CacheUnit: 'day',
					CacheBehavior: true,
					FollowOriginRule: false,
					IgnoreQueryString: false,
					Description: 'default',
				},
			],
			HttpCodeCacheList: [{ HttpCodePattern: '404', CacheTTL: 60, CacheUnit: 'sec' }],
		},
		OriginConf: {
			OriginIpList: ['192.0.2.10', '192.0.2.11'],
			OriginHost: testHost,
			OriginPort: 443,
			OriginProtocol: 'https',
			OriginFollow301: 0,
			BackupOriginEnable: false,
			BackupOriginIpList: [],
		},
		AccessControlConf: {
			IpBlackList: ['198.51.100.66'],
			EnableRefer: false,
			ReferConf: { ReferType: 0, NullRefer: 1, ReferList: [] },
		},
		AdvancedConf: {
			Http2Https: true,
			HttpClientHeader: [],
			HttpOriginHeader: [],
			EnableGzip: true,
		},
		...given,
	};
	return { projectId, wholeSite, info };
}

/**
 * The account's accelerated domains (see SEED_DOMAINS), oldest first, each with its project: to
 * extend them, `domains: [...seedDomains(), more]`.
 */
export function seedDomains(): Array<DomainInfo & { projectId: string }> {
	const { static: stat, cdn, wildcard, old, video, shop } = SEED_DOMAINS;
	const domains = [
		makeDomain({ ...stat, CdnType: 'web', AreaCode: 'cn', CreateTime: 1546300800 }),
		makeDomain({ ...cdn, CdnType: 'web', AreaCode: 'all', CreateTime: 1548051000 }),
		makeDomain({ ...wildcard, CdnType: 'web', AreaCode: 'abroad', CreateTime: 1551398400 }),
		makeDomain({
			...old,
			Status: 'disable',
			CdnType: 'download',
			AreaCode: 'cn',
			CreateTime: 1554076800,
			HttpsStatusCn: 'disable',
			CertNameCn: '',
			Tag: 'Archive',
		}),
		makeDomain({
			...video,
			CdnType: 'stream',
			AreaCode: 'all',
			CreateTime: 1556668800,
			HttpsStatusAbroad: 'enableing',
			Tag: 'Video',
		}),
		makeDomain({
			...shop,
			projectId: SECOND_PROJECT,
			CdnType: 'web',
			AreaCode: 'cn',
			CreateTime: 1559347200,
		}),
	];
	return domains.map(({ projectId, info }) => ({ ...info, projectId }));
}

/**
 * `count` deterministic domains `<prefix>-<n>.example.net` (DomainId `ucdn-<prefix>-<n>`, n
 * from 0, zero-padded), created `spacing` seconds apart from `oldest`: for paging tests.
 */
export function generateDomains(options: {
	count: number;
	projectId?: string;
	prefix?: string;
	oldest?: number;
	spacing?: number;
	status?: string;
}): DomainInput[] {
	const { count, projectId, prefix = 'gen', oldest = 1600000000, spacing = 60 } = options;
	return Array.from({ length: count }, (_, n) => {
		const label = `${prefix}-${String(n).padStart(5, '0')}`;
		return {
			Domain: `${label}.example.net`,
			DomainId: `ucdn-${label}`,
			CreateTime: oldest + n * spacing,
			...(options.status === undefined ? {} : { Status: options.status }),
			...(projectId === undefined ? {} : { projectId }),
		};
	});
}
