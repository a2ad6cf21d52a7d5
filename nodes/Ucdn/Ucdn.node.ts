import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../credentials/common/ucloud/credentialType';
import * as describeTasks from './actions/tasks/describeTasks.operation';
import * as getMany from './actions/domain/getMany.operation';
import * as getQuota from './actions/domain/getQuota.operation';
import * as purgeDomain from './actions/refresh/purgeDomain.operation';
import * as submit from './actions/tasks/submit.operation';
import { DOMAIN_LIST_METHOD } from '../shared/domains/domainsParameter';
import { searchDomains } from '../shared/editor/domainList';
import { router } from './actions/router';
import { PROJECT_LIST_METHOD } from '../shared/parameters/options';
import { searchProjects } from '../shared/editor/projectList';
import { RESOURCES } from '../shared/tasks/resources';
import { testCredentials } from '../shared/editor/credentialTest';

const DESCRIBE_TASKS = {
	name: 'Describe Tasks',
	value: 'describeTasks',
	description: 'Get tasks with their status and the progress of each URL',
	action: 'Describe tasks',
};
const PURGE_DOMAIN = {
	name: 'Purge Domain',
	value: 'purgeDomain',
	description: 'Refresh everything a domain caches: a directory refresh of its root',
	action: 'Purge whole domains',
};
const SUBMIT = {
	name: 'Submit',
	value: 'submit',
	description: 'Submit URLs to the CDN and optionally wait until it has finished',
	action: 'Submit tasks',
};

export class Ucdn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UCDN',
		name: 'ucdn',
		icon: { light: 'file:../../icons/ucdn.svg', dark: 'file:../../icons/ucdn.dark.svg' },
		group: ['transform'],
		version: [1, 1.1, 1.2],
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Purge (refresh) and prefetch URLs on UCloud CDN (UCDN, SurferCloud) and check their tasks',
		defaults: { name: 'UCDN' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true, testedBy: 'ucloudApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Domain',
						value: 'domain',
						description: 'The accelerated domains of the account and their daily purge quota',
					},
					{
						name: RESOURCES.prefetch.name,
						value: 'prefetch',
						description: 'Tasks that load URLs into the CDN cache ahead of requests',
					},
					{
						name: RESOURCES.refresh.name,
						value: 'refresh',
						description: 'Tasks that purge URLs or directories from the CDN cache',
					},
				],
				default: 'refresh',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['refresh'] } },
				options: [DESCRIBE_TASKS, PURGE_DOMAIN, SUBMIT],
				default: 'describeTasks',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['prefetch'] } },
				options: [DESCRIBE_TASKS, SUBMIT],
				default: 'describeTasks',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['domain'] } },
				options: [
					{
						name: 'Get Many',
						value: 'getMany',
						description: "List the account's accelerated domains",
						action: 'Get many domains',
					},
					{
						name: 'Get Quota',
						value: 'getQuota',
						description: "Get what is left today of domains' purge and prefetch quota",
						action: 'Get the purge quota of domains',
					},
				],
				default: 'getMany',
			},
			...describeTasks.description,
			...submit.description,
			...purgeDomain.description,
			...getMany.description,
			...getQuota.description,
		],
	};

	methods = {
		credentialTest: { ucloudApiTest: testCredentials },
		listSearch: { [PROJECT_LIST_METHOD]: searchProjects, [DOMAIN_LIST_METHOD]: searchDomains },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
