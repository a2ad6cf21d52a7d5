/**
 * Reads a few at a time (Per Domain's series, Check Health's domains, log downloads): on a real
 * network each call waits a round trip, which many reads would otherwise wait one by one.
 */

/**
 * `read` of each of `targets`, at most `limit` at a time, started in the targets' order; the
 * results in that order. What fails is what would have failed reading them one after the
 * other: once one fails, no further one starts, those under way are let finish (nothing of the
 * node's keeps working after it returns), and the error of the first failure in the targets'
 * order is thrown; so an error names the same domain, call or file as it would have.
 */
export async function inOrder<T, R>(
	targets: readonly T[],
	limit: number,
	read: (target: T) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(targets.length);
	const failures = new Map<number, unknown>();
	let next = 0;
	const worker = async () => {
		while (next < targets.length && failures.size === 0) {
			const n = next++;
			try {
				results[n] = await read(targets[n] as T);
			} catch (error) {
				failures.set(n, error);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, targets.length) }, worker));
	if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
	return results;
}
