import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CreatedTasks } from '../../../../../nodes/Ucdn/actions/createdTasks';
import { UCDN_NODE as node } from '../../../fixtures';

describe('CreatedTasks', () => {
	test('an error after tasks were created names every one, in the description and the context', () => {
		const created = new CreatedTasks(false);
		created.record('t1');
		created.record('t2');
		const error = created.annotate(
			new NodeApiError(node, {}, { message: 'failed', description: 'HTTP 500' }),
		);
		expect(error.message).toBe('failed');
		expect(error.description).toMatch(
			/^HTTP 500 Already submitted in this execution: t1, t2\. These tasks exist at the CDN/,
		);
		expect(error.context.createdTaskIds).toEqual(['t1', 't2']);
	});

	test('no task created, no Retry On Fail: the error as it was', () => {
		const error = new NodeOperationError(node, 'failed', { description: 'why' });
		expect(new CreatedTasks(false).annotate(error)).toBe(error);
		expect(error.description).toBe('why');
		expect(error.context.createdTaskIds).toBeUndefined();
	});

	test('with Retry On Fail, other tries’ tasks cannot be named: it says so, even before a task', () => {
		const error = new CreatedTasks(true).annotate(new NodeOperationError(node, 'failed'));
		expect(error.description).toMatch(/^n8n's Retry On Fail is on for this node/);
	});
});
