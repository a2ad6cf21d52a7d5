import { ParameterError } from './errors';

const SEPARATORS = /[\s,]+/;

/**
 * Reads a list parameter such as Task IDs: text separated by commas, spaces or newlines,
 * or what an expression returned (a string, a number, or an array of those, nested or not).
 * Values are trimmed, empties dropped and duplicates removed, keeping the first occurrence.
 */
export function parseList(value: unknown, parameter: string): string[] {
	const seen = new Set<string>();
	const visit = (entry: unknown, depth: number): void => {
		if (entry === null || entry === undefined) return;
		if (typeof entry === 'string') {
			for (const token of entry.split(SEPARATORS)) if (token !== '') seen.add(token);
			return;
		}
		if (typeof entry === 'number' && Number.isFinite(entry)) {
			seen.add(String(entry));
			return;
		}
		if (Array.isArray(entry) && depth < 5) {
			for (const element of entry) visit(element, depth + 1);
			return;
		}
		throw new ParameterError(
			parameter,
			`expected text or a list of text values, got ${describe(entry)}. If the expression returns whole items, pick the field that holds the value.`,
		);
	};
	visit(value, 0);
	return [...seen];
}

function describe(value: unknown): string {
	if (Array.isArray(value)) return 'a deeply nested list';
	if (typeof value === 'object') return 'an object';
	return `${typeof value} ${String(value)}`;
}
