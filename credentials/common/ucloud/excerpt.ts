/** Longest piece of a value a message quotes: an expression can return megabytes. */
export const EXCERPT_LENGTH = 100;

/** The start of a text, at most `max` characters, marked with … when cut. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}
