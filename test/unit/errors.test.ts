import { withNotes } from '../../nodes/shared/helpers/errors';

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
