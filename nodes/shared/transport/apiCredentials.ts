import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../../credentials/common/ucloud/credentialType';
import { resolveEndpoint } from '../../../credentials/common/ucloud/endpoint';
import { readKeys } from '../../../credentials/common/ucloud/signing';
import type { ApiParams } from './params';
import { requestSecrets } from './redact';

/** What a request is made from (`this`): a node execution, a trigger poll or a list in the editor. */
export type UcdnFunctions = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

/** Where requests go, read once from the credential per execution. */
export interface ApiTarget {
	endpoint: string;
	defaultProjectId?: string;
	/** The keys, to recompute what a request's answer must not quote (see requestSecrets). */
	publicKey: string;
	privateKey: string;
}

export async function getApiTarget(this: UcdnFunctions): Promise<ApiTarget> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const resolved = resolveEndpoint(credentials);
	if ('problem' in resolved) {
		throw new NodeOperationError(this.getNode(), resolved.problem, {
			description: 'Open the UCloud API credential and check its API Endpoint.',
		});
	}
	const keys = readKeys(credentials);
	if ('problem' in keys) {
		// Sending would only get RetCode 171 or 172, which cannot tell the user why.
		throw new NodeOperationError(this.getNode(), keys.problem, {
			description:
				'Open the UCloud API credential and paste the key again, copied from the console (Account → API Keys): a character that cannot be seen came with it. Position 1 is the key’s first visible character.',
		});
	}
	const projectId = String(credentials.projectId ?? '').trim();
	const { publicKey, privateKey } = keys;
	return {
		endpoint: resolved.url,
		defaultProjectId: projectId || undefined,
		publicKey,
		privateKey,
	};
}

/** The parameters a request sends; the credential's `authenticate` adds PublicKey and Signature. */
export function requestBody(target: ApiTarget, action: string, params: ApiParams): ApiParams {
	const body: ApiParams = { Action: action, ...params };
	if (body.ProjectId === undefined || body.ProjectId === '')
		body.ProjectId = target.defaultProjectId;
	return body;
}

/** What an answer to this request must not quote: see requestSecrets. */
export function secretsOf(target: ApiTarget, action: string, params: ApiParams): string[] {
	return requestSecrets(requestBody(target, action, params), target.publicKey, target.privateKey);
}
