/**
 * Serves test credentials to n8n's engine, and signs with the credential type's own
 * `authenticate`, as n8n's CredentialsHelper does.
 */
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INodeCredentialsDetails,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import type { PackageNodeTypes } from './nodeTypes';

export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly nodeTypes: PackageNodeTypes,
		private readonly credentials: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const type = this.nodeTypes.credentialTypes[typeName];
		if (typeof type?.authenticate !== 'function') return requestOptions;
		return await type.authenticate(credentials, requestOptions);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const credentials = this.credentials[type];
		if (!credentials) throw new Error(`No test credentials of type ${type}`);
		return structuredClone(credentials);
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string) {
		return this.nodeTypes.credentialTypes[type]?.properties ?? [];
	}
}
