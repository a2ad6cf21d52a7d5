import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { inOrder } from '../../../shared/concurrency';
import { DOMAINS, domainsProperty, readDomainRefs } from '../../../shared/domains/domainsParameter';
import { asNodeError } from '../../../shared/errors';
import type { LogFile } from '../../../shared/logs/files';
import { readLogFiles } from '../../../shared/logs/files';
import { DOWNLOAD_CONCURRENCY, downloadLog, fileNameOf } from '../../../shared/logs/download';
import { isoTimesIn } from '../../../shared/output/isoTimes';
import { READABLE_TIMES, readableTimesProperties } from '../../../shared/output/parameters';
import { limitBounds, readMax, returnAllProperties } from '../../../shared/paging/parameters';
import type { Switch } from '../../../shared/parameters/facts';
import { booleanProperty, readSwitch } from '../../../shared/parameters/facts';
import type { CommonOptions } from '../../../shared/parameters/options';
import {
	optionsCollection,
	readRequestSettings,
	readScope,
} from '../../../shared/parameters/options';
import { readPastRange, timeRangeProperties } from '../../../shared/parameters/timeRange';
import { statisticsTargets } from '../../../shared/statistics/read';
import type { OperationContext, Prepared } from '../operation';

export const option = {
	name: 'Get Many',
	value: 'getMany',
	description: "List the domains' five-minute log files, or download them",
	action: 'Get many log files',
};

export const createsTasks = false;

export const LOG_LIMIT = limitBounds(100_000);
export const DOWNLOAD: Switch = { displayName: 'Download', name: 'download', default: false };

const properties: INodeProperties[] = [
	domainsProperty('The domains whose logs to get.', true),
	...timeRangeProperties({
		what: 'Log files',
		which: 'Which log files to get, by the five minutes they hold',
	}),
	...returnAllProperties(LOG_LIMIT),
	...readableTimesProperties('', {
		description:
			"Whether to add LogTimeIso after LogTime: the same time in ISO 8601 in the workflow's timezone",
	}),
	optionsCollection(
		[
			booleanProperty(DOWNLOAD, {
				description:
					"Whether to download each file into the item's binary data (data), for a Write to Disk or S3 node",
			}),
		],
		{
			projectId: "Project of the domains instead of the credential's Project ID",
			isDcdn: 'Whether to get the logs of whole-site acceleration (DCDN) domains',
		},
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['log'], operation: [option.value] } },
	properties,
);

interface LogOptions extends CommonOptions {
	download?: unknown;
}

/**
 * Reads and checks item `i`'s parameters and finds the domains it names before anything else is
 * asked; what it returns lists the files (one call per day of the range) and, with Download,
 * downloads them a few at a time: a file that fails fails its item, or with Continue On Fail
 * becomes an error item of its own while the others go on.
 */
export async function prepare(
	this: IExecuteFunctions,
	i: number,
	{ target, domains }: OperationContext,
): Promise<Prepared> {
	const refs = readDomainRefs(this.getNodeParameter(DOMAINS.name, i, ''), true);
	const range = readPastRange.call(this, i, Date.now());
	const max = readMax.call(this, i, LOG_LIMIT);
	const readable = readSwitch(this.getNodeParameter(READABLE_TIMES.name, i), READABLE_TIMES);
	const options = this.getNodeParameter('options', i, {}) as LogOptions;
	const download = readSwitch(options.download ?? DOWNLOAD.default, DOWNLOAD);
	const scope = readScope(options);
	const settings = readRequestSettings(options, i);
	const [all] = await statisticsTargets(domains, refs, scope, settings, false);
	return {
		run: async () => {
			const files = await readLogFiles.call(
				this,
				target,
				all?.domainIds ?? [],
				range,
				scope,
				settings,
				max,
			);
			const iso = readable ? isoTimesIn(this.getTimezone()) : undefined;
			const json = (file: LogFile): IDataObject => ({
				Domain: file.Domain,
				LogTime: file.LogTime,
				...(iso && { LogTimeIso: iso(file.LogTime) ?? null }),
				Url: file.Url,
				FileName: fileNameOf(file),
			});
			if (!download) return files.map((file) => ({ json: json(file), pairedItem: { item: i } }));
			// A failure without Continue On Fail: no other file starts, and the node fails once the
			// files under way have ended. Cancelling the execution aborts those and starts no other,
			// Continue On Fail or not.
			const signal = this.getExecutionCancelSignal?.();
			const cancelled = () =>
				new NodeOperationError(
					this.getNode(),
					'The execution was cancelled while the log files downloaded',
					{ itemIndex: i },
				);
			return await inOrder(files, DOWNLOAD_CONCURRENCY, async (file) => {
				if (signal?.aborted) throw cancelled();
				try {
					const data = await downloadLog.call(this, file, {
						timeoutMs: settings.timeoutMs,
						itemIndex: i,
						signal,
					});
					return { json: json(file), binary: { data }, pairedItem: { item: i } };
				} catch (caught) {
					if (signal?.aborted) throw cancelled();
					const error = asNodeError(this.getNode(), caught, i);
					if (!this.continueOnFail()) throw error;
					// The file's link carries its signature: the error item names the file without it.
					const named = json(file);
					delete named.Url;
					return {
						json: { error: error.message, description: error.description ?? null, ...named },
						pairedItem: { item: i },
					};
				}
			});
		},
	};
}
