/**
 * The simulator's one table of actions: it serves every action the node calls, and nothing
 * else (an action it does not know, even one named like a member of every JavaScript object,
 * is answered RetCode 161).
 */
import type { UcdnSimulator } from '../../dev/simulator/server';
import { RET, startSimulator } from '../../dev/simulator/server';
import { call } from './signed';

let sim: UcdnSimulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
});

test.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])(
	'%s is no action',
	async (Action) => {
		expect(await call(sim, { Action })).toEqual({
			Action: `${Action}Response`,
			RetCode: RET.UNKNOWN_ACTION,
			Message: `Action [${Action}] not found`,
		});
	},
);
