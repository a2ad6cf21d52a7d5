import type { Domain } from '../../../../../nodes/shared/domains/matching';
import { indexDomains } from '../../../../../nodes/shared/domains/matching';
import { domainResults } from '../../../../../nodes/shared/editor/domainList';

const INDEX = indexDomains([
	{ Domain: 'static.example.com', DomainId: 'ucdn-1', Status: 'enable' },
	{ Domain: 'old.example.org', DomainId: 'ucdn-2', Status: 'disable' },
	{ Domain: 'xn--bcher-kva.example', DomainId: 'ucdn-3', Status: 'enable' },
] satisfies Domain[]);
const REPLACED = indexDomains([
	{ Domain: 'static.example.com', DomainId: 'ucdn-old', Status: 'delete' },
	{ Domain: 'static.example.com', DomainId: 'ucdn-new', Status: 'enable' },
	{ Domain: 'www.example.org', DomainId: 'ucdn-www', Status: 'delete' },
]);

test('the list shows each name once: the entry By Name would find, also when the filter matches another entry', () => {
	expect(domainResults(REPLACED).results).toEqual([
		{ name: 'static.example.com (enable)', value: 'ucdn-new' },
		{ name: 'www.example.org (delete)', value: 'ucdn-www' },
	]);
	expect(domainResults(REPLACED, 'ucdn-old').results).toEqual([
		{ name: 'static.example.com (enable)', value: 'ucdn-new' },
	]);
});

test('domainResults: name and status, filtered by name or ID in any case', () => {
	expect(domainResults(INDEX).results).toEqual([
		{ name: 'static.example.com (enable)', value: 'ucdn-1' },
		{ name: 'old.example.org (disable)', value: 'ucdn-2' },
		{ name: 'xn--bcher-kva.example (enable)', value: 'ucdn-3' },
	]);
	expect(domainResults(INDEX, ' OLD ').results).toEqual([
		{ name: 'old.example.org (disable)', value: 'ucdn-2' },
	]);
	expect(domainResults(INDEX, 'ucdn-1').results).toHaveLength(1);
	const none = indexDomains([{ Domain: 'a.example.com', DomainId: 'x', Status: '' }]);
	expect(domainResults(none).results).toEqual([{ name: 'a.example.com (no status)', value: 'x' }]);
});
