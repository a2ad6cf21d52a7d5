import type { IDataObject } from 'n8n-workflow';

/** Makes one empty plain object; objects of one maker share hidden classes. */
export type PlainObjectMaker = () => IDataObject;

/**
 * What makes the objects of one output: empty plain objects, to which the output adds its
 * fields. Nothing tells them from `{}` (their prototype is Object.prototype, they have no own
 * property), but to V8 they start from a hidden class (map) of their own, not from the empty
 * object's.
 *
 * Why: V8 finds the map of an object built up from `{}` by following one "transition" per
 * field added, from the empty object's map, and a map holds at most 1,536 transitions. A
 * freshly started n8n has used up all of the empty object's; until a full garbage collection
 * clears the dead ones, an object built up from `{}` whose first field is not among them gets
 * a new map for each of its fields. That cost n8n's first execution of 200,000 URL items about
 * 0.9 s and 450 MB ([docs/performance.md](../../../docs/performance.md)). The transitions
 * from this maker's own map are only this output's: the objects with the same fields, in the
 * same order, share one map, as they would have from `{}`.
 */
export function plainObjects(): PlainObjectMaker {
	function PlainObject() {}
	PlainObject.prototype = Object.prototype;
	const Made = PlainObject as unknown as new () => IDataObject;
	return () => new Made();
}

/** Sets a field as data, also one named like Object's own (`__proto__`), which `=` would not. */
export function put(target: IDataObject, field: string, value: unknown): void {
	if (field === '__proto__')
		Object.defineProperty(target, field, {
			value,
			enumerable: true,
			writable: true,
			configurable: true,
		});
	else target[field] = value as IDataObject[string];
}
