/** Reading a call's parameters, all text as signed: lists, natural numbers, JSON values. */
import { Refusal } from './types';

/** A parameter that is missing, malformed or out of range: RetCode 230 (RET.PARAMS). */
export class ParamError extends Refusal {
	constructor(message: string) {
		super('PARAMS', message);
	}
}

/** The values of `name.0`, `name.1`, … in the order of their numbers. */
export function listParam(params: Record<string, string>, name: string): string[] {
	const pattern = new RegExp(`^${name}\\.(\\d+)$`);
	return Object.keys(params)
		.map((key) => [key, pattern.exec(key)?.[1]] as const)
		.filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
		.sort((a, b) => Number(a[1]) - Number(b[1]))
		.map(([key]) => params[key] as string);
}

export function natural(params: Record<string, string>, name: string): number | undefined {
	const raw = params[name];
	if (raw === undefined) return undefined;
	if (!/^\d+$/.test(raw)) throw new ParamError(`Params [${name}] not valid: ${raw}`);
	return Number(raw);
}

/** Canonical text of a received JSON value, as the server signs it; lists must be sent flat. */
export function canonical(name: string, value: unknown): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') return String(value);
	throw new ParamError(`Params [${name}] must be flat: send lists as ${name}.0, ${name}.1, …`);
}
