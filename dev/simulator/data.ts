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

/** Deterministic tasks: the same options always give the same tasks. */
export function generateTasks(options: GenerateOptions): StoredTask[] {
	const {
		kind,
		count,
		urlsPerTask = 2,
		newest,
		spacing = 60,
		projectId = DEFAULT_PROJECT,
		isDcdn = false,
		prefix = kind,
		domain = 'static.example.com',
	} = options;
	const tasks: StoredTask[] = [];
	for (let n = 0; n < count; n++) {
		const created = newest - n * spacing;
		const status = options.status ?? (STATUSES[n % STATUSES.length] as string);
		const done = status === 'success' || status === 'failure';
		const id = `${prefix}_${String(n).padStart(6, '0')}`;
		const urls: UrlInfo[] = [];
		for (let u = 0; u < urlsPerTask; u++) {
			urls.push({
				Url: `https://${domain}/${prefix}/${n}/asset-${u}.js`,
				CreateTime: created,
				FinishTime: done ? created + 5 : 0,
				Status: status,
				Progress: done ? 100 : status === 'process' ? 50 : 0,
			});
		}
		tasks.push({
			kind,
			projectId,
			isDcdn,
			info: { TaskId: id, CreateTime: created, Status: status, UrlLists: urls },
		});
	}
	return tasks;
}
