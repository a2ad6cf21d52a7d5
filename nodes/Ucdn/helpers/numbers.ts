import { ParameterError } from './errors';

/** A whole number parameter within bounds; expressions may hand it over as numeric text. */
export function wholeNumber(value: unknown, parameter: string, min: number, max: number): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		throw new ParameterError(
			parameter,
			`must be a whole number from ${min} to ${max}, got ${JSON.stringify(value) ?? String(value)}`,
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
			`must be a number from ${min} to ${max}, got ${JSON.stringify(value) ?? String(value)}`,
		);
	}
	return number;
}
