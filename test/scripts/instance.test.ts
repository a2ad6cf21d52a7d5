/**
 * Reading `n8n execute --rawOutput`'s stdout (scripts/n8n/instance.ts): the run data is found
 * between log lines, before it and after it.
 */
import { parseRun } from '../../scripts/n8n/instance';

const run = { data: { resultData: { runData: { Notify: [{ executionTime: 1 }] } } } };
const printed = JSON.stringify(run, null, 2);

describe('parseRun reads the run data n8n execute prints', () => {
	test('after log lines', () => {
		expect(parseRun(`n8n Task Broker ready on 127.0.0.1, port 5701\n${printed}\n`)).toEqual(run);
	});

	test('with a log line after it, as n8n 2.41.1 prints its task runner registering late', () => {
		const stdout = `Legacy aes-256-cbc encryption key not found\n${printed}\nRegistered runner "JS Task Runner" (EjQZbV-6Dc_jAvoSStOHn) \n\n`;
		expect(parseRun(stdout)).toEqual(run);
	});

	test('none when nothing or only part of it was printed', () => {
		expect(parseRun('Execution was not successful\n')).toBeUndefined();
		expect(parseRun(printed.slice(0, 40))).toBeUndefined();
	});
});
