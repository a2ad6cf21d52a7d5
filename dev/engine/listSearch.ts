/**
 * A resource locator's list, loaded as the editor loads it. n8n's DynamicNodeParametersService
 * (packages/cli, getResourceLocatorResults) takes the list mode's `searchListMethod`, finds it
 * in the node type's `methods.listSearch` and calls it with the search text on n8n-core's
 * LoadOptionsContext for a temporary node that holds the node's current parameters and
 * credentials. This does the same, the credentials signed by the credential type's own
 * `authenticate` and HTTP going out for real.
 */
import './userFolder';

import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodeProperties,
	IWorkflowBase,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { additionalDataFor } from './execution';
import { PackageNodeTypes } from './nodeTypes';
import { PACKAGE_NAME } from './package';
import { CREDENTIAL_REF } from './workflows';

export interface ListSearchOptions {
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The node's current parameters, as the editor sends them along. */
	parameters?: INodeParameters;
	/** What the user typed in the list's search box. */
	filter?: string;
	paginationToken?: string;
}

/** The `searchListMethod` of the list mode of the resource locator at `path` (`options.projectId`). */
function searchListMethod(properties: INodeProperties[], path: string): string {
	let candidates = properties;
	for (const name of path.split('.')) {
		candidates = candidates
			.filter((property) => property.name === name)
			.flatMap((property) =>
				property.type === 'collection' ? (property.options as INodeProperties[]) : [property],
			);
	}
	// A parameter may appear once per operation: each must offer the same list.
	const methods = new Set(
		candidates
			.filter((property) => property.type === 'resourceLocator')
			.map((property) => {
				const list = property.modes?.find((mode) => mode.type === 'list');
				return list?.typeOptions?.searchListMethod;
			}),
	);
	const [method, ...others] = [...methods];
	if (typeof method !== 'string' || others.length > 0)
		throw new Error(`No single list method for ${path}: ${[...methods].join(', ')}`);
	return method;
}

/**
 * Loads the list of the resource locator at `path` (for example `options.projectId`) of a node
 * of this package (`ucdn`, `ucdnTrigger`), as the editor does when the user opens it or types.
 */
export async function searchList(
	nodeName: string,
	path: string,
	options: ListSearchOptions,
): Promise<INodeListSearchResult> {
	const nodeTypes = new PackageNodeTypes();
	const type = `${PACKAGE_NAME}.${nodeName}`;
	const nodeType = nodeTypes.getByNameAndVersion(type);
	const methodName = searchListMethod(nodeType.description.properties, path);
	const method = nodeType.methods?.listSearch?.[methodName];
	if (typeof method !== 'function') throw new Error(`${type} has no listSearch.${methodName}`);

	const { version } = nodeType.description;
	const node: INode = {
		id: 'uuid-1234',
		name: 'Temp-Node',
		type,
		typeVersion: Array.isArray(version) ? Math.max(...version) : version,
		position: [0, 0],
		parameters: options.parameters ?? {},
		credentials: CREDENTIAL_REF,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const hooks = new ExecutionLifecycleHooks('internal', 'test-list-search', {
		id: 'test-workflow',
		nodes: [node],
		connections: {},
	} as unknown as IWorkflowBase);
	const context = new LoadOptionsContext(
		workflow,
		node,
		// As n8n's getResourceLocatorResults does: the node's parameters as the editor sent them.
		{
			...additionalDataFor(nodeTypes, options.credentials, hooks),
			currentNodeParameters: node.parameters,
		},
		`parameters.${path}`,
	);
	return await method.call(context, options.filter, options.paginationToken);
}
