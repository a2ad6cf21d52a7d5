import type { INodeTypeDescription } from 'n8n-workflow';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ROOT, loadPackage } from '../../dev/engine/package';
import { RESOURCES } from '../../nodes/Ucdn/actions/resources';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const loaded = loadPackage();

describe('package.json, as n8n reads it', () => {
	test('is a community node package with the n8n block pointing at built files', () => {
		expect(pkg.name).toBe('n8n-nodes-ucdn');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.n8n).toEqual({
			n8nNodesApiVersion: 1,
			strict: true,
			credentials: ['dist/credentials/UCloudApi.credentials.js'],
			nodes: ['dist/nodes/Ucdn/Ucdn.node.js', 'dist/nodes/UcdnTrigger/UcdnTrigger.node.js'],
		});
		for (const file of [...pkg.n8n.credentials, ...pkg.n8n.nodes])
			expect(existsSync(path.join(ROOT, file))).toBe(true);
	});

	test('has no runtime dependencies and only n8n-workflow as a peer (n8n Cloud’s rule)', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.files).toEqual(['dist']);
	});

	test('names its license, author, repository and homepage', () => {
		expect(pkg.license).toBe('MIT');
		expect(pkg.author.name).toBeTruthy();
		expect(pkg.author.email).toMatch(/@/);
		expect(pkg.repository.url).toMatch(/^git\+https:\/\//);
		expect(pkg.homepage).toMatch(/^https:\/\//);
		expect(pkg.description.length).toBeGreaterThan(40);
	});
});

describe('the UCDN node', () => {
	const node = loaded.nodes.find((n) => n.description.name === 'ucdn');
	const description = node?.description as INodeTypeDescription;
	const distDir = path.join(ROOT, 'dist/nodes/Ucdn');

	test('is usable as an AI agent tool, with a subtitle showing operation and resource', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.subtitle).toBe(
			'={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		);
	});

	test('has light and dark icons, copied into dist/', () => {
		expect(description.icon).toEqual({
			light: 'file:../../icons/ucdn.svg',
			dark: 'file:../../icons/ucdn.dark.svg',
		});
		for (const icon of ['../../icons/ucdn.svg', '../../icons/ucdn.dark.svg']) {
			expect(readFileSync(path.join(distDir, icon), 'utf8')).toMatch(
				/^<svg [^>]*viewBox="0 0 64 64"/,
			);
		}
	});

	test('has a codex file with categories and documentation links, copied into dist/', () => {
		const codex = JSON.parse(readFileSync(path.join(distDir, 'Ucdn.node.json'), 'utf8'));
		expect(codex.node).toBe('n8n-nodes-ucdn.ucdn');
		expect(codex.categories.length).toBeGreaterThan(0);
		expect(codex.resources.primaryDocumentation[0].url).toMatch(/^https:\/\//);
		expect(codex.resources.credentialDocumentation[0].url).toMatch(/^https:\/\//);
	});

	test('offers the resources and operations of the table the router runs, each operation under the value it has there', () => {
		const resource = description.properties.find((p) => p.name === 'resource');
		expect(resource?.options?.map((o) => ('value' in o ? o.value : undefined))).toEqual(
			Object.keys(RESOURCES),
		);
		const menus = Object.fromEntries(
			description.properties
				.filter((p) => p.name === 'operation')
				.map((p) => [
					p.displayOptions?.show?.resource?.join(),
					p.options?.map((o) => ('value' in o ? o.value : undefined)),
				]),
		);
		const table = Object.fromEntries(
			Object.entries(RESOURCES).map(([key, { operations }]) => [key, Object.keys(operations)]),
		);
		expect(menus).toEqual(table);
		expect(table).toEqual({
			certificate: ['getMany'],
			domain: ['getMany', 'getQuota'],
			log: ['getMany'],
			prefetch: ['describeTasks', 'submit'],
			refresh: ['describeTasks', 'purgeDomain', 'submit'],
			statistics: ['checkHealth', 'get'],
		});
		for (const { operations } of Object.values(RESOURCES))
			for (const [key, operation] of Object.entries(operations))
				expect(operation.option.value).toBe(key);
	});
});

describe('the UCloud API credential', () => {
	const credential = loaded.credentials.find((c) => c.name === 'ucloudApi');

	test('has the documented fields, the private key masked', () => {
		expect(credential?.displayName).toBe('UCloud API');
		expect(credential?.properties.map((p) => p.name)).toEqual([
			'publicKey',
			'privateKey',
			'endpoint',
			'customEndpoint',
			'projectId',
		]);
		expect(credential?.properties.find((p) => p.name === 'privateKey')?.typeOptions?.password).toBe(
			true,
		);
		const endpoint = credential?.properties.find((p) => p.name === 'endpoint');
		expect(endpoint?.default).toBe('https://api.scloudsg.com');
		expect(endpoint?.options?.map((o) => ('value' in o ? o.value : undefined))).toEqual([
			'https://api.scloudsg.com',
			'https://api.surfercloud.com',
			'https://api.ucloud.cn',
			'custom',
		]);
	});

	test('signs with a function and has its icons in dist/', () => {
		expect(typeof credential?.authenticate).toBe('function');
		for (const icon of ['ucloud.svg', 'ucloud.dark.svg'])
			expect(existsSync(path.join(ROOT, 'dist/credentials', icon))).toBe(true);
	});
});
