/** A SHA-1 in hex: the shape of a Signature, which a misbehaving gateway might echo back. */
const SIGNATURE_SHAPE = /\b[0-9a-f]{40}\b/gi;
const PREVIEW_LENGTH = 200;

/**
 * Text from the API with the secrets (as written and as escaped inside JSON) and anything
 * shaped like a Signature replaced by ***. Since the signed string ends with the private key,
 * this also removes any echo of it.
 */
export function scrub(text: string, secrets: string[]): string {
	let clean = text;
	for (const secret of secrets) {
		for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)]))
			clean = clean.split(form).join('***');
	}
	return clean.replace(SIGNATURE_SHAPE, '***');
}

/** The start of a body, for an error message: one line, scrubbed, at most 200 characters. */
export function preview(body: unknown, secrets: string[]): string {
	const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? '');
	const flat = scrub(text, secrets).replace(/\s+/g, ' ').trim();
	if (flat === '') return '(empty)';
	return flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH)}…` : flat;
}
