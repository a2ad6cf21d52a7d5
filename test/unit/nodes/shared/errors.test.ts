import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	ParameterError,
	asNodeError,
	showControlCharacters,
	withNotes,
} from '../../../../nodes/shared/errors';
import { UCDN_NODE as node } from '../../fixtures';

describe('ParameterError', () => {
	test('names the parameter and shows control characters as \\uXXXX', () => {
		const error = new ParameterError('Task IDs', 'entry "a\u0001b\u001b\u007f\u0085" is bad');
		expect(error.parameter).toBe('Task IDs');
		expect(error.message).toBe('Task IDs: entry "a\\u0001b\\u001b\\u007f\\u0085" is bad');
	});

	test('leaves other text alone', () => {
		expect(showControlCharacters('漢字 é\ttab')).toBe('漢字 é\\u0009tab');
	});
});

describe('asNodeError', () => {
	test('bad input is worded for its parameter and item', () => {
		const error = asNodeError(node, new ParameterError('Limit', 'must be 1 or more'), 2);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Limit: must be 1 or more');
		expect(error.context).toMatchObject({ itemIndex: 2, field: 'Limit' });
	});

	test('n8n’s own errors stay the same objects, with the item index they lacked', () => {
		const api = new NodeApiError(node, {}, { message: 'HTTP 500' });
		expect(asNodeError(node, api, 3)).toBe(api);
		expect(api.context.itemIndex).toBe(3);
		const made = new NodeOperationError(node, 'x', { itemIndex: 1 });
		expect(asNodeError(node, made, 3).context.itemIndex).toBe(1);
	});

	test('anything else is wrapped, keeping its message', () => {
		const error = asNodeError(node, new TypeError('boom'), 0);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('boom');
		expect(asNodeError(node, 'text', 0).message).toBe('text');
	});
});

describe('withNotes', () => {
	test('notes follow the description, one sentence after another', () => {
		expect(withNotes('No answer within 30 s.', 'Failed 3 times in a row.', 'Check it.')).toBe(
			'No answer within 30 s. Failed 3 times in a row. Check it.',
		);
	});

	test('without notes, the description stays as it is', () => {
		expect(withNotes('Response: (empty)')).toBe('Response: (empty)');
	});

	test('an empty or missing description, or an empty note, is left out', () => {
		expect(withNotes(undefined, 'A note.')).toBe('A note.');
		expect(withNotes(null, 'A note.', 'Another.')).toBe('A note. Another.');
		expect(withNotes('', 'A note.')).toBe('A note.');
		expect(withNotes('Text.', '', 'A note.')).toBe('Text. A note.');
		expect(withNotes(undefined)).toBe('');
	});
});
