import { cutOff, pause } from '../../../../../nodes/shared/transport/cancellable';

describe('cutOff', () => {
	test('the promise’s value, when it settles first', async () => {
		await expect(cutOff(Promise.resolve('answer'), AbortSignal.timeout(1000))).resolves.toBe(
			'answer',
		);
	});

	test('the promise’s rejection, when it settles first', async () => {
		const failure = new Error('ECONNREFUSED');
		await expect(cutOff(Promise.reject(failure), AbortSignal.timeout(1000))).rejects.toBe(failure);
	});

	test('the signal’s reason at the deadline, while the promise still runs', async () => {
		const started = Date.now();
		const never = new Promise<never>(() => undefined);
		await expect(cutOff(never, AbortSignal.timeout(50))).rejects.toMatchObject({
			name: 'TimeoutError',
		});
		expect(Date.now() - started).toBeLessThan(1000);
	});

	test('a signal already aborted cuts off at once; what the promise does later is ignored', async () => {
		const controller = new AbortController();
		controller.abort(new Error('cancelled'));
		const late = pause(20, undefined).then(() => {
			throw new Error('too late');
		});
		await expect(cutOff(late, controller.signal)).rejects.toThrow('cancelled');
		await expect(late).rejects.toThrow('too late');
	});
});
