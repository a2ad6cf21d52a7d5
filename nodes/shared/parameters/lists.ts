import { excerpt } from '../../../credentials/common/ucloud/excerpt';
import { ParameterError } from '../errors';

/** Task IDs: separated by commas, spaces or newlines. */
export const ID_SEPARATORS = /[\s,]+/;

/**
 * URLs: separated by spaces or newlines, or by a comma that starts the next URL. A comma inside
 * a URL (`/img/w_100,h_100.png`) is legal and stays.
 */
export const URL_SEPARATORS = /\s+|,\s*(?=https?:\/\/)|,\s+|,$/i;

/**
 * Reads a list parameter such as Task IDs or URLs: text with separators, or what an expression
 * returned (a string, a number, or an array of those, nested or not). Values are trimmed,
 * empties dropped and duplicates removed, keeping the first occurrence.
 */
export function parseList(
	value: unknown,
	parameter: string,
	separators: RegExp = ID_SEPARATORS,
): string[] {
	const seen = new Set<string>();
	const visit = (entry: unknown, depth: number): void => {
		if (entry === null || entry === undefined) return;
		if (typeof entry === 'string') {
			for (const token of entry.split(separators)) if (token !== '') seen.add(token);
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
	return `${typeof value} ${excerpt(String(value))}`;
}

/** Splits a list into consecutive batches of at most `size`. */
export function chunk<T>(list: T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		batches.push(list.slice(start, start + size));
	return batches;
}
