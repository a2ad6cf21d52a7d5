/**
 * `test:n8n`'s cases (scripts/n8n/e2e/) without real n8n: a new example without its case fails
 * here, in `npm test`, before `test:n8n` refuses to start.
 */
import { cases, examplesWithoutCase } from '../../scripts/n8n/e2e/index';

test('every file of examples/ has its case (the trigger example its own run)', () => {
	expect(examplesWithoutCase()).toEqual([]);
});

test('each case is imported under its own id, 16 characters as n8n’s own ids', () => {
	const ids = cases.map((testCase) => testCase.id);
	expect(new Set(ids).size).toBe(ids.length);
	for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{16}$/);
});
