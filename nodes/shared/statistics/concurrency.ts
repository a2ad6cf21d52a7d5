/**
 * Series read a few at a time. Per Domain reads one series per domain, each in calls of at most
 * MAX_POINTS_PER_CALL points one after the other: 30 days of 5-minute points of 20 domains are
 * 120 calls, and on a real network each waits a round trip (100 ms and more to a far region).
 * Reading a few domains at once waits for a few of those at a time.
 */

/**
 * How many domains' series are read at once (Per Domain): each its calls one after the other,
 * so at most this many calls are under way. Few: the API's rate limits are not published, and
 * a rate limit's refusal (429) is only retried after a wait.
 */
export const SERIES_AT_ONCE = 4;

/**
 * `read` of each of `targets`, at most `limit` at a time, started in the targets' order; the
 * results in that order. What fails is what would have failed reading them one after the
 * other: once one fails, no further one starts, those under way are let finish (nothing of the
 * node's keeps working after it returns), and the error of the first failure in the targets'
 * order is thrown; so an error names the same domain and call as it would have.
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
