/** C0, DEL and C1 control characters. */
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');

/** Control characters written as \uXXXX, so a message shows what the user typed. */
export function showControlCharacters(text: string): string {
	return text.replace(CONTROL_CHARACTERS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Bad input found by a pure helper. It names the parameter as the user sees it in the
 * editor; the operation turns it into a NodeOperationError for the item being processed.
 */
export class ParameterError extends Error {
	constructor(
		readonly parameter: string,
		message: string,
	) {
		super(`${parameter}: ${showControlCharacters(message)}`);
		this.name = 'ParameterError';
	}
}
