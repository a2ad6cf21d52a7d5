/**
 * The simulator's one table of actions: it serves every action the node calls
 * (nodes/shared/transport/actions.ts), and an action it does not know, even one named like a
 * member of every JavaScript object, is answered RetCode 161.
 */
import { ACTIONS as SIMULATED } from '../../dev/simulator/actions';
import type { UcdnSimulator } from '../../dev/simulator/server';
import { RET, startSimulator } from '../../dev/simulator/server';
import { ACTIONS } from '../../nodes/shared/transport/actions';
import { call } from './signed';

const CALLED = Object.values(ACTIONS).map((action) => action.name);

let sim: UcdnSimulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
});

test.each(CALLED)('the table serves %s', async (Action) => {
	expect(SIMULATED.has(Action)).toBe(true);
	const answer = await call(sim, { Action });
	expect(answer.Action).toBe(`${Action}Response`);
	expect(answer.RetCode).not.toBe(RET.UNKNOWN_ACTION);
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
