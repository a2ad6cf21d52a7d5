import { inOrder } from '../../../../nodes/shared/concurrency';
import { SERIES_AT_ONCE } from '../../../../nodes/shared/statistics/read';

/** Reads that finish when the test says, recording which started and how many ran at once. */
function controlled() {
	const started: number[] = [];
	const finish = new Map<number, { resolve: (v: string) => void; reject: (e: Error) => void }>();
	let running = 0;
	let most = 0;
	const read = (n: number) =>
		new Promise<string>((resolve, reject) => {
			started.push(n);
			most = Math.max(most, ++running);
			const done = () => running--;
			finish.set(n, {
				resolve: (value) => (done(), resolve(value)),
				reject: (error) => (done(), reject(error)),
			});
		});
	/** Lets the reads settle and the next ones start. */
	const tick = async () => {
		for (let n = 0; n < 5; n++) await Promise.resolve();
	};
	const settle = async (n: number, outcome: string | Error) => {
		const ends = finish.get(n);
		if (!ends) throw new Error(`read ${n} has not started`);
		if (outcome instanceof Error) ends.reject(outcome);
		else ends.resolve(outcome);
		await tick();
	};
	return { read, started, settle, tick, most: () => most };
}

test('a few at a time (SERIES_AT_ONCE is a few), started in order, the results in order whatever finishes first', async () => {
	expect(SERIES_AT_ONCE).toBeGreaterThan(1);
	expect(SERIES_AT_ONCE).toBeLessThanOrEqual(8);
	const { read, started, settle, tick, most } = controlled();
	const all = inOrder([0, 1, 2, 3, 4, 5], 3, read);
	await tick();
	expect(started).toEqual([0, 1, 2]);
	await settle(2, 'c');
	expect(started).toEqual([0, 1, 2, 3]);
	await settle(0, 'a');
	await settle(3, 'd');
	expect(started).toEqual([0, 1, 2, 3, 4, 5]);
	for (const [n, value] of [
		[5, 'f'],
		[1, 'b'],
		[4, 'e'],
	] as const)
		await settle(n, value);
	await expect(all).resolves.toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
	expect(most()).toBe(3);
});

test('one at a time, and none at all', async () => {
	const { read, started, settle, tick } = controlled();
	const all = inOrder([0, 1], 1, read);
	await tick();
	expect(started).toEqual([0]);
	await settle(0, 'a');
	expect(started).toEqual([0, 1]);
	await settle(1, 'b');
	await expect(all).resolves.toEqual(['a', 'b']);
	await expect(inOrder([], 4, read)).resolves.toEqual([]);
});

test('a failure: nothing further starts, those running finish, and the first failure in order is thrown', async () => {
	const { read, started, settle, tick } = controlled();
	let settled = false;
	const all = inOrder([0, 1, 2, 3, 4, 5], 3, read).finally(() => (settled = true));
	await tick();
	// The third fails first; the second, running, fails later: its error is the one read one
	// after the other would have met.
	await settle(2, new Error('third'));
	expect(started).toEqual([0, 1, 2]);
	await settle(0, 'a');
	expect(started).toEqual([0, 1, 2]);
	expect(settled).toBe(false);
	await settle(1, new Error('second'));
	await expect(all).rejects.toThrow('second');
});

test('a failure waits for the reads still running, also those after it in order', async () => {
	const { read, started, settle, tick } = controlled();
	let settled = false;
	const all = inOrder([0, 1, 2], 3, read).finally(() => (settled = true));
	await tick();
	await settle(0, new Error('first'));
	expect(settled).toBe(false);
	await settle(2, 'c');
	await settle(1, new Error('second'));
	await expect(all).rejects.toThrow('first');
	expect(started).toEqual([0, 1, 2]);
});
