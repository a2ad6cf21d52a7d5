import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './common/ucloud/credentialType';
import { signRequest } from './common/ucloud/signing';

export class UCloudApi implements ICredentialType {
	name = CREDENTIAL_TYPE;

	displayName = 'UCloud API';

	icon: Icon = { light: 'file:ucloud.svg', dark: 'file:ucloud.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-ucdn/n8n-nodes-ucdn#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Public Key',
			name: 'publicKey',
			type: 'string',
			default: '',
			required: true,
			description: 'The API public key, from the console under Account → API Keys',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The API private key that belongs to the public key. It only signs requests and is never sent.',
		},
		{
			displayName: 'API Endpoint',
			name: 'endpoint',
			type: 'options',
			options: [
				{ name: 'SurferCloud Singapore', value: 'https://api.scloudsg.com' },
				{ name: 'SurferCloud', value: 'https://api.surfercloud.com' },
				{ name: 'UCloud China', value: 'https://api.ucloud.cn' },
				{ name: 'Custom', value: 'custom' },
			],
			default: 'https://api.scloudsg.com',
			description: 'Where the keys were issued. Keys from one endpoint do not work on another.',
		},
		{
			displayName: 'Custom Endpoint URL',
			name: 'customEndpoint',
			type: 'string',
			default: '',
			placeholder: 'https://api.example.com',
			required: true,
			displayOptions: { show: { endpoint: ['custom'] } },
			description:
				'Base URL of a UCloud-compatible API, such as a private gateway: no user name, password, query string or fragment',
		},
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			placeholder: 'org-abc123',
			description:
				'Project used when a node does not name one. Leave empty for the main account’s default project; sub-accounts must set it. Enter the ID as text (n8n offers no list here); the Project ID option of the UCDN nodes lists the account’s projects to pick from.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signRequest(credentials, requestOptions);
	}
}
