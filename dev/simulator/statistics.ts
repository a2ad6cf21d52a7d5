/**
 * Statistics: five read-only actions of the official Go SDK (services/ucdn), signed and scoped
 * by ProjectId like every action, over the project's domains (DomainBook), deniable and
 * faultable:
 * - GetUcdnDomainBandwidthV2: `BandwidthTrafficList` of `CdnBandwidth` (Mbps, the peak minute
 *   of the interval), `Traffic` (bytes), `Time`. Takes `Protocol`.
 * - GetUcdnDomainRequestNumV3: `RequestList` of `CdnRequest`, `Time`; BeginTime, EndTime and
 *   Type are required. Takes `Protocol`.
 * - GetUcdnDomainHitRate: `HitRateList` of `FlowHitRate`, `RequestHitRate` (per cent), `Time`.
 * - GetUcdnDomainHttpCodeV2: `HttpCodeDetail` of `Time` and `Http1XX` … `Http6XX`, each
 *   `{ Total, Http200, … }` (the codes that occurred). `Layer` must be `edge` if given.
 * - GetUcdnDomainOriginHttpCode: `HttpCodeDetail` of `Time` and `HttpOneXX` … `HttpFiveXX`.
 * Shared parameters: `Type` (0 = 5 minutes, 1 = hour, 2 = day, 3 = 1 minute; required),
 * `BeginTime`/`EndTime` (EndTime defaults to now and BeginTime to 24 hours before; BeginTime is
 * required with EndTime), `DomainId.N` (the project's domains; one it does not have is
 * RET.PARAMS; none: all of them, whole-site ones only with IsDcdn `true`), `Areacode` (`cn` or
 * `abroad`; absent: all), `IsDcdn`. Each answer sums the domains asked for.
 *
 * The simulator's own model of traffic, deterministic per domain and minute: requests follow a
 * daily curve (lowest at 04:00 UTC, highest at 16:00) around a rate of the domain's own
 * (`requestsPerMinute`, else 1,000–10,000 by its DomainId); `cn` carries 70 % of it, `abroad` 30 %,
 * `http` 20 % and `https` 80 % (`websocket`, `quic` none). Of each minute's requests 95 % hit
 * the cache, 2 % answer 3xx, 1 % 4xx (404), 0.2 % 5xx (502), the rest 2xx (200); every request
 * is 50 kB. A point is one interval starting at a multiple of its length (UTC), from the first
 * at or after BeginTime up to EndTime; it sums the interval's minutes (bandwidth: the busiest
 * minute; hit rates: weighted by requests). Scenarios change that from a moment on
 * (TrafficScenario), the answers may lag (`lagSeconds`: newer points are not reported yet),
 * miss points (`gaps`), carry numbers as text (`asText`) or at most `cap` points.
 *
 * Computing a long range is slow (30 days of 5-minute points of one domain are 43,200 minutes:
 * about 0.1 s); `remember()` has each distinct call's points computed once and then served
 * as they were, for a benchmark that reads the same unchanging traffic again and again.
 */
import type { DomainBook } from './domains';
import { ParamError, listParam, natural } from './params';
import type { ActionRequest, Fields } from './types';

/** From `from` on (Unix seconds), for one domain or every one: a changed rate, 5xx share or hit rate. */
export interface TrafficScenario {
	from: number;
	domainId?: string;
	/** Requests per minute instead of the curve. */
	requestsPerMinute?: number;
	/** 5xx answers, per cent of requests. */
	errorShare?: number;
	/** Requests served from the cache, per cent. */
	hitRate?: number;
}

/** How the statistics answers misbehave (see the header). */
export interface StatisticsControls {
	lagSeconds: number;
	gaps: (time: number) => boolean;
	asText: boolean;
	cap: number;
}

const DAY = 86_400;
const STEP_SECONDS: Record<string, number> = { '0': 300, '1': 3600, '2': DAY, '3': 60 };
const BYTES_PER_REQUEST = 50_000;

/** One minute of one domain. */
interface Minute {
	requests: number;
	hits: number;
	codes: Record<string, number>;
}

export class TrafficBook {
	readonly scenarios: TrafficScenario[] = [];

	readonly controls: StatisticsControls = {
		lagSeconds: 0,
		gaps: () => false,
		asText: false,
		cap: Infinity,
	};

	/** Each call's points by its parameters, once remember() is called. */
	private remembered?: Map<string, Fields[]>;

	constructor(
		private readonly domains: DomainBook,
		private readonly now: () => number,
	) {}

	/**
	 * From now on, the points of each distinct call (project and parameters, Action included)
	 * are computed once and then served as they were: scenarios, controls, domains and the clock
	 * changed later no longer change them.
	 */
	remember(): void {
		this.remembered ??= new Map();
	}

	/** One domain's minute starting at `time`, in an area and over a protocol (absent: all). */
	minute(domainId: string, time: number, area?: string, protocol?: string): Minute {
		const scenario = this.scenarios
			.filter((s) => s.from <= time && (s.domainId === undefined || s.domainId === domainId))
			.reduce<Partial<TrafficScenario>>((all, s) => ({ ...all, ...s }), {});
		const curve = 1 + 0.5 * Math.sin((2 * Math.PI * (time - 10 * 3600)) / DAY);
		const rate = scenario.requestsPerMinute ?? Math.round(baseRate(domainId) * curve);
		const areaShare = area === 'cn' ? 0.7 : area === 'abroad' ? 0.3 : 1;
		const protocolShare = protocolShares[protocol ?? 'all'] ?? 0;
		const requests = Math.round(rate * areaShare * protocolShare);
		const errors = Math.round((requests * (scenario.errorShare ?? 0.2)) / 100);
		const redirects = Math.round(requests * 0.02);
		const missing = Math.round(requests * 0.01);
		return {
			requests,
			hits: Math.round((requests * (scenario.hitRate ?? 95)) / 100),
			codes: {
				'200': requests - errors - redirects - missing,
				'302': redirects,
				'404': missing,
				'502': errors,
			},
		};
	}

	/**
	 * The answer of a statistics action: its points, each made by `point` from the interval's
	 * minutes (each summed over the domains and protocols asked for).
	 */
	points(
		request: ActionRequest,
		point: (minutes: Minute[], time: number) => Fields,
		options: { needsRange?: boolean; takesProtocol?: boolean } = {},
	): Fields[] {
		if (!this.remembered) return this.compute(request, point, options);
		const { PublicKey: _key, ...asked } = request.params;
		const key = JSON.stringify([request.projectId, asked]);
		let out = this.remembered.get(key);
		if (!out) {
			out = this.compute(request, point, options);
			this.remembered.set(key, out);
		}
		return out;
	}

	private compute(
		{ projectId, params }: ActionRequest,
		point: (minutes: Minute[], time: number) => Fields,
		{ needsRange = false, takesProtocol = false },
	): Fields[] {
		const type = params.Type;
		const step = type === undefined ? undefined : STEP_SECONDS[type];
		if (step === undefined) throw new ParamError(`Params [Type] not valid: ${type}`);
		const given = natural(params, 'EndTime');
		const end = given ?? (needsRange ? undefined : this.now());
		const begin =
			natural(params, 'BeginTime') ?? (needsRange || given ? undefined : this.now() - DAY);
		if (begin === undefined || end === undefined)
			throw new ParamError('Missing params [BeginTime]: required with EndTime');
		const area = params.Areacode;
		if (area !== undefined && area !== 'cn' && area !== 'abroad')
			throw new ParamError(`Params [Areacode] not valid: ${area}`);
		const protocols = takesProtocol && params.Protocol ? params.Protocol.split(',') : [undefined];
		const project = this.domains
			.list(projectId, params.IsDcdn === 'true')
			.map((domain) => domain.info.DomainId);
		const ids = listParam(params, 'DomainId');
		for (const id of ids)
			if (!project.includes(id)) throw new ParamError(`Params [DomainId] not valid: ${id}`);
		const domainIds = ids.length > 0 ? ids : project;
		const reported = this.now() - this.controls.lagSeconds;
		const out: Fields[] = [];
		for (let time = Math.ceil(begin / step) * step; time <= end; time += step) {
			if (out.length >= this.controls.cap) break;
			if (time + step > reported || this.controls.gaps(time)) continue;
			const minutes: Minute[] = [];
			for (let start = time; start < time + step; start += 60) {
				const sum: Minute = { requests: 0, hits: 0, codes: {} };
				for (const id of domainIds)
					for (const protocol of protocols) {
						const one = this.minute(id, start, area, protocol);
						sum.requests += one.requests;
						sum.hits += one.hits;
						for (const [code, n] of Object.entries(one.codes))
							sum.codes[code] = (sum.codes[code] ?? 0) + n;
					}
				minutes.push(sum);
			}
			const fields = point(minutes, time);
			out.push(this.controls.asText ? asText(fields) : fields);
		}
		return out;
	}
}

const protocolShares: Record<string, number> = {
	all: 1,
	http: 0.2,
	https: 0.8,
	websocket: 0,
	quic: 0,
};

/** A domain's own rate, from its DomainId: 1,000 to 10,000 requests a minute. */
function baseRate(domainId: string): number {
	let hash = 7;
	for (const char of domainId) hash = (hash * 31 + char.charCodeAt(0)) % 9001;
	return 1000 + hash;
}

function asText(fields: Fields): Fields {
	return JSON.parse(JSON.stringify(fields), (_key, value: unknown) =>
		typeof value === 'number' ? String(value) : value,
	) as Fields;
}

const total = (minutes: Minute[], pick: (m: Minute) => number) =>
	minutes.reduce((sum, m) => sum + pick(m), 0);
const rate = (part: number, whole: number) =>
	whole > 0 ? Math.round((10_000 * part) / whole) / 100 : 0;

/** Per-minute bandwidth in Mbps of `requests`. */
const mbps = (requests: number) =>
	Math.round(((requests * BYTES_PER_REQUEST * 8) / 60 / 1e6) * 1000) / 1000;

export function bandwidth(book: TrafficBook, request: ActionRequest): Fields {
	const list = book.points(
		request,
		(minutes, time) => ({
			CdnBandwidth: mbps(Math.max(...minutes.map((m) => m.requests))),
			Traffic: total(minutes, (m) => m.requests) * BYTES_PER_REQUEST,
			Time: time,
		}),
		{ takesProtocol: true },
	);
	return { BandwidthTrafficList: list };
}

export function requestNum(book: TrafficBook, request: ActionRequest): Fields {
	const list = book.points(
		request,
		(minutes, time) => ({ CdnRequest: total(minutes, (m) => m.requests), Time: time }),
		{ needsRange: true, takesProtocol: true },
	);
	return { RequestList: list };
}

export function hitRate(book: TrafficBook, request: ActionRequest): Fields {
	const list = book.points(request, (minutes, time) => {
		const requests = total(minutes, (m) => m.requests);
		const hits = total(minutes, (m) => m.hits);
		return { FlowHitRate: rate(hits, requests), RequestHitRate: rate(hits, requests), Time: time };
	});
	return { HitRateList: list };
}

export function httpCode(book: TrafficBook, request: ActionRequest): Fields {
	const layer = request.params.Layer;
	if (layer !== undefined && layer !== 'edge')
		throw new ParamError(`Params [Layer] not valid: ${layer}`);
	const list = book.points(request, (minutes, time) => {
		const point: Fields = { Time: time };
		for (const digit of ['1', '2', '3', '4', '5', '6']) {
			const group: Record<string, number> = { Total: 0 };
			for (const m of minutes)
				for (const [code, count] of Object.entries(m.codes))
					if (code.startsWith(digit) && count > 0) {
						group[`Http${code}`] = (group[`Http${code}`] ?? 0) + count;
						group.Total = (group.Total as number) + count;
					}
			point[`Http${digit}XX`] = group;
		}
		return point;
	});
	return { HttpCodeDetail: list };
}

const ORIGIN_FIELDS: Record<string, string> = {
	'1': 'HttpOneXX',
	'2': 'HttpTwoXX',
	'3': 'HttpThreeXX',
	'4': 'HttpFourXX',
	'5': 'HttpFiveXX',
};

/** The origin answers the requests that missed the cache, with the same mix of codes. */
export function originHttpCode(book: TrafficBook, request: ActionRequest): Fields {
	const list = book.points(request, (minutes, time) => {
		const point: Fields = { Time: time };
		for (const [digit, field] of Object.entries(ORIGIN_FIELDS)) {
			let count = 0;
			for (const m of minutes) {
				const misses = m.requests - m.hits;
				for (const [code, n] of Object.entries(m.codes))
					if (code.startsWith(digit) && m.requests > 0)
						count += Math.round((n * misses) / m.requests);
			}
			point[field] = count;
		}
		return point;
	});
	return { HttpCodeDetail: list };
}
