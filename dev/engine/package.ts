/**
 * This package as n8n loads it: the node and credential classes listed in package.json's `n8n`
 * block, from dist/; and workflow JSON (the format a user imports into n8n) read from files.
 */
import type {
	IConnections,
	INode,
	INodeType,
	ICredentialType,
	IPinData,
	IWorkflowSettings,
} from 'n8n-workflow';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The package's root, whether this file runs from dev/ (jest) or from build/dev/ (scripts). */
function findRoot(dir: string): string {
	const manifest = path.join(dir, 'package.json');
	if (
		existsSync(manifest) &&
		(JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'n8n-nodes-ucdn'
	) {
		return dir;
	}
	const parent = path.dirname(dir);
	if (parent === dir) throw new Error('Cannot find the n8n-nodes-ucdn package root');
	return findRoot(parent);
}

export const ROOT = findRoot(__dirname);
export const PACKAGE_NAME = 'n8n-nodes-ucdn';

interface PackageJson {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
}

/** Loads every node and credential class listed in package.json's `n8n` block from dist/. */
export function loadPackage(root = ROOT) {
	const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson;
	const instantiate = <T>(file: string): T[] => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- n8n loads these built files by path, and so do the tests
		const exports = require(path.join(root, file)) as Record<string, new () => T>;
		return Object.values(exports).map((Class) => new Class());
	};
	const nodes = pkg.n8n.nodes.flatMap((file) => instantiate<INodeType>(file));
	const credentials = pkg.n8n.credentials.flatMap((file) => instantiate<ICredentialType>(file));
	return { name: pkg.name, nodes, credentials };
}

export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
}

export function readWorkflow(file: string): WorkflowJson {
	return JSON.parse(readFileSync(path.resolve(ROOT, file), 'utf8')) as WorkflowJson;
}
