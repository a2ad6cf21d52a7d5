import { projectResults } from '../../../../../nodes/shared/editor/projectList';

describe('projectResults', () => {
	const set = [
		{ ProjectId: 'org-b', ProjectName: 'Beta', IsDefault: false },
		{ ProjectId: 'org-a', ProjectName: 'Alpha', IsDefault: true },
		{ ProjectId: 'org-c', ProjectName: 'Gamma', IsDefault: 'true' },
	];

	test('the default project first and marked, the others in the API’s order', () => {
		expect(projectResults(set)).toEqual([
			{ name: 'Alpha (org-a), the default project', value: 'org-a' },
			{ name: 'Beta (org-b)', value: 'org-b' },
			{ name: 'Gamma (org-c)', value: 'org-c' },
		]);
	});

	test.each<[string, string[]]>([
		['alp', ['org-a']],
		['ORG-C', ['org-c']],
		[' beta ', ['org-b']],
		['a', ['org-a', 'org-b', 'org-c']],
		['default', []],
	])('search text %j matches the name or the ID, not the mark', (filter, ids) => {
		expect(projectResults(set, filter).map((item) => item.value)).toEqual(ids);
	});

	test('tolerates an answer without projects, and skips projects without an ID', () => {
		expect(projectResults(undefined)).toEqual([]);
		expect(projectResults({ ProjectId: 'org-a' })).toEqual([]);
		expect(projectResults([{ ProjectName: 'No ID' }, { ProjectId: 'org-x' }])).toEqual([
			{ name: 'org-x', value: 'org-x' },
		]);
	});

	test('skips entries that are no objects, and IDs that are no text; a name that is no text is left out', () => {
		const answer = [
			null,
			'org-text',
			['org-list'],
			{ ProjectId: { id: 'org-object' }, ProjectName: 'Object ID' },
			{ ProjectId: ['org-list'], ProjectName: 'List ID' },
			{ ProjectId: true, ProjectName: 'Boolean ID' },
			{ ProjectId: '   ', ProjectName: 'Blank ID' },
			{ ProjectId: 'org-x', ProjectName: { en: 'X' } },
			{ ProjectId: ' org-y ', ProjectName: null },
		];
		expect(projectResults(answer)).toEqual([
			{ name: 'org-x', value: 'org-x' },
			{ name: 'org-y', value: 'org-y' },
		]);
	});
});
