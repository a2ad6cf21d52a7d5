/**
 * `test:n8n`'s cases of the Statistics resource, checked against the simulator's own model of
 * traffic (dev/simulator/statistics.ts: `traffic.minute`): Get with One Item per Point and
 * with Summary (Per Domain, a missing point), Check Health healthy and with a 5xx spike, and
 * examples/deploy-purge-check-health.workflow.json down both of its branches, with its Wait
 * lowered from 10 minutes to a few seconds (under 65 s n8n's Wait keeps the execution in
 * process, so `n8n execute` waits it out).
 */
import assert from 'node:assert/strict';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from '../../../dev/engine/package';
import { readWorkflow } from '../../../dev/engine/package';
import { ucdnWorkflow } from '../../../dev/engine/workflows';
import type { RecordedRequest, UcdnSimulator } from '../../../dev/simulator/server';
import { SEED_DOMAINS } from '../../../dev/simulator/server';
import type { TrafficScenario } from '../../../dev/simulator/statistics';
import { withCredential } from '../instance';
import type { Case } from './case';
import { CREDENTIAL, DESCRIBE_REFRESH, items, ran } from './case';

const { static: STATIC, cdn: CDN } = SEED_DOMAINS;
const REQUESTS = 'GetUcdnDomainRequestNumV3';
const CODES = 'GetUcdnDomainHttpCodeV2';
const HIT_RATE = 'GetUcdnDomainHitRate';
const HEALTH_EXAMPLE = 'examples/deploy-purge-check-health.workflow.json';
/** The example's Wait, "Let traffic come in", lowered from 10 minutes to this. */
const WAIT_SECONDS = 3;

/** An hour's start two days ago: a past, so every series is the simulator's fixed curve. */
const T0 = Math.floor(Date.now() / 3_600_000) * 3600 - 2 * 86_400;
/** A time as the editor's date field saves it: the workflow's timezone (UTC here), no zone. */
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', '');
const byName = (value: string) => ({ __rl: true, mode: 'name', value });
const custom = (begin: number, end: number) => ({
	timeRange: 'custom',
	beginTime: iso(begin),
	endTime: iso(end),
});

/** A share in per cent as the node rounds it (two decimals), null without answers. */
const share = (part: number, total: number) =>
	total > 0 ? Math.round((10_000 * part) / total) / 100 : null;

/** The simulator's model of one domain over [from, to): its requests and 5xx (502) answers. */
function model(simulator: UcdnSimulator, domainId: string, from: number, to: number) {
	let requests = 0;
	let errors = 0;
	for (let time = from; time < to; time += 60) {
		const minute = simulator.traffic.minute(domainId, time);
		requests += minute.requests;
		errors += minute.codes['502'] ?? 0;
	}
	return { requests, errors };
}

/** A window's figures (Check Health's Window or Baseline) against the model. */
function checkFigures(simulator: UcdnSimulator, domainId: string, figures: IDataObject) {
	const { requests, errors } = model(
		simulator,
		domainId,
		figures.From as number,
		figures.To as number,
	);
	assert.equal(figures.Requests, requests, 'requests as the simulator counts them');
	assert.equal(figures.Http5xxShare, share(errors, requests), '5xx share of the model');
	assert.equal(figures.MissingPoints, 0);
}

function statistics(parameters: INodeParameters): WorkflowJson {
	return withCredential(
		ucdnWorkflow({ resource: 'statistics', ...parameters }, { typeVersion: 1.2, timezone: 'UTC' }),
		CREDENTIAL,
	);
}

const calls = (requests: RecordedRequest[], action: string) =>
	requests.filter((request) => request.action === action);

/** Adds a scenario to the simulator's traffic; what it returns takes it out again. */
function withScenario(simulator: UcdnSimulator, scenario: TrafficScenario): () => void {
	simulator.traffic.scenarios.push(scenario);
	return () => {
		const { scenarios } = simulator.traffic;
		scenarios.splice(scenarios.indexOf(scenario), 1);
	};
}

/** The health example with its Wait lowered to WAIT_SECONDS. */
function healthExample(): WorkflowJson {
	const workflow = readWorkflow(HEALTH_EXAMPLE);
	const wait = workflow.nodes.find((node) => node.name === 'Let traffic come in');
	assert.deepEqual(wait?.parameters, { amount: 10, unit: 'minutes' }, `${HEALTH_EXAMPLE}'s Wait`);
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node === wait ? { ...node, parameters: { amount: WAIT_SECONDS, unit: 'seconds' } } : node,
		),
	};
}

/** The example's run: one purge, the Wait waited out, then one Check Health item for static. */
function checkHealthExample(requests: RecordedRequest[], run: Parameters<typeof items>[0]) {
	const statistic = calls(requests, REQUESTS);
	assert.equal(statistic.length, 1, 'one Requests call: window and baseline at once');
	const [first] = statistic;
	const lastCheck = calls(requests, DESCRIBE_REFRESH).at(-1);
	assert.ok(first && lastCheck, 'the purge was checked, then the health');
	assert.ok(
		first.at - lastCheck.at >= WAIT_SECONDS * 1000 - 50,
		`waited ${first.at - lastCheck.at} ms after the purge, expected ${WAIT_SECONDS} s`,
	);
	assert.equal(Number(first.params.EndTime) - Number(first.params.BeginTime), 1800);
	const checked = items(run, 'Check health');
	assert.equal(checked.length, 1, 'one item: static.example.com');
	const [item] = checked as [IDataObject];
	assert.equal(item.Domain, STATIC.Domain);
	return item;
}

export const statisticsCases: Case[] = [
	{
		id: 'ucdnE2eStatsPts1',
		title: 'Statistics → Get, Status Codes, One Item per Point',
		workflow: statistics({
			operation: 'get',
			metric: 'statusCodes',
			granularity: 'fiveMinutes',
			domains: byName(STATIC.Domain),
			...custom(T0, T0 + 3600),
		}),
		check: ({ run, requests }, simulator) => {
			const points = items(run, 'UCDN');
			assert.deepEqual(
				points.map((point) => point.Time),
				Array.from({ length: 12 }, (_, n) => T0 + 300 * n),
				'12 five-minute points, in time order, each once',
			);
			for (const point of points) {
				const time = point.Time as number;
				const { requests: total, errors } = model(simulator, STATIC.DomainId, time, time + 300);
				assert.equal(Date.parse(point.TimeIso as string), time * 1000, 'TimeIso');
				assert.deepEqual(
					[point.Total, point.Http5xx, point.Http502, point.Http5xxShare],
					[total, errors, errors, share(errors, total)],
					`the point at ${time} against the model`,
				);
				assert.ok(
					Object.values(point).every((value) => typeof value !== 'object' || value === null),
					'flat fields',
				);
			}
			const [call, ...more] = calls(requests, CODES);
			assert.equal(more.length, 0, 'one call');
			assert.equal(call?.params.Type, '0', '5-minute points');
			assert.equal(call?.params['DomainId.0'], STATIC.DomainId);
		},
	},
	{
		id: 'ucdnE2eStatsSum1',
		title: 'Statistics → Get, Requests, Summary per domain with a missing point',
		workflow: statistics({
			operation: 'get',
			metric: 'requests',
			output: 'summary',
			granularity: 'fiveMinutes',
			domains: byName(`${STATIC.Domain}, ${CDN.Domain}`),
			...custom(T0, T0 + 3600),
			options: { perDomain: true },
		}),
		arrange: (simulator) => {
			const { controls } = simulator.traffic;
			const before = controls.gaps;
			controls.gaps = (time) => time === T0 + 600;
			return () => {
				controls.gaps = before;
			};
		},
		check: ({ run, requests }, simulator) => {
			const summaries = items(run, 'UCDN');
			assert.deepEqual(
				summaries.map((summary) => [summary.Domain, summary.DomainId]),
				[STATIC, CDN].map((domain) => [domain.Domain, domain.DomainId]),
				'one item per domain',
			);
			for (const summary of summaries) {
				const id = summary.DomainId as string;
				const all = model(simulator, id, T0, T0 + 3600).requests;
				const gap = model(simulator, id, T0 + 600, T0 + 900).requests;
				assert.deepEqual(
					[summary.From, summary.To, summary.Granularity, summary.Points, summary.MissingPoints],
					[T0, T0 + 3600, 'fiveMinutes', 11, 1],
				);
				assert.equal(summary.Requests, all - gap, 'requests but the missing point, not as zero');
				assert.equal(Date.parse(summary.FromIso as string), T0 * 1000, 'FromIso');
			}
			// The domains are read at once (SERIES_AT_ONCE): their calls come in either order.
			assert.deepEqual(
				calls(requests, REQUESTS)
					.map((call) => call.params['DomainId.0'])
					.sort(),
				[STATIC.DomainId, CDN.DomainId].sort(),
				'one call per domain',
			);
		},
	},
	{
		id: 'ucdnE2eHealthy01',
		title: 'Statistics → Check Health, healthy',
		workflow: statistics({
			operation: 'checkHealth',
			domains: byName(`${STATIC.Domain}, ${CDN.Domain}`),
			windowEnd: iso(T0),
		}),
		check: ({ run, requests }, simulator) => {
			const judged = items(run, 'UCDN');
			assert.deepEqual(
				judged.map((item) => [item.Domain, item.Healthy]),
				[
					[STATIC.Domain, true],
					[CDN.Domain, true],
				],
			);
			for (const item of judged) {
				const [window, baseline] = [item.Window, item.Baseline] as IDataObject[];
				assert.deepEqual([window?.From, window?.To, window?.Points], [T0 - 900, T0, 15]);
				assert.deepEqual([baseline?.From, baseline?.To], [T0 - 1800, T0 - 900]);
				checkFigures(simulator, item.DomainId as string, window as IDataObject);
				checkFigures(simulator, item.DomainId as string, baseline as IDataObject);
				assert.match(
					(item.Reasons as string[]).join(' '),
					/^Within every limit: 5xx share 0\.\d+ %, request hit rate \d+(\.\d+)? % \(\d+(\.\d+)? % before\)\.$/,
				);
			}
			// One call per metric and domain reads window and baseline, in 1-minute points.
			for (const action of [REQUESTS, CODES, HIT_RATE])
				assert.deepEqual(
					calls(requests, action).map((c) => [c.params.BeginTime, c.params.EndTime, c.params.Type]),
					[STATIC, CDN].map(() => [String(T0 - 1800), String(T0), '3']),
					action,
				);
		},
	},
	{
		id: 'ucdnE2eUnhealth1',
		title: 'Statistics → Check Health, a 5xx spike on one domain',
		workflow: statistics({
			operation: 'checkHealth',
			domains: byName(`${STATIC.Domain}, ${CDN.Domain}`),
			windowEnd: iso(T0),
		}),
		arrange: (simulator) =>
			withScenario(simulator, { from: T0 - 900, domainId: STATIC.DomainId, errorShare: 5 }),
		check: ({ run }, simulator) => {
			const [spiked, steady] = items(run, 'UCDN');
			assert.equal(steady?.Healthy, true, `${CDN.Domain} is healthy`);
			assert.ok(spiked);
			assert.equal(spiked.Healthy, false, `${STATIC.Domain} is unhealthy`);
			const [window, baseline] = [spiked.Window, spiked.Baseline] as IDataObject[];
			checkFigures(simulator, STATIC.DomainId, window as IDataObject);
			checkFigures(simulator, STATIC.DomainId, baseline as IDataObject);
			assert.ok((window?.Http5xxShare as number) >= 4.9, 'the spike is in the window');
			assert.deepEqual(spiked.Reasons, [
				`5xx share rose from ${String(baseline?.Http5xxShare)} % to ${String(window?.Http5xxShare)} % (limit 1 %).`,
			]);
		},
	},
	{
		id: 'ucdnE2eExample04',
		file: HEALTH_EXAMPLE,
		title: `${HEALTH_EXAMPLE}, Wait ${WAIT_SECONDS} s: healthy, the Report`,
		workflow: healthExample(),
		check: ({ run, requests }, simulator) => {
			const item = checkHealthExample(requests, run);
			assert.equal(item.Healthy, true);
			checkFigures(simulator, STATIC.DomainId, item.Window as IDataObject);
			assert.deepEqual(items(run, 'Report'), [
				{
					message: `Deploy done: static.example.com is healthy. ${(item.Reasons as string[]).join(' ')}`,
				},
			]);
			assert.match(String(items(run, 'Report')[0]?.message), / Within every limit: /);
			assert.ok(!ran(run, 'Alert'), 'no alert');
		},
	},
	{
		id: 'ucdnE2eExample05',
		file: HEALTH_EXAMPLE,
		title: `${HEALTH_EXAMPLE}, Wait ${WAIT_SECONDS} s: a 5xx spike since the purge, the Alert`,
		workflow: healthExample(),
		arrange: (simulator) =>
			withScenario(simulator, {
				from: Math.floor(Date.now() / 1000) - 900,
				domainId: STATIC.DomainId,
				errorShare: 6,
			}),
		check: ({ run, requests }, simulator) => {
			const item = checkHealthExample(requests, run);
			assert.equal(item.Healthy, false);
			const window = item.Window as IDataObject;
			checkFigures(simulator, STATIC.DomainId, window);
			assert.ok((window.Http5xxShare as number) > 5, 'the spike is in the window');
			const reasons = item.Reasons as string[];
			assert.match(
				reasons.join(' '),
				/^5xx share rose from \d+(\.\d+)? % to \d+(\.\d+)? % \(limit 1 %\)\.$/,
			);
			assert.deepEqual(items(run, 'Alert'), [
				{ message: `Check the site now: static.example.com. ${reasons.join(' ')}` },
			]);
			assert.ok(!ran(run, 'Report'), 'no report');
		},
	},
];
