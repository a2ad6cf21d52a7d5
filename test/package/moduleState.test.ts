/**
 * The package holds no module-level mutable state, so it runs unchanged in n8n's queue mode
 * (many workers, each running many executions): read from the TypeScript sources' syntax trees.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const MUTATING_METHODS = new Set([
	'push',
	'pop',
	'shift',
	'unshift',
	'splice',
	'sort',
	'reverse',
	'fill',
	'copyWithin',
	'set',
	'add',
	'delete',
	'clear',
]);

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sources(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}

/** The variable an expression like `a.b[c].d` ultimately reads from. */
function rootName(expression: ts.Expression): string | undefined {
	let current = expression;
	while (
		ts.isPropertyAccessExpression(current) ||
		ts.isElementAccessExpression(current) ||
		ts.isParenthesizedExpression(current)
	) {
		current = current.expression;
	}
	return ts.isIdentifier(current) ? current.text : undefined;
}

/** Everything in one file that is, or may change, state shared by all executions. */
function findMutableState(file: string, text = readFileSync(file, 'utf8')): string[] {
	const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
	const problems: string[] = [];
	const where = (node: ts.Node) =>
		`${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
	const moduleNames = new Set<string>();

	for (const statement of source.statements) {
		if (ts.isVariableStatement(statement)) {
			if (!(statement.declarationList.flags & ts.NodeFlags.Const))
				problems.push(`${where(statement)}: module-level let/var`);
			for (const declaration of statement.declarationList.declarations) {
				if (ts.isIdentifier(declaration.name)) moduleNames.add(declaration.name.text);
			}
		}
	}

	const visit = (node: ts.Node) => {
		if (
			ts.isPropertyDeclaration(node) &&
			node.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)
		) {
			if (!node.modifiers.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword))
				problems.push(`${where(node)}: static property that is not readonly`);
		}
		const assigned =
			ts.isBinaryExpression(node) &&
			node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
			node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
				? node.left
				: (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
					  (node.operator === ts.SyntaxKind.PlusPlusToken ||
							node.operator === ts.SyntaxKind.MinusMinusToken)
					? node.operand
					: ts.isDeleteExpression(node)
						? node.expression
						: undefined;
		if (assigned && !ts.isIdentifier(assigned)) {
			const name = rootName(assigned);
			if (name && moduleNames.has(name))
				problems.push(`${where(node)}: changes module-level ${name}`);
		}
		if (
			ts.isCallExpression(node) &&
			ts.isPropertyAccessExpression(node.expression) &&
			MUTATING_METHODS.has(node.expression.name.text)
		) {
			const name = rootName(node.expression.expression);
			if (name && moduleNames.has(name))
				problems.push(`${where(node)}: ${node.expression.name.text}() on module-level ${name}`);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return problems;
}

const files = [...sources(path.join(ROOT, 'nodes')), ...sources(path.join(ROOT, 'credentials'))];

test('the package has sources to check', () => {
	expect(files.length).toBeGreaterThan(10);
});

test.each(files.map((file) => [path.relative(ROOT, file), file]))(
	'%s holds no module-level mutable state',
	(_name, file) => {
		expect(findMutableState(file)).toEqual([]);
	},
);

test('the check finds what it looks for', () => {
	const sample = path.join(ROOT, 'sample.ts');
	const text = [
		'let count = 0;',
		'const seen = new Set<string>();',
		'const cache: Record<string, number> = {};',
		'class Node { static runs = 0; static readonly NAME = "x"; }',
		'export function run(id: string) { seen.add(id); cache[id] = 1; count++; seen.clear(); const local = new Set(); local.add(id); }',
	].join('\n');
	expect(findMutableState(sample, text)).toEqual([
		'sample.ts:1: module-level let/var',
		'sample.ts:4: static property that is not readonly',
		'sample.ts:5: add() on module-level seen',
		'sample.ts:5: changes module-level cache',
		'sample.ts:5: clear() on module-level seen',
	]);
});
