/**
 * `test:n8n`'s cases of the Domain resource and the quota, at node version 1.2 (issue 21): Get
 * Many, Get Quota of domains named in mixed case, and a Submit that Check Domains and Quota
 * refuses before anything is sent.
 */
import assert from 'node:assert/strict';

import { ucdnWorkflow } from '../../../dev/engine/workflows';
import { SEED_DOMAINS } from '../../../dev/simulator/server';
import { withCredential } from '../instance';
import type { Case } from './case';
import { CREDENTIAL, SUBMIT_REFRESH, items } from './case';

/** The default project's domains, oldest first, as GetUcdnDomainConfig lists them. */
const PROJECT_DOMAINS = [
	SEED_DOMAINS.static,
	SEED_DOMAINS.cdn,
	SEED_DOMAINS.wildcard,
	SEED_DOMAINS.old,
	SEED_DOMAINS.video,
];

export const domainCases: Case[] = [
	{
		id: 'ucdnE2eDomains01',
		workflow: withCredential(
			ucdnWorkflow(
				{ resource: 'domain', operation: 'getMany', returnAll: true },
				{ typeVersion: 1.2 },
			),
			CREDENTIAL,
		),
		check: ({ run }) => {
			const domains = items(run, 'UCDN');
			assert.deepEqual(
				domains.map((domain) => [domain.Domain, domain.DomainId]),
				PROJECT_DOMAINS.map((domain) => [domain.Domain, domain.DomainId]),
			);
			assert.equal(
				domains.find((domain) => domain.Domain === 'old.example.org')?.Status,
				'disable',
			);
		},
	},
	{
		id: 'ucdnE2eQuota0001',
		workflow: withCredential(
			ucdnWorkflow(
				{
					resource: 'domain',
					operation: 'getQuota',
					// Several by name, separated by a comma and a new line, in mixed case.
					domains: {
						__rl: true,
						mode: 'name',
						value: 'static.example.com, CDN.example.com\nvideo.example.net',
					},
				},
				{ typeVersion: 1.2 },
			),
			CREDENTIAL,
		),
		arrange: (simulator) => {
			simulator.useQuota(SEED_DOMAINS.cdn.DomainId, { file: 5, dir: 1, prefetch: 2 });
		},
		check: ({ run, requests }, simulator) => {
			const quotas = items(run, 'UCDN');
			const { static: stat, cdn, video } = SEED_DOMAINS;
			assert.deepEqual(
				quotas.map((quota) => [quota.Domain, quota.DomainId]),
				[stat, cdn, video].map((domain) => [domain.Domain, domain.DomainId]),
			);
			for (const quota of quotas) {
				const { quota: daily, used } = simulator.quotaOf(String(quota.DomainId));
				assert.deepEqual(
					[quota.RefreshFileLeft, quota.RefreshDirLeft, quota.PrefetchLeft],
					[daily.file - used.file, daily.dir - used.dir, daily.prefetch - used.prefetch],
					`what is left of ${String(quota.Domain)}`,
				);
				assert.equal(quota.RefreshFileQuota, daily.file);
				assert.equal(quota.SubmitRefreshDir, used.dir);
			}
			assert.deepEqual(
				[quotas[1]?.RefreshFileLeft, quotas[1]?.RefreshDirLeft, quotas[1]?.PrefetchLeft],
				[695, 19, 498],
			);
			assert.equal(
				requests.filter((request) => request.action === 'GetUcdnDomainConfig').length,
				1,
				'the domain list is read once',
			);
		},
	},
	{
		id: 'ucdnE2eOverQuota',
		workflow: withCredential(
			// Check Domains and Quota left to its default: on at version 1.2.
			ucdnWorkflow(
				{
					resource: 'refresh',
					operation: 'submit',
					urls: 'https://video.example.net/a/\nhttps://video.example.net/b/\nhttps://video.example.net/c/',
					type: 'dir',
					options: { retries: 0 },
				},
				{ typeVersion: 1.2 },
			),
			CREDENTIAL,
		),
		arrange: (simulator) => {
			simulator.setQuota(SEED_DOMAINS.video.DomainId, { dir: 20 });
			simulator.useQuota(SEED_DOMAINS.video.DomainId, { dir: 18 });
		},
		check: ({ failed, output, requests }) => {
			assert.ok(failed, 'the execution failed');
			assert.match(
				output,
				/Daily quota: video\.example\.net has 2 directory refreshes left today; this execution would submit 3\. Nothing was submitted\./,
			);
			assert.deepEqual(
				requests.filter((request) => request.action === SUBMIT_REFRESH),
				[],
				`no ${SUBMIT_REFRESH} call`,
			);
			assert.ok(
				requests.some((request) => request.action === 'GetUcdnDomainPrefetchRefreshState'),
				'the quota was read',
			);
		},
	},
];
