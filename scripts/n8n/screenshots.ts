/**
 * `npm run screenshots`: drives the real n8n editor (the `npm run dev` setup) in headless
 * Chromium from Debian's `chromium` package with playwright-core, and saves the pictures the
 * README and docs/ show to docs/images/: the Describe Tasks panel, the Submit panel with Wait for
 * Completion, the output table of a per-URL run (with its readable times), a Submit that Check
 * Domains and Quota refused over quota, the Domains picker's list of the account's domains and
 * Project ID's list of the account's projects.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';

import { DEFAULT_QUOTA, SEED_DOMAINS } from '../../dev/simulator/server';
import { OWNER } from './instance';
import type { DevSession } from './session';
import { startDevSession } from './session';
import { ensureDebianPackages } from './system';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = path.resolve('docs', 'images');

async function openNode(page: Page, url: string, workflowId: string, nodeName: string) {
	await page.goto(`${url}/workflow/${workflowId}`);
	const node = page.locator('[data-test-id="canvas-node"]', { hasText: nodeName });
	await node.waitFor();
	await node.dblclick();
	await page.locator('[data-test-id="ndv"]').waitFor();
	await page.waitForTimeout(800);
}

/** The id the dev session imported an example workflow under. */
function exampleId(session: DevSession, file: string): string {
	const id = session.workflows[file];
	if (!id) throw new Error(`The dev session imported no examples/${file}`);
	return id;
}

async function main() {
	if (CHROMIUM === '/usr/bin/chromium')
		ensureDebianPackages([{ name: 'chromium', present: () => existsSync(CHROMIUM) }]);
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
		);
	}
	mkdirSync(OUT, { recursive: true });
	const session = await startDevSession(5690);
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
		const describe = exampleId(session, 'describe-tasks.workflow.json');
		const deploy = exampleId(session, 'deploy-purge-and-wait.workflow.json');
		const checked = exampleId(session, 'deploy-check-purge-wait-notify.workflow.json');

		await openNode(page, session.url, describe, 'Describe refresh tasks');
		await page.screenshot({ path: path.join(OUT, 'describe-tasks.png') });

		await openNode(page, session.url, deploy, 'Purge and wait');
		await page.screenshot({ path: path.join(OUT, 'submit-wait.png') });

		await page.goto(`${session.url}/workflow/${describe}`);
		await page.locator('[data-test-id="execute-workflow-button"]').first().click();
		await page
			.locator('[data-test-id="canvas-node"]', { hasText: 'Describe refresh tasks' })
			.dblclick();
		await page.locator('[data-test-id="ndv"] table').first().waitFor();
		await page.waitForTimeout(800);
		await page.screenshot({ path: path.join(OUT, 'output-per-url.png') });
		await page.locator('[data-test-id="ndv"]').getByText('JSON', { exact: true }).last().click();
		await page.waitForTimeout(800);
		await page.screenshot({ path: path.join(OUT, 'readable-times.png') });

		// Check Domains and Quota refuses the Submit: static.example.com has 2 file refreshes left
		// today, the example would submit 3.
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
		await page.screenshot({ path: path.join(OUT, 'over-quota.png') });
		session.simulator.setQuota(SEED_DOMAINS.static.DomainId, { file: DEFAULT_QUOTA.file });

		// The Domains picker: Get Quota's Domains switched to From List, the list opened.
		await page.keyboard.press('Escape');
		await openNode(page, session.url, checked, 'Quota left');
		const quotaNdv = page.locator('[data-test-id="ndv"]');
		await quotaNdv.locator('[data-test-id="rlc-mode-selector"]').first().click();
		await page.locator('[data-test-id="mode-list"]:visible').click();
		await quotaNdv.locator('[data-test-id="rlc-input"]').first().click();
		await page.locator('[data-test-id="rlc-item"]').first().waitFor();
		await page.waitForTimeout(500);
		await page.screenshot({ path: path.join(OUT, 'domain-list.png') });

		// Last, as it leaves the workflow edited: Options → Project ID, From List opened.
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
		await page.screenshot({ path: path.join(OUT, 'project-list.png') });
		console.log(`Saved the pictures in ${OUT}`);
	} finally {
		await browser.close();
		await session.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
