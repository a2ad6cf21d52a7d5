/** The node types n8n's engine sees: this package's nodes (and their tool variants) and the stand-ins. */
import type {
	ICredentialType,
	IDataObject,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { loadPackage } from './package';
import { STAND_INS, asTool } from './standIns';

export class PackageNodeTypes implements INodeTypes {
	readonly types: Record<string, INodeType> = { ...STAND_INS };

	readonly credentialTypes: Record<string, ICredentialType> = {};

	constructor() {
		const pkg = loadPackage();
		for (const node of pkg.nodes) {
			this.types[`${pkg.name}.${node.description.name}`] = node;
			if (node.description.usableAsTool)
				this.types[`${pkg.name}.${node.description.name}Tool`] = asTool(node);
		}
		for (const credential of pkg.credentials) this.credentialTypes[credential.name] = credential;
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return NodeHelpers.getVersionedNodeType(type, version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}
