import { outputChoices, readOutputSettings } from '../../../../../nodes/shared/output/parameters';
import { ParameterError } from '../../../../../nodes/shared/errors';

const OUTPUT = outputChoices({ task: 'per task', url: 'per URL' });

test('Output and Add Readable Times read as one setting: the zone only when the times are on', () => {
	expect(readOutputSettings(OUTPUT, 'url', true, 'Asia/Tokyo')).toEqual({
		mode: 'url',
		zone: 'Asia/Tokyo',
	});
	expect(readOutputSettings(OUTPUT, 'task', 'false', 'Asia/Tokyo')).toEqual({ mode: 'task' });
});

test('a mode the parameter does not offer, or a non-boolean switch, is bad input', () => {
	expect(() => readOutputSettings(OUTPUT, 'raw', false, 'UTC')).toThrow(ParameterError);
	expect(() => readOutputSettings(OUTPUT, 'url', 'yes', 'UTC')).toThrow(/^Add Readable Times: /);
});
