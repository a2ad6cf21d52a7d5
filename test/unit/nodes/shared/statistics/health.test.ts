import type { Figures, HealthRules } from '../../../../../nodes/shared/statistics/health';
import { judge } from '../../../../../nodes/shared/statistics/health';

const RULES: HealthRules = {
	maxErrorShare: 1,
	maxErrorRise: 0.5,
	maxHitRateDrop: 10,
	minRequests: 100,
};
const figures = (over: Partial<Figures> = {}): Figures => ({
	From: 0,
	To: 900,
	Requests: 10_000,
	Http4xxShare: 1,
	Http5xxShare: 0.2,
	RequestHitRate: 95,
	FlowHitRate: 90,
	Points: 15,
	MissingPoints: 0,
	...over,
});

test('within every limit: healthy, the figures in one sentence', () => {
	expect(judge(figures(), figures({ RequestHitRate: 94 }), RULES)).toEqual({
		healthy: true,
		reasons: ['Within every limit: 5xx share 0.2 %, request hit rate 95 % (94 % before).'],
	});
});

test('5xx share over its limit: one sentence, from the baseline’s share when there is one', () => {
	expect(judge(figures({ Http5xxShare: 4.1 }), figures(), RULES).reasons).toEqual([
		'5xx share rose from 0.2 % to 4.1 % (limit 1 %).',
	]);
	expect(judge(figures({ Http5xxShare: 4.1 }), figures({ Requests: 5 }), RULES).reasons).toEqual([
		'5xx share is 4.1 % (limit 1 %).',
	]);
});

test('a rise over its limit while under the share limit; a hit-rate drop', () => {
	expect(judge(figures({ Http5xxShare: 0.9 }), figures({ Http5xxShare: 0.1 }), RULES)).toEqual({
		healthy: false,
		reasons: ['5xx share rose by 0.8 points, from 0.1 % to 0.9 % (limit 0.5 points).'],
	});
	expect(judge(figures({ RequestHitRate: 70 }), figures(), RULES).reasons).toEqual([
		'Request hit rate fell from 95 % to 70 % (limit 10 points).',
	]);
});

test('too few points or requests: not judged; a baseline that cannot be compared is said so', () => {
	expect(judge(figures({ Points: 7, MissingPoints: 8 }), figures(), RULES)).toEqual({
		healthy: null,
		reasons: [
			'The window: only 7 of 15 points are reported yet: CDN statistics arrive minutes late.',
		],
	});
	expect(judge(figures({ Requests: 99 }), figures(), RULES).healthy).toBeNull();
	expect(judge(figures(), figures({ Requests: 0 }), RULES).reasons[0]).toMatch(
		/The baseline is not compared: too little traffic to judge: 0 requests \(at least 100\)\.$/,
	);
});
