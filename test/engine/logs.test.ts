/**
 * Log → Get Many in n8n-core's engine against the simulator's log files (dev/simulator/logs.ts):
 * the files of a range, `;` split, Download (the content the simulator served, the file name, the
 * MIME type), the links kept out of every error, Continue On Fail per file, and bad input.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../../dev/engine/run';
import { DOWNLOAD_CONCURRENCY } from '../../nodes/shared/logs/download';
import type { UcdnWorkflowOptions } from '../../dev/engine/workflows';
import { simulatorCredentials, ucdnWorkflow } from '../../dev/engine/workflows';
import type { UcdnSimulator } from '../../dev/simulator/server';
import { SEED_DOMAINS, startSimulator } from '../../dev/simulator/server';
import { at } from '../at';

const { static: STATIC } = SEED_DOMAINS;
const LOGS = 'GetUcdnDomainLogV2';
/** A fixed past hour, 08:00 to 09:00 UTC. */
const T0 = Date.UTC(2026, 10, 2, 8, 0, 0) / 1000;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', '');
const byName = (value: string) => ({ __rl: true as const, mode: 'name', value });

let sim: UcdnSimulator;
beforeEach(async () => {
	sim = await startSimulator({ seed: false });
});
afterEach(async () => {
	await sim.close();
});

async function run(
	parameters: INodeParameters,
	options: UcdnWorkflowOptions & { onStarted?: (e: { cancel(): void }) => void } = {},
) {
	return await runWorkflow(
		ucdnWorkflow(
			{
				resource: 'log',
				operation: 'getMany',
				domains: byName(STATIC.Domain),
				timeRange: 'custom',
				beginTime: iso(T0),
				endTime: iso(T0 + 3600),
				returnAll: true,
				...parameters,
			},
			{ typeVersion: 1.2, timezone: 'UTC', ...options },
		),
		{ credentials: simulatorCredentials(sim), onStarted: options.onStarted },
	);
}

test('the files of a range, in time order; a LogUrl of two links is two files', async () => {
	const { json, error } = await run({});
	expect(error).toBeUndefined();
	const files = json('UCDN');
	// The 12 five-minute files that start from 08:00 to before 09:00, the one on the hour in two
	// parts; 09:00's holds the five minutes after the range.
	expect(files).toHaveLength(13);
	expect(files.map((f) => f.LogTime)).not.toContain(T0 + 3600);
	expect(at(files, 0)).toEqual({
		Domain: STATIC.Domain,
		LogTime: T0,
		LogTimeIso: '2026-11-02T08:00:00.000Z',
		Url: expect.stringMatching(
			/^http:\/\/127\.0\.0\.1:\d+\/logs\/static\.example\.com\/static\.example\.com_\d+-0\.log\.gz\?Expires=\d+&Signature=[0-9a-f]{40}$/,
		),
		FileName: `${STATIC.Domain}_${T0}-0.log.gz`,
	});
	expect(at(files, 1).FileName).toBe(`${STATIC.Domain}_${T0}-1.log.gz`);
	expect(files.map((f) => f.LogTime)).toEqual(
		[...files.map((f) => f.LogTime)].sort((a, b) => Number(a) - Number(b)),
	);
	expect(sim.requestsFor(LOGS).map((c) => c.params)).toEqual([
		expect.objectContaining({
			BeginTime: String(T0),
			EndTime: String(T0 + 3600),
			'DomainId.0': STATIC.DomainId,
		}),
	]);
});

test('no domain named: the files of every domain of the project, no DomainId sent', async () => {
	const { json, error } = await run({
		domains: { __rl: true, mode: 'list', value: '' },
		beginTime: iso(T0 + 300),
		endTime: iso(T0 + 900),
	});
	expect(error).toBeUndefined();
	const project = sim.domains
		.filter((d) => d.projectId === 'org-default' && !d.wholeSite)
		.map((d) => d.info.Domain);
	expect(project.length).toBeGreaterThan(1);
	expect(new Set(json('UCDN').map((f) => f.Domain))).toEqual(new Set(project));
	expect(json('UCDN')).toHaveLength(2 * project.length);
	expect(Object.keys(at(sim.requestsFor(LOGS), 0).params)).not.toContain('DomainId.0');
});

test('Whole-Site Acceleration sends IsDcdn=true', async () => {
	await run({ domains: { __rl: true, mode: 'list', value: '' }, options: { isDcdn: true } });
	expect(at(sim.requestsFor(LOGS), 0).params.IsDcdn).toBe('true');
});

test('two days: one call per day, each file once though both days’ answers list the one between them', async () => {
	const begin = T0 - 2 * 86_400;
	const { json, error } = await run({ beginTime: iso(begin), endTime: iso(T0) });
	expect(error).toBeUndefined();
	expect(sim.requestsFor(LOGS).map((c) => [c.params.BeginTime, c.params.EndTime])).toEqual([
		[String(begin), String(begin + 86_400)],
		[String(begin + 86_400), String(T0)],
	]);
	const files = json('UCDN');
	// 576 five-minutes, those on the hour in two parts.
	expect(files).toHaveLength(576 + 48);
	expect(new Set(files.map((f) => f.Url)).size).toBe(files.length);
	expect(files.filter((f) => f.LogTime === begin + 86_400)).toHaveLength(2);
	expect(files.map((f) => f.LogTime)).toEqual(
		[...files.map((f) => f.LogTime)].sort((a, b) => Number(a) - Number(b)),
	);
});

test('Limit: the calls stop once the days read hold Limit files', async () => {
	const { json, error } = await run({
		beginTime: iso(T0 - 30 * 86_400),
		endTime: iso(T0),
		returnAll: false,
		limit: 3,
	});
	expect(error).toBeUndefined();
	// On the hour: the file in two parts, then the next five minutes.
	expect(json('UCDN').map((file) => file.LogTime)).toEqual([
		T0 - 30 * 86_400,
		T0 - 30 * 86_400,
		T0 - 30 * 86_400 + 300,
	]);
	expect(sim.requestsFor(LOGS)).toHaveLength(1);
});

test('Download: each file in the item’s binary data, as the simulator served it, named, typed', async () => {
	const { items, error } = await run({ limit: 3, returnAll: false, options: { download: true } });
	expect(error).toBeUndefined();
	expect(items('UCDN')).toHaveLength(3);
	for (const item of items('UCDN')) {
		const data = item.binary?.data;
		expect(data?.fileName).toBe(item.json.FileName);
		expect(data?.mimeType).toBe('application/gzip');
		const path = new URL(String(item.json.Url)).pathname;
		const served = sim.logs.served.get(path);
		expect(served).toBeDefined();
		const content = Buffer.from(String(data?.data), 'base64');
		expect(createHash('sha256').update(content).digest('hex')).toBe(
			createHash('sha256')
				.update(served as Buffer)
				.digest('hex'),
		);
	}
});

test('a file that fails: the error names domain, time and host, never the link; Continue On Fail keeps the others', async () => {
	sim.logs.controls.failing = (url) => url.includes(`_${T0 + 300}-0.`);
	const failed = await run({ limit: 3, returnAll: false, options: { download: true } });
	expect(failed.error?.message).toBe(
		`Could not download the log file of ${STATIC.Domain} at 2026-11-02T08:05:00.000Z from ${new URL(sim.url).host}`,
	);
	expect(JSON.stringify(failed.error)).not.toContain('Signature=');
	const items = (
		await run({ limit: 3, returnAll: false, options: { download: true } }, { continueOnFail: true })
	).items('UCDN');
	expect(items.map((item) => [item.json.error ?? 'ok', item.binary ? 'data' : 'none'])).toEqual([
		['ok', 'data'],
		['ok', 'data'],
		[
			expect.stringMatching(
				/^Could not download the log file of static\.example\.com at 2026-11-02T08:05:00\.000Z/,
			),
			'none',
		],
	]);
	expect(JSON.stringify(at(items, 2).json)).not.toContain('Signature=');
	expect(at(items, 2).json).not.toHaveProperty('Url');
});

/** Runs `body` with the log links pointing to a server of `handler`'s on 127.0.0.1. */
async function withLinksTo(
	handler: Parameters<typeof createServer>[1],
	body: (host: string) => Promise<void>,
) {
	const server = createServer(handler);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
	sim.logs.controls.linkBase = `http://${host}`;
	try {
		await body(host);
	} finally {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	}
}

test('Download: the MIME type the server states, application/gzip when it states none', async () => {
	await withLinksTo(
		(req, res) => {
			if (req.url?.includes('-0.'))
				res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
			else res.writeHead(200);
			res.end('x');
		},
		async () => {
			const { items, error } = await run({
				limit: 2,
				returnAll: false,
				options: { download: true },
			});
			expect(error).toBeUndefined();
			expect(items('UCDN').map((item) => item.binary?.data?.mimeType)).toEqual([
				'text/plain',
				'application/gzip',
			]);
		},
	);
});

test('a file answered with an HTTP error: asked for once whatever Retries, the status and what to do in the description; its error item names the file', async () => {
	const asked = new Map<string, number>();
	await withLinksTo(
		(req, res) => {
			const path = new URL(req.url ?? '/', 'http://x').pathname;
			asked.set(path, (asked.get(path) ?? 0) + 1);
			if (path.includes(`_${T0 + 300}-0.`)) res.writeHead(403).end();
			else res.writeHead(200, { 'Content-Type': 'application/gzip' }).end('x');
		},
		async () => {
			const parameters = { limit: 3, returnAll: false, options: { download: true, retries: 3 } };
			const { error } = await run(parameters);
			expect(error?.description).toBe(
				"HTTP 403: the link's signature may have expired; list the files again. The other files go on with Continue On Fail.",
			);
			const failing = `/logs/${STATIC.Domain}/${STATIC.Domain}_${T0 + 300}-0.log.gz`;
			expect(asked.get(failing)).toBe(1);
			const items = (await run(parameters, { continueOnFail: true })).items('UCDN');
			expect(asked.get(failing)).toBe(2);
			expect(at(items, 2).json).toEqual({
				error: `Could not download the log file of ${STATIC.Domain} at 2026-11-02T08:05:00.000Z from ${new URL(sim.logs.link(STATIC.Domain, T0, 0)).host}`,
				description: error?.description,
				Domain: STATIC.Domain,
				LogTime: T0 + 300,
				LogTimeIso: '2026-11-02T08:05:00.000Z',
				FileName: `${STATIC.Domain}_${T0 + 300}-0.log.gz`,
			});
		},
	);
});

test('Download: DOWNLOAD_CONCURRENCY files at a time, no more', async () => {
	// Each answer waits until as many downloads are open as may be (or as are left): fewer at a
	// time would never be answered, and the Request Timeout would fail the node.
	const held: Array<() => void> = [];
	let open = 0;
	let most = 0;
	let answered = 0;
	const total = 13;
	await withLinksTo(
		(_, res) => {
			open++;
			most = Math.max(most, open);
			held.push(() => {
				answered++;
				open--;
				res.writeHead(200, { 'Content-Type': 'application/gzip' }).end('x');
			});
			if (held.length === Math.min(DOWNLOAD_CONCURRENCY, total - answered))
				for (const answer of held.splice(0)) answer();
		},
		async () => {
			const { items, error } = await run({ options: { download: true, requestTimeout: 10 } });
			expect(error).toBeUndefined();
			expect(items('UCDN')).toHaveLength(total);
			expect(most).toBe(DOWNLOAD_CONCURRENCY);
		},
	);
});

test('a file that fails: no other file starts, and the node fails once those under way have ended', async () => {
	// The first file fails at once; the others come slowly. When the node reports the failure,
	// no download of it is still running or yet to arrive (writing a file nobody will see).
	let open = 0;
	const seen: string[] = [];
	const server = createServer((req, res) => {
		open++;
		seen.push(req.url ?? '');
		res.on('close', () => open--);
		if (req.url?.includes(`_${T0}-0.`)) {
			res.writeHead(500).end();
			return;
		}
		setTimeout(() => res.writeHead(200, { 'Content-Type': 'application/gzip' }).end('x'), 400);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	sim.logs.controls.linkBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	try {
		const { error } = await run({ options: { download: true } });
		expect(error?.message).toMatch(/^Could not download the log file of static\.example\.com/);
		const seenAtFailure = seen.length;
		expect(open).toBe(0);
		await new Promise((resolve) => setTimeout(resolve, 600));
		// Nor does one start or arrive after it: of the 15 files, those under way, at most.
		expect(seen).toHaveLength(seenAtFailure);
		expect(seenAtFailure).toBeLessThanOrEqual(DOWNLOAD_CONCURRENCY);
	} finally {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	}
});

test.each([false, true])(
	'cancelling the execution while files download: no other file starts (Continue On Fail %s)',
	async (continueOnFail) => {
		// Each file comes slowly; the execution is cancelled once the first downloads are under way.
		const seen: string[] = [];
		const server = createServer((req, res) => {
			seen.push(req.url ?? '');
			setTimeout(() => res.writeHead(200, { 'Content-Type': 'application/gzip' }).end('x'), 300);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		sim.logs.controls.linkBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		let seenAtCancel = 0;
		try {
			const result = await run(
				{ options: { download: true } },
				{
					continueOnFail,
					onStarted: (execution) => {
						const check = setInterval(() => {
							if (seen.length > 0) {
								clearInterval(check);
								seenAtCancel = seen.length;
								execution.cancel();
							}
						}, 5);
					},
				},
			);
			expect(result.run.status).toBe('canceled');
			await new Promise((resolve) => setTimeout(resolve, 700));
			// Of the 13 files, those under way when the execution was cancelled, at most.
			expect(seenAtCancel).toBeGreaterThan(0);
			expect(seen.length).toBeLessThanOrEqual(DOWNLOAD_CONCURRENCY);
		} finally {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	},
);

test('a file whose headers do not come within the Request Timeout: the error says so and what to do', async () => {
	const server = createServer(() => undefined);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	sim.logs.controls.linkBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	try {
		const { error } = await run({
			limit: 1,
			returnAll: false,
			options: { download: true, requestTimeout: 1 },
		});
		expect(error?.message).toMatch(/^Could not download the log file of static\.example\.com/);
		expect(error?.description).toMatch(/^No answer within 1 s\. .*Request Timeout/);
	} finally {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	}
});

test.each([
	['cut', 'the connection is cut'],
	['stalled', 'the body stops coming until the Request Timeout'],
])('a file whose body fails after its headers (%s): named like any failed file', async (how) => {
	// The links point to a server that answers each file's headers, then fails its body.
	const server = createServer((_, res) => {
		res.writeHead(200, { 'Content-Type': 'application/gzip', 'Content-Length': 100_000 });
		res.write(Buffer.alloc(1000));
		if (how === 'cut') setTimeout(() => res.destroy(), 20);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
	sim.logs.controls.linkBase = `http://${host}`;
	const parameters = { limit: 1, returnAll: false, options: { download: true, requestTimeout: 1 } };
	try {
		const { error } = await run(parameters);
		expect(error?.message).toBe(
			`Could not download the log file of ${STATIC.Domain} at 2026-11-02T08:00:00.000Z from ${host}`,
		);
		expect(JSON.stringify(error)).not.toContain('Signature=');
		const [item, ...rest] = (await run(parameters, { continueOnFail: true })).items('UCDN');
		expect(rest).toEqual([]);
		expect(item?.json.error).toBe(error?.message);
		expect(item?.json).not.toHaveProperty('Url');
	} finally {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	}
});

test('a link that redirects to another host is followed', async () => {
	sim.logs.controls.redirecting = () => true;
	const { items, error } = await run({ limit: 1, returnAll: false, options: { download: true } });
	expect(error).toBeUndefined();
	expect(at(items('UCDN'), 0).binary?.data?.fileName).toBe(`${STATIC.Domain}_${T0}-0.log.gz`);
});

test('an answer that is no UCloud answer: its error quotes no log link’s query', async () => {
	// Links signed as object storage signs them: the signature is base64, not hex.
	const link =
		'https://logs.example.net/1.gz?UCloudPublicKey=TOKEN_abc&Signature=kT8w3XpQ9sYbQ1mZr2%2Bc%2FVh0aQE%3D&Expires=1794211200';
	sim.failNext(
		{
			kind: 'transform',
			transform: ({ RetCode: _, ...answer }) =>
				JSON.parse(JSON.stringify(answer).replace(/"LogUrl":"[^"]*"/g, `"LogUrl":"${link}"`)),
		},
		{ action: LOGS },
	);
	const { error } = await run({});
	expect(error?.message).toContain('returned a response that is not a UCloud answer');
	expect(error?.description).toContain('"LogUrl":"https://logs.example.net/1.gz?…');
	expect(JSON.stringify(error)).not.toContain('Signature=');
	expect(JSON.stringify(error)).not.toContain('kT8w3Xp');
});

test.each<[string, INodeParameters, string]>([
	['Begin after End', { beginTime: iso(T0 + 60), endTime: iso(T0) }, 'Begin Time: '],
	['a range in the future', { endTime: iso(Math.floor(Date.now() / 1000) + 7200) }, 'End Time: '],
	[
		'an unknown domain',
		{ domains: byName('nope.example.net') },
		'Domains: nope.example.net is not an accelerated domain',
	],
])('bad input, %s: refused before the logs are asked for', async (_, parameters, message) => {
	const { error } = await run(parameters);
	expect(error?.message).toContain(message);
	expect(sim.requestsFor(LOGS)).toHaveLength(0);
});
