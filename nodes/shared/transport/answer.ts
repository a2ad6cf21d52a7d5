/**
 * Reading what the UCloud API answered, for the node's requests and the credential test alike,
 * so both take the same answers for UCloud answers.
 */
import type { IDataObject } from 'n8n-workflow';

/** A successful answer: RetCode 0 plus whatever fields the action returns. */
export type UcdnResponse = IDataObject & { RetCode: 0 };

/** Whether a value is a JSON object (not null, not a list), as an answer's entries should be. */
export function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The body as JSON when it is JSON (n8n hands over text when the content type is not JSON). */
export function readBody(body: unknown): unknown {
	if (typeof body !== 'string' && !Buffer.isBuffer(body)) return body;
	try {
		return JSON.parse(String(body)) as unknown;
	} catch {
		return body; // Not JSON: quoted as text in the error.
	}
}

/**
 * The RetCode of a UCloud answer, or undefined if the body is not one. Some gateways send it as
 * text (`"RetCode": "0"`): a whole number in text is that number.
 */
export function readRetCode(answer: unknown): number | undefined {
	if (!isObject(answer)) return undefined;
	const { RetCode: raw } = answer;
	const retCode = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
	return typeof retCode === 'number' && Number.isInteger(retCode) ? retCode : undefined;
}
