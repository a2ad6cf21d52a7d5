/**
 * The scenarios, in the order they run on the one cluster: each leaves it as it found it, and
 * the trigger polls through all of them, so the last three check what the whole run did.
 */
import type { QueueTest } from '../cluster';
import type { Scenario } from '../runner';
import { certificates } from './certificates';
import { load } from './load';
import { mainRestarts } from './mainRestarts';
import { onWorkers } from './onWorkers';
import { postgresDown } from './postgresDown';
import { redisRestarts } from './redisRestarts';
import { trigger } from './trigger';
import { workerDies } from './workerDies';

export const SCENARIOS: ReadonlyArray<Scenario<QueueTest>> = [
	load,
	workerDies,
	redisRestarts,
	postgresDown,
	mainRestarts,
	trigger,
	certificates,
	onWorkers,
];
