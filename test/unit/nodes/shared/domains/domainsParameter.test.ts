import type { Domain } from '../../../../../nodes/shared/domains/matching';
import { indexDomains } from '../../../../../nodes/shared/domains/matching';
import {
	readDomainRefs,
	resolveDomains,
} from '../../../../../nodes/shared/domains/domainsParameter';

const DOMAINS: Domain[] = [
	{ Domain: 'static.example.com', DomainId: 'ucdn-1', Status: 'enable' },
	{ Domain: 'old.example.org', DomainId: 'ucdn-2', Status: 'disable' },
	{ Domain: 'xn--bcher-kva.example', DomainId: 'ucdn-3', Status: 'enable' },
];
const INDEX = indexDomains(DOMAINS);

describe('readDomainRefs', () => {
	test('From List and By ID name DomainIds; By Name names domains, in lower case', () => {
		expect(readDomainRefs({ __rl: true, mode: 'list', value: 'ucdn-1' })).toEqual({
			by: 'DomainId',
			values: ['ucdn-1'],
		});
		expect(readDomainRefs({ mode: 'id', value: 'ucdn-1, ucdn-2\nucdn-1' })).toEqual({
			by: 'DomainId',
			values: ['ucdn-1', 'ucdn-2'],
		});
		expect(
			readDomainRefs({ mode: 'name', value: ['Static.Example.com', ['old.example.org']] }),
		).toEqual({
			by: 'Domain',
			values: ['static.example.com', 'old.example.org'],
		});
		expect(readDomainRefs({ mode: 'name', value: 'Bücher.example' }).values).toEqual([
			'xn--bcher-kva.example',
		]);
	});

	test('a name given twice in other spellings is one domain', () => {
		expect(
			readDomainRefs({ mode: 'name', value: 'a.example.com, A.example.com\na.example.com.' }),
		).toEqual({ by: 'Domain', values: ['a.example.com'] });
	});

	test('a name that is no domain name is bad input, whatever the list holds', () => {
		for (const name of ['*', 'x.example.org:8080', '0x7f.1'])
			expect(() => readDomainRefs({ mode: 'name', value: name })).toThrow(
				`Domains: "${name}" is not a domain name`,
			);
	});

	test('a plain value (no locator) is read as names; nothing given is bad input', () => {
		expect(readDomainRefs('static.example.com')).toEqual({
			by: 'Domain',
			values: ['static.example.com'],
		});
		expect(() => readDomainRefs({ mode: 'list', value: '' })).toThrow('Domains: no domain given');
		expect(() => readDomainRefs({ mode: 'name', value: { Domain: 'x' } })).toThrow(
			/Domains: expected text or a list/,
		);
	});
});

describe('resolveDomains', () => {
	test('finds each named domain, in the order given', () => {
		expect(
			resolveDomains(
				{ by: 'Domain', values: ['old.example.org', 'static.example.com'] },
				INDEX,
				'project org-a',
			),
		).toEqual([DOMAINS[1], DOMAINS[0]]);
		expect(resolveDomains({ by: 'DomainId', values: ['ucdn-1'] }, INDEX, 'project org-a')).toEqual([
			DOMAINS[0],
		]);
	});

	test('a name in Unicode finds the domain the list has in punycode, a trailing dot or not', () => {
		expect(
			resolveDomains(
				{ by: 'Domain', values: ['bücher.example', 'static.example.com.'] },
				INDEX,
				'project org-a',
			),
		).toEqual([DOMAINS[2], DOMAINS[0]]);
	});

	test('one the project does not have is bad input naming it and the project', () => {
		expect(() =>
			resolveDomains({ by: 'Domain', values: ['www.example.net'] }, INDEX, 'project org-a'),
		).toThrow(
			'Domains: www.example.net is not an accelerated domain of this account (project org-a)',
		);
		expect(() =>
			resolveDomains({ by: 'DomainId', values: ['ucdn-9'] }, INDEX, 'project org-a'),
		).toThrow(
			'Domains: no domain has the ID ucdn-9 among the accelerated domains of this account (project org-a)',
		);
	});
});

describe('a name listed more than once', () => {
	const REPLACED = indexDomains([
		{ Domain: 'static.example.com', DomainId: 'ucdn-old', Status: 'delete' },
		{ Domain: 'static.example.com', DomainId: 'ucdn-new', Status: 'enable' },
		{ Domain: 'www.example.org', DomainId: 'ucdn-www', Status: 'delete' },
	]);

	test('By Name finds the live entry, or the wildcard covering a name with none; By ID the entry of that ID', () => {
		const find = (by: 'Domain' | 'DomainId', value: string, index = REPLACED) =>
			resolveDomains({ by, values: [value] }, index, 'project org-a').map((d) => d.DomainId);
		expect(find('Domain', 'static.example.com')).toEqual(['ucdn-new']);
		expect(find('DomainId', 'ucdn-old')).toEqual(['ucdn-old']);
		// Only deleted entries, no wildcard: that is still the domain of the name, which the check refuses.
		expect(find('Domain', 'www.example.org')).toEqual(['ucdn-www']);
		const covered = indexDomains([
			{ Domain: 'www.example.org', DomainId: 'ucdn-www', Status: 'delete' },
			{ Domain: '*.example.org', DomainId: 'ucdn-wild', Status: 'enable' },
		]);
		expect(find('Domain', 'www.example.org', covered)).toEqual(['ucdn-wild']);
		expect(find('Domain', 'img.example.org', covered)).toEqual(['ucdn-wild']);
		expect(find('Domain', '*.example.org', covered)).toEqual(['ucdn-wild']);
	});

	test('a refusal adds the hint of how the domain was named', () => {
		const hints = { byName: 'by name hint', byId: 'by ID hint' };
		expect(() =>
			resolveDomains({ by: 'Domain', values: ['x.example.net'] }, REPLACED, 'p', hints),
		).toThrow(
			'Domains: x.example.net is not an accelerated domain of this account (p); by name hint',
		);
		expect(() =>
			resolveDomains({ by: 'DomainId', values: ['ucdn-9'] }, REPLACED, 'p', hints),
		).toThrow('among the accelerated domains of this account (p); by ID hint');
	});
});
