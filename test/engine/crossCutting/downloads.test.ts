/**
 * Log downloads go through n8n's HTTP stack as the API calls do: behind HTTP_PROXY they take
 * the proxy, and n8n's SSRF protection refuses a host it blocks, also one a link redirects to.
 * The error names the file, never its signed link. n8n builds its SSRF lists once, from the
 * environment: the simulator's address is allowed and `localhost` blocked before the first
 * request; the protection itself is switched on in its test only.
 */
process.env.N8N_SSRF_ALLOWED_IP_RANGES = '127.0.0.1/32';
process.env.N8N_SSRF_BLOCKED_HOSTNAMES = 'localhost';

import { Container } from '@n8n/di';
import { SsrfProtectionConfig } from '@n8n/config';
import type { AddressInfo } from 'node:net';
import { createServer, request } from 'node:http';

import { runWorkflow } from '../../../dev/engine/run';
import { logDownloadWorkflow, simulatorCredentials } from '../../../dev/engine/workflows';
import type { UcdnSimulator } from '../../../dev/simulator/server';
import { startSimulator } from '../../../dev/simulator/server';
import { at } from '../../at';

const T0 = Date.UTC(2026, 10, 2, 8, 0, 0) / 1000;

let sim: UcdnSimulator;
beforeEach(async () => {
	sim = await startSimulator({ seed: false });
});
afterEach(async () => {
	await sim.close();
});

const download = async () =>
	await runWorkflow(logDownloadWorkflow(T0), { credentials: simulatorCredentials(sim) });

test('behind HTTP_PROXY: a download goes through the proxy, which alone knows the links’ host', async () => {
	const target = new URL(sim.url);
	const seen: string[] = [];
	const proxy = createServer((req, res) => {
		seen.push(`${req.method} ${new URL(req.url ?? '/').host}`);
		const url = new URL(req.url ?? '/');
		if (url.hostname !== 'logs.only-the-proxy-knows.test') return void res.writeHead(502).end();
		const forwarded = request(
			{
				host: target.hostname,
				port: target.port,
				path: `${url.pathname}${url.search}`,
				method: req.method,
				headers: req.headers,
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		req.pipe(forwarded);
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	sim.logs.controls.linkBase = 'http://logs.only-the-proxy-knows.test';
	const saved = { ...process.env };
	process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
	process.env.NO_PROXY = '127.0.0.1';
	try {
		const { items, error } = await download();
		expect(error).toBeUndefined();
		expect(items('UCDN')).toHaveLength(2);
		expect(at(items('UCDN'), 0).binary?.data?.fileName).toMatch(/\.log\.gz$/);
		expect(seen).toEqual([
			'GET logs.only-the-proxy-knows.test',
			'GET logs.only-the-proxy-knows.test',
		]);
	} finally {
		process.env = saved;
		proxy.closeAllConnections();
		await new Promise((resolve) => proxy.close(resolve));
	}
});

test('with SSRF protection on, a link redirecting to a blocked host is refused, the link unquoted', async () => {
	const config = Container.get(SsrfProtectionConfig);
	Object.assign(config, {
		enabled: true,
		allowedIpRanges: ['127.0.0.1/32'],
		blockedHostnames: ['localhost'],
	});
	sim.logs.controls.redirecting = () => true;
	try {
		const { error } = await download();
		expect(error?.message).toMatch(
			/^Could not download the log file of static\.example\.com at 2026-11-02T08:00:00\.000Z from 127\.0\.0\.1:\d+$/,
		);
		expect(error?.description).toMatch(/^Blocked by n8n's SSRF protection: /);
		expect(error?.description).toContain('n8n administrator');
		expect(error?.description).not.toContain('list the files again');
		expect(JSON.stringify(error)).not.toContain('Signature=');
	} finally {
		config.enabled = false;
	}
});
