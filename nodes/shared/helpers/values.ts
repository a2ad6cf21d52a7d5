import type { IDataObject } from 'n8n-workflow';

import { ParameterError, hasControlCharacter, shown } from './errors';

/** Whether a value is a JSON object (not null, not a list). */
export function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A whole number parameter within bounds; expressions may hand it over as numeric text. */
export function wholeNumber(value: unknown, parameter: string, min: number, max: number): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		throw new ParameterError(
			parameter,
			`must be a whole number from ${min} to ${max}, got ${shown(value)}`,
		);
	}
	return number;
}

/** A number parameter within bounds, fractions allowed (seconds, for example). */
export function numberInRange(value: unknown, parameter: string, min: number, max: number): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < min || number > max) {
		throw new ParameterError(
			parameter,
			`must be a number from ${min} to ${max}, got ${shown(value)}`,
		);
	}
	return number;
}

/** One of an options parameter's values (an expression can return anything). */
export function choice<T extends string>(
	value: unknown,
	parameter: string,
	allowed: readonly T[],
): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
		return value as T;
	throw new ParameterError(parameter, `must be one of ${allowed.join(', ')}, got ${shown(value)}`);
}

/** A boolean parameter; expressions may give it as the text true or false. */
export function flag(value: unknown, parameter: string): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw new ParameterError(parameter, `must be true or false, got ${shown(value)}`);
}

/** An optional text parameter without control characters, at most `maxLength` long; empty gives undefined. */
export function optionalText(
	value: unknown,
	parameter: string,
	maxLength: number,
): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new ParameterError(
			parameter,
			`must be text, got ${Array.isArray(value) ? 'a list' : typeof value}`,
		);
	}
	const text = String(value).trim();
	if (hasControlCharacter(text)) throw new ParameterError(parameter, 'contains control characters');
	if (text.length > maxLength)
		throw new ParameterError(parameter, `is longer than ${maxLength} characters`);
	return text === '' ? undefined : text;
}

/** Checks each entry of a list parameter: how many, how long, and no control characters. */
export function checkEntries(
	entries: string[],
	parameter: string,
	{ max, maxLength }: { max: number; maxLength: number },
): void {
	if (entries.length > max)
		throw new ParameterError(
			parameter,
			`has ${entries.length} entries; at most ${max} are allowed`,
		);
	entries.forEach((entry, index) => {
		if (entry.length > maxLength) {
			throw new ParameterError(
				parameter,
				`entry ${index + 1} is longer than ${maxLength} characters`,
			);
		}
		if (hasControlCharacter(entry))
			throw new ParameterError(parameter, `entry ${index + 1} contains control characters`);
	});
}
