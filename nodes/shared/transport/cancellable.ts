import { sleep } from 'n8n-workflow';

/** Longest single sleep: a cancelled execution leaves no timer running for longer. */
const SLICE_MS = 1000;

/**
 * Sleeps with n8n-workflow's `sleep` (community nodes may not use timers directly), waking
 * at once when the execution is cancelled. Sleeping in slices bounds the timer left behind.
 */
export async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
	const until = Date.now() + ms;
	while (!signal?.aborted && Date.now() < until) {
		const slice = sleep(Math.min(SLICE_MS, until - Date.now()));
		if (!signal) {
			await slice;
			continue;
		}
		await new Promise<void>((resolve) => {
			const wake = () => {
				signal.removeEventListener('abort', wake);
				resolve();
			};
			signal.addEventListener('abort', wake);
			void slice.then(wake);
		});
	}
}

/**
 * `promise`, or a rejection with the signal's reason as soon as `signal` aborts: a deadline for
 * a call that takes no signal of its own. The call itself runs on; its outcome is ignored.
 */
export async function cutOff<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
	return await new Promise<T>((resolve, reject) => {
		const stop = () => reject(signal.reason as Error);
		if (signal.aborted) stop();
		signal.addEventListener('abort', stop, { once: true });
		void promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
	});
}
