import { signParams, stringToSign } from '../../../credentials/common/ucloud/signing';
import type { ApiParams } from './params';

/** Runs of 40 or more hex digits: a Signature (SHA-1), even glued to hex-looking text. */
const SIGNATURE_SHAPE = /[0-9a-f]{40,}/gi;
export const PREVIEW_LENGTH = 200;
/** How much of a body is serialised to be quoted: the excerpt and room for a secret around it. */
const SERIALISED_LENGTH = 65_536;
/** How deep a body is serialised: deeper levels show as …, never as a stack overflow. */
export const SERIALISED_DEPTH = 32;
/**
 * Shorter secrets are not searched for on their own: they occur in ordinary text by chance
 * (a key `a` is in most words), and masking them would show the key by the mask's shape.
 * Their Signature and signed string are long, and are searched for.
 */
export const MIN_SECRET_LENGTH = 8;

export const WITHHELD = "(withheld: it quotes this request's credentials)";

/**
 * What a request's answer must never quote: the private key, the Signature the credential's
 * `authenticate` adds (recomputed the same way) and the string it signs. A leaked Signature
 * carries no timestamp, so it could be replayed.
 */
export function requestSecrets(params: ApiParams, publicKey: string, privateKey: string): string[] {
	if (privateKey === '') return [];
	const wire = signParams(params, publicKey, privateKey);
	return [privateKey, wire.Signature, stringToSign(wire, privateKey)];
}

/** Every base64 (and base64url) form a secret takes inside longer base64 text, at any alignment. */
function base64Forms(secret: string): string[] {
	const bytes = Buffer.from(secret, 'utf8');
	const forms: string[] = [];
	for (let skip = 0; skip < 3; skip++) {
		const whole = Math.floor((bytes.length - skip) / 3) * 3;
		if (whole < 6) continue;
		const form = bytes.subarray(skip, skip + whole).toString('base64');
		forms.push(form, form.replace(/\+/g, '-').replace(/\//g, '_'));
	}
	return forms;
}

/** Whether a text quotes one of the secrets as written, JSON-escaped, URL-encoded, in hex or base64, in any case, with or without whitespace inside. */
export function quotesSecret(text: string, secrets: string[]): boolean {
	// Encoded text is often broken into lines (MIME base64) or groups (hex dumps).
	const compact = text.replace(/\s+/g, '');
	if (compact !== text && quotesSecret(compact, secrets)) return true;
	const lower = text.toLowerCase();
	return secrets
		.filter((secret) => secret.length >= MIN_SECRET_LENGTH)
		.some((secret) => {
			const anyCase = [
				secret,
				JSON.stringify(secret).slice(1, -1),
				// PHP and others also escape / in JSON.
				JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
				encodeURIComponent(secret),
				encodeURIComponent(secret).replace(/%20/g, '+'),
				Buffer.from(secret, 'utf8').toString('hex'),
			];
			return (
				anyCase.some((form) => lower.includes(form.toLowerCase())) ||
				base64Forms(secret).some((form) => text.includes(form))
			);
		});
}

/**
 * Text from the API made safe to quote: withheld entirely when it quotes one of the request's
 * secrets in any encoding (patching strings would miss one), otherwise with anything shaped
 * like a Signature replaced by ***.
 */
export function scrub(text: string, secrets: string[]): string {
	if (quotesSecret(text, secrets)) return WITHHELD;
	return text.replace(SIGNATURE_SHAPE, '***');
}

/** JSON of a value, cut after about `limit` characters and `SERIALISED_DEPTH` levels. */
function boundedJson(value: unknown, limit: number): string {
	let out = '';
	const write = (item: unknown, depth: number): void => {
		if (out.length > limit) return;
		if (item !== null && typeof item === 'object' && depth >= SERIALISED_DEPTH) {
			out += '…';
			return;
		}
		if (Array.isArray(item)) {
			out += '[';
			for (let i = 0; i < item.length && out.length <= limit; i++) {
				if (i > 0) out += ',';
				write(item[i] ?? null, depth + 1);
			}
			out += ']';
			return;
		}
		if (item !== null && typeof item === 'object') {
			out += '{';
			let first = true;
			for (const [key, field] of Object.entries(item)) {
				if (out.length > limit) break;
				if (field === undefined || typeof field === 'function') continue;
				out += `${first ? '' : ','}${JSON.stringify(key)}:`;
				first = false;
				write(field, depth + 1);
			}
			out += '}';
			return;
		}
		out += JSON.stringify(item) ?? 'null';
	};
	write(value, 0);
	return out;
}

/** Text from the API as a message quotes it: one line, made safe by `scrub`, at most `max` characters. */
export function quote(text: string, secrets: string[], max = PREVIEW_LENGTH): string {
	const flat = scrub(text, secrets).replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * A link's query, as a body writes it (`/` JSON-escaped or not): a log link carries its
 * signature there, a secret-ish value that no error quotes.
 */
const LINK_QUERY = /(https?:(?:\\?\/){2}[^\s"'<>?#]*)\?[^\s"'<>#]*/gi;

/**
 * The start of a body, for an error message: one line, scrubbed, links without their query, at
 * most 200 characters.
 */
export function preview(body: unknown, secrets: string[]): string {
	const text =
		body === undefined
			? ''
			: typeof body === 'string' || Buffer.isBuffer(body)
				? String(body.slice(0, SERIALISED_LENGTH))
				: boundedJson(body, SERIALISED_LENGTH);
	return quote(text.replace(LINK_QUERY, '$1?…'), secrets) || '(empty)';
}
