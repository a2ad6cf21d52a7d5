/** Reading a call's parameters, all text as signed: lists, natural numbers, JSON values. */
import type { IncomingMessage } from 'node:http';

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

/** A request's parameters: a GET's query, a form's fields, or a JSON object's, as text. */
export function parseRequest(
	req: IncomingMessage,
	text: string,
	contentType: string,
): Record<string, string> {
	const query = new URL(req.url ?? '/', 'http://simulator').searchParams;
	if (req.method === 'GET') return Object.fromEntries(query);
	if (contentType === 'application/x-www-form-urlencoded') {
		return Object.fromEntries(new URLSearchParams(text));
	}
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new ParamError('Request body is not JSON');
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		throw new ParamError('Request body must be a JSON object');
	}
	const params: Record<string, string> = {};
	for (const [name, value] of Object.entries(body)) {
		const text = canonical(name, value);
		if (text !== undefined) params[name] = text;
	}
	return params;
}
