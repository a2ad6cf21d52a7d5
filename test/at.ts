/**
 * `list[index]` where a test relies on that element: fails with the list's length right there,
 * instead of a TypeError on `undefined` further on.
 */
export function at<T>(list: readonly T[], index: number): T {
	const element = list[index];
	if (element === undefined)
		throw new Error(`Expected an element at index ${index}; the list has ${list.length}`);
	return element;
}
