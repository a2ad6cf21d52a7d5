/**
 * `test:n8n`'s cases of the Refresh and Prefetch resources: the task examples, Describe per task,
 * a wrong key and a closed port (the message, no secret in it, a refused submit retried), Purge
 * Domain waiting until its task is done. Example02 counts every task submitted, so it runs
 * before any other case that submits (index.ts runs these first).
 */
import assert from 'node:assert/strict';

import type { IDataObject } from 'n8n-workflow';

import { readWorkflow } from '../../../dev/engine/package';
import { ucdnWorkflow } from '../../../dev/engine/workflows';
import type { RecordedRequest } from '../../../dev/simulator/server';
import { SEED_DOMAINS } from '../../../dev/simulator/server';
import { withCredential } from '../instance';
import type { Case } from './case';
import {
	CREDENTIAL,
	DESCRIBE_REFRESH,
	SUBMIT_REFRESH,
	UNREACHABLE_CREDENTIAL,
	WRONG_CREDENTIAL,
	WRONG_PRIVATE_KEY,
	items,
} from './case';

export const taskCases: Case[] = [
	{
		id: 'ucdnE2eExample01',
		file: 'examples/describe-tasks.workflow.json',
		workflow: readWorkflow('examples/describe-tasks.workflow.json'),
		check: ({ run }) => {
			const urls = items(run, 'Describe refresh tasks');
			assert.deepEqual(
				urls.map((item) => [item.TaskId, item.Url]),
				[0, 1, 2].flatMap((n) =>
					[0, 1].map((u) => [`e2e_00000${n}`, `https://static.example.com/e2e/${n}/asset-${u}.js`]),
				),
			);
			// Version 1.1 with Add Readable Times: n8n itself resolves the version's parameters.
			assert.ok(
				urls.every((item) => typeof item.TaskCreateTimeIso === 'string'),
				'readable times on each URL',
			);
		},
	},
	{
		id: 'ucdnE2eExample02',
		file: 'examples/deploy-purge-and-wait.workflow.json',
		workflow: readWorkflow('examples/deploy-purge-and-wait.workflow.json'),
		check: ({ run }, simulator) => {
			const submitted = simulator.tasks.filter((task) => task.polls !== undefined);
			assert.equal(submitted.length, 1, 'one refresh task was submitted');
			const taskId = submitted[0]?.info.TaskId;
			assert.deepEqual(items(run, 'Report'), [
				{ message: `CDN purge ${taskId} finished: success (3 URLs)`, taskId, status: 'success' },
			]);
		},
	},
	{
		id: 'ucdnE2ePerTask01',
		workflow: withCredential(
			ucdnWorkflow({ resource: 'prefetch', operation: 'describeTasks', limit: 4, output: 'task' }),
			CREDENTIAL,
		),
		check: ({ run }) => {
			const tasks = items(run, 'UCDN');
			assert.equal(tasks.length, 4);
			assert.ok(
				tasks.every(
					(task) => Array.isArray(task.UrlLists) && String(task.TaskId).startsWith('pre_'),
				),
			);
		},
	},
	{
		id: 'ucdnE2eWrongKey1',
		workflow: withCredential(
			ucdnWorkflow({ resource: 'refresh', operation: 'describeTasks', options: { retries: 0 } }),
			WRONG_CREDENTIAL,
		),
		check: ({ failed, output }) => {
			assert.ok(failed, 'the execution failed');
			assert.match(
				output,
				/UCloud API DescribeNewUcdnRefreshCacheTask failed with RetCode 171: Signature VerifyAC Error/,
			);
			assert.ok(!output.includes(WRONG_PRIVATE_KEY), 'the private key is not in the output');
		},
	},
	// Nothing listens at the endpoint: n8n 1.x keeps the system code only in NodeApiError.httpCode.
	{
		id: 'ucdnE2eRefused01',
		workflow: withCredential(
			ucdnWorkflow({ resource: 'refresh', operation: 'describeTasks', options: { retries: 0 } }),
			UNREACHABLE_CREDENTIAL,
		),
		check: ({ failed, output }) => {
			assert.ok(failed, 'the execution failed');
			assert.match(output, /ECONNREFUSED\. Check the credential's API Endpoint/);
		},
	},
	{
		id: 'ucdnE2eRefused02',
		workflow: withCredential(
			ucdnWorkflow({
				resource: 'refresh',
				operation: 'submit',
				urls: 'https://cdn.example.com/e2e.js',
				options: { retries: 1 },
			}),
			UNREACHABLE_CREDENTIAL,
		),
		check: ({ failed, output }) => {
			assert.ok(failed, 'the execution failed');
			assert.match(output, /ECONNREFUSED\. Check the credential's API Endpoint/);
			assert.match(output, /Failed 2 times in a row/, 'a refused submit is retried');
			assert.doesNotMatch(output, /may have been created/);
		},
	},
	{
		id: 'ucdnE2ePurgeDom1',
		workflow: withCredential(
			ucdnWorkflow(
				{
					resource: 'refresh',
					operation: 'purgeDomain',
					domains: {
						__rl: true,
						mode: 'list',
						value: SEED_DOMAINS.static.DomainId,
						cachedResultName: 'static.example.com (enable)',
					},
					waitForCompletion: true,
					pollInterval: 2,
					output: 'task',
				},
				{ typeVersion: 1.2 },
			),
			CREDENTIAL,
		),
		// Listed twice as running before it is done: the node must check again after a pause.
		arrange: (simulator) => {
			const before = simulator.submitOptions.pollsToFinish;
			simulator.submitOptions.pollsToFinish = 2;
			return () => {
				simulator.submitOptions.pollsToFinish = before;
			};
		},
		check: ({ run, requests }) => {
			const submits = requests.filter((request) => request.action === SUBMIT_REFRESH);
			assert.equal(submits.length, 1, 'one refresh was submitted');
			assert.deepEqual(
				Object.entries(submits[0]?.params ?? {}).filter(
					([name]) => name === 'Type' || name.startsWith('UrlList.'),
				),
				[
					['Type', 'dir'],
					['UrlList.0', 'https://static.example.com/'],
				],
			);
			const [task, ...more] = items(run, 'UCDN');
			assert.equal(more.length, 0, 'one item: the task');
			assert.ok(task);
			assert.equal(task.Status, 'success');
			assert.equal(task.Type, 'dir');
			const urls = task.UrlLists as IDataObject[];
			assert.deepEqual(
				urls.map((url) => [url.Url, url.Status]),
				[['https://static.example.com/', 'success']],
			);
			// It waited: checked until the task was done, after the submit.
			const after = requests.slice(requests.indexOf(submits[0] as RecordedRequest));
			const checks = after.filter(
				(request) =>
					request.action === DESCRIBE_REFRESH && request.params['TaskId.0'] === task.TaskId,
			);
			assert.ok(checks.length >= 2, `checked ${checks.length} time(s), expected 2 or more`);
			assert.ok(
				(checks.at(-1)?.at ?? 0) - (checks[0]?.at ?? 0) >= 1500,
				'paused between the checks',
			);
		},
	},
	{
		id: 'ucdnE2eExample03',
		file: 'examples/deploy-check-purge-wait-notify.workflow.json',
		workflow: readWorkflow('examples/deploy-check-purge-wait-notify.workflow.json'),
		check: ({ run, requests }, simulator) => {
			const submits = requests.filter((request) => request.action === SUBMIT_REFRESH);
			assert.equal(submits.length, 1, 'one refresh was submitted');
			const taskId = simulator.tasks.at(-1)?.info.TaskId;
			const left = simulator.quotaOf(SEED_DOMAINS.static.DomainId);
			const fileLeft = left.quota.file - left.used.file;
			assert.deepEqual(items(run, 'Notify'), [
				{
					message: `CDN purge ${taskId} finished: success (3 URLs). static.example.com has ${fileLeft} file refreshes left today.`,
					taskId,
					status: 'success',
					fileRefreshesLeft: fileLeft,
				},
			]);
		},
	},
];
