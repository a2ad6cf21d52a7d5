/**
 * `test:n8n`'s cases of the Log and Certificate resources: examples/incident-logs.workflow.json,
 * its files written by n8n's own Read/Write Files from Disk node into a folder of ours (n8n
 * allowed to write there) and compared byte for byte with what the simulator served, so the
 * binary data went through n8n's storage whole (on disk in 2.x, in the items in 1.x); and
 * Certificate → Get Many against the simulator's certificates.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { readWorkflow } from '../../../dev/engine/package';
import { ucdnWorkflow } from '../../../dev/engine/workflows';
import { DEFAULT_PROJECT } from '../../../dev/simulator/data';
import { withCredential } from '../instance';
import type { Case } from './case';
import { CREDENTIAL, binaries, items } from './case';

const LOGS_EXAMPLE = 'examples/incident-logs.workflow.json';
/** Where the example writes in n8n's Docker image, and where it writes here instead. */
const EXAMPLE_FOLDER = '/home/node/.n8n-files';
const FILES = path.join(os.tmpdir(), 'n8n-nodes-ucdn-e2e-files');
const DAY = 86_400;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function logsExample() {
	const workflow = readWorkflow(LOGS_EXAMPLE);
	const writer = workflow.nodes.find((node) => node.name === 'Write the files');
	const fileName = String(writer?.parameters.fileName);
	assert.ok(fileName.startsWith(`=${EXAMPLE_FOLDER}/`), `${LOGS_EXAMPLE} writes elsewhere`);
	if (writer) writer.parameters.fileName = fileName.replace(EXAMPLE_FOLDER, FILES);
	return workflow;
}

export const logCases: Case[] = [
	{
		id: 'ucdnE2eLogs00001',
		file: LOGS_EXAMPLE,
		workflow: logsExample(),
		env: { N8N_RESTRICT_FILE_ACCESS_TO: FILES },
		arrange: () => {
			rmSync(FILES, { recursive: true, force: true });
			mkdirSync(FILES, { recursive: true });
			return () => rmSync(FILES, { recursive: true, force: true });
		},
		check: ({ run }, simulator) => {
			const files = items(run, 'Download the logs');
			// Twelve five-minute files start in an hour, the one on the hour in two parts.
			assert.equal(files.length, 13, 'files');
			const data = binaries(run, 'Download the logs');
			for (const [n, file] of files.entries()) {
				assert.deepEqual(
					[data[n]?.fileName, data[n]?.mimeType],
					[file.FileName, 'application/gzip'],
				);
				const served = simulator.logs.served.get(new URL(String(file.Url)).pathname);
				assert.ok(served, `${String(file.FileName)} was never served`);
				const written = path.join(FILES, String(file.FileName));
				assert.equal(sha256(readFileSync(written)), sha256(served), `${written}'s content`);
			}
		},
	},
	{
		id: 'ucdnE2eCerts0001',
		title: 'Certificate → Get Many, Expiring Within 30 days',
		workflow: withCredential(
			ucdnWorkflow(
				{
					resource: 'certificate',
					operation: 'getMany',
					returnAll: true,
					options: { expiringWithin: 30 },
				},
				{ typeVersion: 1.2, timezone: 'UTC' },
			),
			CREDENTIAL,
		),
		check: ({ run, requests }, simulator) => {
			const now = Date.now() / 1000;
			const expected = simulator.certificates
				.list()
				.filter((c) => c.projectId === DEFAULT_PROJECT)
				.filter((c) => Math.floor((c.EndTime - now) / DAY) <= 30)
				.sort((a, b) => a.BeginTime - b.BeginTime)
				.map((c) => [c.CertName, Math.floor((c.EndTime - now) / DAY), c.EndTime <= now]);
			const listed = items(run, 'UCDN');
			assert.deepEqual(
				listed.map((c) => [c.CertName, c.DaysLeft, c.Expired]),
				expected,
			);
			assert.equal(
				listed[0]?.EndTimeIso,
				new Date(Number(listed[0]?.EndTime) * 1000).toISOString(),
			);
			assert.ok(!JSON.stringify(listed).includes('BEGIN CERTIFICATE'), 'PEM text without asking');
			assert.deepEqual(
				requests.map((request) => request.action),
				['GetCertificateV2'],
			);
		},
	},
];
