/**
 * `npm run screenshots [name …]`: drives the real n8n editor (the `npm run dev` setup) in
 * headless Chromium from Debian's `chromium` package with playwright-core, and saves the
 * pictures the README and docs/ show to docs/images/: the Describe Tasks panel, the Submit panel
 * with Wait for Completion, the output table of a per-URL run (with its readable times), a
 * Submit that Check Domains and Quota refused over quota, the Domains picker's list of the
 * account's domains, Project ID's list of the account's projects, Check Health finding an
 * unhealthy domain, a Statistics Summary per domain and the certificate list with the days each
 * has left. Names (`check-health-unhealthy`, …)
 * take only those pictures and leave the others as they are.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';

import type { WorkflowJson } from '../../dev/engine/package';
import { DEFAULT_QUOTA, SEED_DOMAINS } from '../../dev/simulator/server';
import { OWNER } from './instance';
import type { DevSession } from './session';
import { CREDENTIAL, startDevSession } from './session';
import { ensureDebianPackages } from './system';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = path.resolve('docs', 'images');
const TRIGGER = 'When clicking ‘Execute workflow’';

/** Manual Trigger → one UCDN node (version 1.2) named `node`: a workflow only a picture needs. */
function oneNodeWorkflow(node: string, parameters: INodeParameters): WorkflowJson {
	return {
		name: node,
		nodes: [
			{
				id: '7a3e0c10-0000-4000-8000-000000000001',
				name: TRIGGER,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '7a3e0c10-0000-4000-8000-000000000002',
				name: node,
				type: 'n8n-nodes-ucdn.ucdn',
				typeVersion: 1.2,
				position: [220, 0],
				parameters,
				credentials: { ucloudApi: CREDENTIAL },
			},
		],
		connections: { [TRIGGER]: { main: [[{ node, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

const CHECK_HEALTH = 'Check health after the purge';
const SUMMARY = 'Traffic per domain, last 24 hours';
const CERTIFICATES = 'Certificates and the days they have left';
const PICTURE_WORKFLOWS = {
	[CHECK_HEALTH]: oneNodeWorkflow(CHECK_HEALTH, {
		resource: 'statistics',
		operation: 'checkHealth',
		domains: { __rl: true, mode: 'name', value: SEED_DOMAINS.static.Domain },
		options: {},
	}),
	[SUMMARY]: oneNodeWorkflow(SUMMARY, {
		resource: 'statistics',
		operation: 'get',
		metric: 'bandwidth',
		output: 'summary',
		options: { perDomain: true },
	}),
	[CERTIFICATES]: oneNodeWorkflow(CERTIFICATES, {
		resource: 'certificate',
		operation: 'getMany',
		returnAll: true,
		readableTimes: false,
		options: {},
	}),
};

async function openNode(page: Page, url: string, workflowId: string, nodeName: string) {
	await page.goto(`${url}/workflow/${workflowId}`);
	const node = page.locator('[data-test-id="canvas-node"]', { hasText: nodeName });
	await node.waitFor();
	await node.dblclick();
	await page.locator('[data-test-id="ndv"]').waitFor();
	await page.waitForTimeout(800);
}

/**
 * Runs the workflow from the editor and opens `nodeName` once its output is there, in `view`
 * if given (the editor keeps the view last chosen), else in the one it opens with: Table.
 */
async function runAndOpen(
	page: Page,
	url: string,
	workflowId: string,
	nodeName: string,
	view?: 'Table' | 'JSON',
) {
	await page.goto(`${url}/workflow/${workflowId}`);
	await page.locator('[data-test-id="execute-workflow-button"]').first().click();
	await page.locator('[data-test-id="canvas-node"]', { hasText: nodeName }).dblclick();
	const ndv = page.locator('[data-test-id="ndv"]');
	if (view) {
		await ndv.waitFor();
		await ndv.getByText(view, { exact: true }).last().click();
	}
	if (view !== 'JSON') await ndv.locator('table').first().waitFor();
	await page.waitForTimeout(800);
}

/** The id the dev session imported a workflow under (an example by its file name). */
function workflowId(session: DevSession, name: string): string {
	const id = session.workflows[name];
	if (!id) throw new Error(`The dev session imported no ${name}`);
	return id;
}

interface Shot {
	/** The pictures it saves, without .png. */
	files: string[];
	take(page: Page, session: DevSession, save: (file: string) => Promise<void>): Promise<void>;
}

const shots: Shot[] = [
	{
		files: ['describe-tasks'],
		take: async (page, session, save) => {
			const describe = workflowId(session, 'describe-tasks.workflow.json');
			await openNode(page, session.url, describe, 'Describe refresh tasks');
			await save('describe-tasks');
		},
	},
	{
		files: ['submit-wait'],
		take: async (page, session, save) => {
			const deploy = workflowId(session, 'deploy-purge-and-wait.workflow.json');
			await openNode(page, session.url, deploy, 'Purge and wait');
			await save('submit-wait');
		},
	},
	{
		files: ['output-per-url', 'readable-times'],
		take: async (page, session, save) => {
			const describe = workflowId(session, 'describe-tasks.workflow.json');
			await runAndOpen(page, session.url, describe, 'Describe refresh tasks');
			await save('output-per-url');
			await page.locator('[data-test-id="ndv"]').getByText('JSON', { exact: true }).last().click();
			await page.waitForTimeout(800);
			await save('readable-times');
		},
	},
	{
		// Check Domains and Quota refuses the Submit: static.example.com has 2 file refreshes left
		// today, the example would submit 3.
		files: ['over-quota'],
		take: async (page, session, save) => {
			const checked = workflowId(session, 'deploy-check-purge-wait-notify.workflow.json');
			await page.keyboard.press('Escape');
			session.simulator.setQuota(SEED_DOMAINS.static.DomainId, { file: 2 });
			await page.goto(`${session.url}/workflow/${checked}`);
			await page.locator('[data-test-id="execute-workflow-button"]').first().click();
			const refused = page.locator('[data-test-id="canvas-node"]', {
				hasText: 'Check, purge and wait',
			});
			await page
				.getByText(/Daily quota/)
				.first()
				.waitFor();
			await refused.dblclick();
			await page
				.locator('[data-test-id="ndv"]')
				.getByText(/Daily quota/)
				.first()
				.waitFor();
			await page.waitForTimeout(800);
			await save('over-quota');
			session.simulator.setQuota(SEED_DOMAINS.static.DomainId, { file: DEFAULT_QUOTA.file });
		},
	},
	{
		// The Domains picker: Get Quota's Domains switched to From List, the list opened.
		files: ['domain-list'],
		take: async (page, session, save) => {
			const checked = workflowId(session, 'deploy-check-purge-wait-notify.workflow.json');
			await page.keyboard.press('Escape');
			await openNode(page, session.url, checked, 'Quota left');
			const quotaNdv = page.locator('[data-test-id="ndv"]');
			await quotaNdv.locator('[data-test-id="rlc-mode-selector"]').first().click();
			await page.locator('[data-test-id="mode-list"]:visible').click();
			await quotaNdv.locator('[data-test-id="rlc-input"]').first().click();
			await page.locator('[data-test-id="rlc-item"]').first().waitFor();
			await page.waitForTimeout(500);
			await save('domain-list');
		},
	},
	{
		// A 5xx spike and a cold cache on static.example.com since 15 minutes ago: two reasons.
		files: ['check-health-unhealthy'],
		take: async (page, session, save) => {
			const { scenarios } = session.simulator.traffic;
			const from = Math.floor(Date.now() / 60_000) * 60 - 900;
			scenarios.push({ from, domainId: SEED_DOMAINS.static.DomainId, errorShare: 4, hitRate: 78 });
			try {
				await page.keyboard.press('Escape');
				await runAndOpen(
					page,
					session.url,
					workflowId(session, CHECK_HEALTH),
					CHECK_HEALTH,
					'JSON',
				);
				await page
					.locator('[data-test-id="ndv"]')
					.getByText(/5xx share rose/)
					.first()
					.waitFor();
				await page.waitForTimeout(800);
				await save('check-health-unhealthy');
			} finally {
				scenarios.length = 0;
			}
		},
	},
	{
		files: ['statistics-summary'],
		take: async (page, session, save) => {
			await page.keyboard.press('Escape');
			await runAndOpen(page, session.url, workflowId(session, SUMMARY), SUMMARY, 'JSON');
			await page
				.locator('[data-test-id="ndv"]')
				.getByText(SEED_DOMAINS.static.Domain)
				.first()
				.waitFor();
			await page.waitForTimeout(500);
			await save('statistics-summary');
		},
	},
	{
		// Wider, the parameters dragged left: the table shows every column up to DaysLeft and Expired.
		files: ['certificate-list'],
		take: async (page, session, save) => {
			await page.keyboard.press('Escape');
			await page.setViewportSize({ width: 1920, height: 900 });
			try {
				await runAndOpen(
					page,
					session.url,
					workflowId(session, CERTIFICATES),
					CERTIFICATES,
					'Table',
				);
				const handle = await page.locator('[data-test-id="panel-drag-button"]').boundingBox();
				if (handle) {
					const [x, y] = [handle.x + handle.width / 2, handle.y + handle.height / 2];
					await page.mouse.move(x, y);
					await page.mouse.down();
					await page.mouse.move(x - 560, y, { steps: 20 });
					await page.mouse.up();
					await page.waitForTimeout(800);
				}
				await save('certificate-list');
			} finally {
				await page.setViewportSize({ width: 1440, height: 900 });
			}
		},
	},
	{
		// Last, as it leaves the workflow edited: Options → Project ID, From List opened.
		files: ['project-list'],
		take: async (page, session, save) => {
			const describe = workflowId(session, 'describe-tasks.workflow.json');
			await page.keyboard.press('Escape');
			await openNode(page, session.url, describe, 'Describe refresh tasks');
			const ndv = page.locator('[data-test-id="ndv"]');
			await ndv
				.getByPlaceholder('Add option')
				.or(ndv.getByRole('button', { name: 'Add option' }))
				.last()
				.click();
			await page.getByRole('option', { name: 'Project ID', exact: true }).click();
			await ndv.locator('[data-test-id="rlc-input"]').first().click();
			await page.locator('[data-test-id="rlc-item"]').first().waitFor();
			await page.waitForTimeout(500);
			await save('project-list');
		},
	},
];

async function main() {
	const wanted = process.argv.slice(2);
	const unknown = wanted.filter((name) => !shots.some((shot) => shot.files.includes(name)));
	if (unknown.length > 0)
		throw new Error(
			`No picture named ${unknown.join(', ')}; the pictures: ${shots.flatMap((s) => s.files).join(', ')}`,
		);
	const taken = shots.filter(
		(shot) => wanted.length === 0 || shot.files.some((file) => wanted.includes(file)),
	);
	if (CHROMIUM === '/usr/bin/chromium')
		ensureDebianPackages([{ name: 'chromium', present: () => existsSync(CHROMIUM) }]);
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
		);
	}
	mkdirSync(OUT, { recursive: true });
	const session = await startDevSession(5690, PICTURE_WORKFLOWS);
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		await page.goto(`${session.url}/signin`);
		await page
			.locator('input[type="email"], input[name="emailOrLdapLoginId"]')
			.first()
			.fill(OWNER.email);
		await page.locator('input[type="password"]').first().fill(OWNER.password);
		await page
			.locator('button', { hasText: /sign in/i })
			.first()
			.click();
		await page.waitForURL((address) => !address.pathname.startsWith('/signin'));

		// Leaving a workflow the steps below edited: go, unsaved.
		page.on('dialog', (dialog) => void dialog.accept());
		const saved: string[] = [];
		for (const shot of taken)
			await shot.take(page, session, async (file) => {
				await page.screenshot({ path: path.join(OUT, `${file}.png`) });
				saved.push(`${file}.png`);
			});
		console.log(`Saved ${saved.join(', ')} in ${OUT}`);
	} finally {
		await browser.close();
		await session.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
