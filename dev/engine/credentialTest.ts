/** The credential's test, found and run the way n8n's CredentialsTester and the editor do. */
import './userFolder';

import { CredentialTestContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunction,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { PackageNodeTypes } from './nodeTypes';

/** Finds a credential type's test the way n8n's CredentialsTester does: a node naming it in `testedBy`. */
export function credentialTestFor(type: string): ICredentialTestFunction {
	const nodeTypes = new PackageNodeTypes();
	for (const node of Object.values(nodeTypes.types)) {
		for (const { name, testedBy } of node.description.credentials ?? []) {
			if (name === type && typeof testedBy === 'string') {
				const test = node.methods?.credentialTest?.[testedBy];
				if (test) return test;
			}
		}
	}
	throw new Error(`No credential test for ${type}`);
}

/** Runs the UCloud API credential's test on these values, as the editor's "Test" button does. */
export async function testCredentials(
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const credential = { id: 'test', name: 'UCloud API (simulator)', type: 'ucloudApi', data };
	return await credentialTestFor('ucloudApi').call(new CredentialTestContext(), credential);
}
