import type { INode } from 'n8n-workflow';
import { ExecutionBaseError, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { excerpt } from '../../credentials/common/ucloud/excerpt';

/** C0, DEL and C1 control characters (by code, as ESLint's no-control-regex asks). */
const isControl = (code: number) => code <= 0x1f || (code >= 0x7f && code <= 0x9f);

export function hasControlCharacter(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
	return false;
}

/** Control characters written as \uXXXX, so a message shows what the user typed. */
export function showControlCharacters(text: string): string {
	let shown = '';
	for (const c of text) {
		const code = c.charCodeAt(0);
		shown += isControl(code) ? `\\u${code.toString(16).padStart(4, '0')}` : c;
	}
	return shown;
}

/**
 * An error's description with notes added after it, for building an error once with its final
 * text (an error is not changed after it was made): the parts that are empty are left out, so
 * a description without notes stays as it is, and no notes on no description give ''.
 */
export function withNotes(description: string | null | undefined, ...notes: string[]): string {
	return [description, ...notes].filter((part): part is string => Boolean(part)).join(' ');
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

/**
 * Bad input as n8n shows it: the message names the field, the description says where to look,
 * and the error's context carries the field's name (Continue On Fail's items show it as `field`).
 * `itemIndex` is absent for the trigger, which has no items.
 */
function parameterFailure(
	node: INode,
	{ parameter, message }: ParameterError,
	itemIndex?: number,
): NodeOperationError {
	const where =
		itemIndex === undefined
			? 'or the expression that sets it. Nothing was sent to UCloud.'
			: 'or the expression or input field that sets it. Nothing was sent to UCloud for this item.';
	const failure = new NodeOperationError(node, message, {
		itemIndex,
		description: `Check ${parameter}: the parameter, ${where}`,
	});
	failure.context.field = parameter;
	return failure;
}

/**
 * A value as a message quotes it: text in quotes and cut to an excerpt, lists and objects by
 * their kind (serialising them could be slow, huge or, nested deep enough, overflow the stack).
 */
export function shown(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(excerpt(value));
	if (Array.isArray(value)) return 'a list';
	if (value !== null && typeof value === 'object') return 'an object';
	return excerpt(String(value));
}

/**
 * Anything an item threw, as the error n8n expects for it: bad input worded for its parameter,
 * n8n's own errors as they are (a broken expression, the requests' NodeApiErrors) with the item
 * index they may lack, anything else wrapped. Wrapping an n8n error would hand the same object
 * back without the index (`new NodeApiError(node, error, { itemIndex })` does), so it is set.
 */
export function asNodeError(node: INode, caught: unknown, itemIndex?: number): ExecutionBaseError {
	if (caught instanceof ParameterError) return parameterFailure(node, caught, itemIndex);
	if (caught instanceof NodeApiError || caught instanceof NodeOperationError) {
		caught.context.itemIndex ??= itemIndex;
		return caught;
	}
	if (caught instanceof ExecutionBaseError) return caught;
	return new NodeOperationError(node, caught instanceof Error ? caught : String(caught), {
		itemIndex,
	});
}
