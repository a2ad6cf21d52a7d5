import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../credentials/common/ucloud/credentialType';
import * as describeTasks from './actions/describeTasks.operation';
import * as submit from './actions/submit.operation';
import { router } from './actions/router';
import { PROJECT_LIST_METHOD } from '../shared/descriptions/options';
import { searchProjects } from '../shared/projects';
import { RESOURCES } from '../shared/resources';
import { testCredentials } from '../shared/transport/credentialTest';

export class Ucdn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UCDN',
		name: 'ucdn',
		icon: { light: 'file:../../icons/ucdn.svg', dark: 'file:../../icons/ucdn.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
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
				options: [
					{
						name: 'Describe Tasks',
						value: 'describeTasks',
						description: 'Get tasks with their status and the progress of each URL',
						action: 'Describe tasks',
					},
					{
						name: 'Submit',
						value: 'submit',
						description: 'Submit URLs to the CDN and optionally wait until it has finished',
						action: 'Submit tasks',
					},
				],
				default: 'describeTasks',
			},
			...describeTasks.description,
			...submit.description,
		],
	};

	methods = {
		credentialTest: { ucloudApiTest: testCredentials },
		listSearch: { [PROJECT_LIST_METHOD]: searchProjects },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
