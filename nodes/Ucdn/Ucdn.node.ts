import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../credentials/common/ucloud/credentialType';
import { DOMAIN_LIST_METHOD } from '../shared/domains/domainsParameter';
import { testCredentials } from '../shared/editor/credentialTest';
import { searchDomains } from '../shared/editor/domainList';
import { searchProjects } from '../shared/editor/projectList';
import { PROJECT_LIST_METHOD } from '../shared/parameters/options';
import { properties } from './actions/resources';
import { router } from './actions/router';

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
		properties,
	};

	methods = {
		credentialTest: { ucloudApiTest: testCredentials },
		listSearch: { [PROJECT_LIST_METHOD]: searchProjects, [DOMAIN_LIST_METHOD]: searchDomains },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
