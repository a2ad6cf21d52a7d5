/**
 * plainObjects makes objects no code can tell from `{}`, and the objects an output makes with
 * the same fields share one hidden class, also once the empty object's transitions are used
 * up, as they are in a freshly started n8n. V8's natives (%HaveSameMap) are switched on for
 * this file: Jest runs each test file in a context of its own, with an `{}` of its own.
 */
import { inspect } from 'node:util';
import { setFlagsFromString } from 'node:v8';

import type { IDataObject } from 'n8n-workflow';

import { taskItems } from '../../../../../nodes/shared/output/items';
import { plainObjects, put } from '../../../../../nodes/shared/output/plainObjects';

/** `fields` added one after the other to `object`. */
function withFields(object: IDataObject, fields: Array<[string, unknown]>): IDataObject {
	for (const [name, value] of fields) put(object, name, value);
	return object;
}

describe('plainObjects', () => {
	test('makes empty objects of Object.prototype, new each time', () => {
		const make = plainObjects();
		const [a, b] = [make(), make()];
		expect(a).not.toBe(b);
		for (const object of [a, b]) {
			expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
			expect(Reflect.ownKeys(object)).toEqual([]);
			expect(object.constructor).toBe(Object);
			expect(object).toStrictEqual({});
		}
	});

	test('with fields, as `{}` with the same fields: entries, JSON, inspect', () => {
		const fields: Array<[string, unknown]> = [
			['Url', 'https://a.example.com/x.js'],
			['10', 'index-like names come first'],
			['CreateTime', 1_793_577_600],
			['missing', undefined],
			['__proto__', { polluted: true }],
		];
		const made = withFields(plainObjects()(), fields);
		const literal = withFields({}, fields);
		expect(Object.entries(made)).toEqual(Object.entries(literal));
		expect(made).toStrictEqual(literal);
		expect(JSON.stringify(made)).toBe(JSON.stringify(literal));
		expect(inspect(made)).toBe(inspect(literal));
		expect(({} as IDataObject).polluted).toBeUndefined();
	});
});

describe("once n8n has used up the empty object's transitions", () => {
	setFlagsFromString('--allow-natives-syntax');
	// Compiled once the flag is set: V8 reads natives syntax when it compiles code.
	const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (
		a: object,
		b: object,
	) => boolean;
	// More first field names than a map holds transitions (1,536), kept alive as n8n keeps its objects.
	const fillers = Array.from({ length: 2000 }, (_, n) => withFields({}, [[`filler${n}`, n]]));

	test('an object built up from {} gets a map of its own: the state this test is about', () => {
		expect(fillers).toHaveLength(2000);
		const builtUp = () => withFields({}, [['Url', 'x']]);
		expect(sameMap(builtUp(), builtUp())).toBe(false);
	});

	const tasks = Array.from({ length: 4 }, (_, n) => ({
		TaskId: `t${n}`,
		CreateTime: 1_793_577_600 + n,
		Status: 'success',
		UrlLists: ['a', 'b'].map((name) => ({
			Url: `https://a.example.com/${n}/${name}.js`,
			CreateTime: 1_793_577_600 + n,
			FinishTime: 1_793_577_605 + n,
			Status: 'success',
			Progress: 100,
		})),
	}));

	test.each([
		['One Item per URL', { mode: 'url' as const }],
		['One Item per URL with readable times', { mode: 'url' as const, zone: 'Asia/Shanghai' }],
		['One Item per Task with readable times', { mode: 'task' as const, zone: 'UTC' }],
	])('%s: the items of like tasks share one hidden class', (_what, output) => {
		const add = taskItems(output, 0);
		const items: Array<{ json: IDataObject }> = [];
		// Objects of other fields first, as an n8n that has run other workflows has made.
		add({ TaskId: 'other', Odd: true, UrlLists: [{ Other: 1 }, { Url: 'u', More: 2 }] }, []);
		for (const task of tasks) add(task, items);
		const [first, ...others] = items.map(({ json }) => json);
		if (!first) throw new Error('no items');
		expect(others.filter((json) => !sameMap(json, first))).toEqual([]);
	});
});
