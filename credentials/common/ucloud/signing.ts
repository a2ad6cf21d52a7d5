import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { createHash } from 'node:crypto';

/** Parameters as they go on the wire: flat names, string values. */
export type WireParams = Record<string, string>;

/** A parameter value before encoding: scalars, or lists that become `Name.0`, `Name.1`, … */
export type ParamValue =
	| string
	| number
	| boolean
	| null
	| undefined
	| ParamValue[]
	| { [key: string]: ParamValue };

const PLAIN_DECIMAL = new Intl.NumberFormat('en-US', {
	useGrouping: false,
	maximumFractionDigits: 20,
});

/**
 * Encodes one scalar exactly as UCloud expects it, both in the signed string and on the wire:
 * booleans as `true`/`false`, integers plain (`42.0` is `42`), never scientific notation.
 */
export function encodeScalar(value: string | number | boolean): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (!Number.isFinite(value)) {
		throw new TypeError(`Cannot send the number ${value} to the UCloud API`);
	}
	if (Number.isInteger(value)) {
		return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
	}
	return PLAIN_DECIMAL.format(value);
}

/**
 * Flattens parameters into wire pairs: lists become `Name.N` from 0, objects inside lists
 * become `Name.N.Field`, and null/undefined values are dropped (they are not sent at all,
 * so they must not be signed either).
 */
export function flattenParams(params: Record<string, ParamValue>): WireParams {
	const wire: WireParams = {};
	const add = (name: string, value: ParamValue): void => {
		if (value === null || value === undefined) return;
		if (Array.isArray(value)) {
			let index = 0;
			for (const element of value) {
				if (element === null || element === undefined) continue;
				add(`${name}.${index++}`, element);
			}
			return;
		}
		if (typeof value === 'object') {
			for (const [field, fieldValue] of Object.entries(value)) add(`${name}.${field}`, fieldValue);
			return;
		}
		wire[name] = encodeScalar(value);
	};
	for (const [name, value] of Object.entries(params)) add(name, value);
	return wire;
}

/** The string UCloud hashes: every pair sorted by name, `name + value` concatenated, then the private key. */
export function stringToSign(wire: WireParams, privateKey: string): string {
	const names = Object.keys(wire)
		.filter((name) => name !== 'Signature')
		.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	let text = '';
	for (const name of names) text += name + wire[name];
	return text + privateKey;
}

export function signature(wire: WireParams, privateKey: string): string {
	return createHash('sha1').update(stringToSign(wire, privateKey), 'utf8').digest('hex');
}

/**
 * Returns the wire pairs to send: the flattened parameters plus `PublicKey` and the
 * `Signature` computed over exactly those pairs.
 */
export function signParams(
	params: Record<string, ParamValue>,
	publicKey: string,
	privateKey: string,
): WireParams & { Signature: string } {
	const wire = flattenParams({ ...params, PublicKey: publicKey });
	delete wire.Signature;
	return Object.assign(wire, { Signature: signature(wire, privateKey) });
}

export interface KeyPair {
	publicKey: string;
	privateKey: string;
}

/**
 * An invisible format character (Unicode category Cf: zero-width space U+200B, joiners U+200C
 * and U+200D, word joiner U+2060, BOM U+FEFF, soft hyphen, direction marks, …). Keys copied
 * from a web page or a chat pick them up; a key never holds one.
 */
const INVISIBLE = /\p{Cf}/u;
/** What a paste may leave around a key: whitespace and invisible characters, mixed. */
const AROUND = /[\s\p{Cf}]/u;

/**
 * A key as entered, without what a paste left at either end. A loop, not a regular expression:
 * `[\s\p{Cf}]+$` backtracks in quadratic time over a long run of spaces inside the value.
 */
function pastedKey(value: unknown): string {
	const characters = Array.from(String(value ?? ''));
	let start = 0;
	let end = characters.length;
	while (start < end && AROUND.test(characters[start] ?? '')) start++;
	while (end > start && AROUND.test(characters[end - 1] ?? '')) end--;
	return characters.slice(start, end).join('');
}

/**
 * The key pair as the credential's `authenticate` signs with it: whitespace and invisible
 * characters at either end removed. It cannot report a problem: see readKeys.
 */
export function keysOf(credentials: ICredentialDataDecryptedObject): KeyPair {
	return {
		publicKey: pastedKey(credentials.publicKey),
		privateKey: pastedKey(credentials.privateKey),
	};
}

/**
 * The first invisible character inside a key: the API would reject the key (RetCode 171 or
 * 172) without saying why. Position is 1-based and counts characters (code points) of the key
 * as keysOf reads it; the key itself is never quoted, only the character's code.
 */
function invisibleIn(name: string, key: string): string | undefined {
	let position = 0;
	for (const character of key) {
		position++;
		if (!INVISIBLE.test(character)) continue;
		const code = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
		return `The ${name} contains an invisible character (U+${code}) at position ${position}: paste it again`;
	}
	return undefined;
}

/**
 * The key pair as keysOf reads it, or what is wrong with it: what the node and the credential
 * test check before sending anything.
 */
export function readKeys(
	credentials: ICredentialDataDecryptedObject,
): KeyPair | { problem: string } {
	const keys = keysOf(credentials);
	const problem =
		invisibleIn('Public Key', keys.publicKey) ?? invisibleIn('Private Key', keys.privateKey);
	return problem === undefined ? keys : { problem };
}

/**
 * The credential's `authenticate`: adds PublicKey and Signature to the request's parameters
 * (the JSON body of a POST, the query string of a GET), signing exactly the pairs it sends.
 */
export function signRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const { publicKey, privateKey } = keysOf(credentials);
	const method = (requestOptions.method ?? 'GET').toUpperCase();
	const where = method === 'GET' ? 'qs' : 'body';
	const params = (requestOptions[where] ?? {}) as Record<string, ParamValue>;
	return { ...requestOptions, [where]: signParams(params, publicKey, privateKey) };
}
