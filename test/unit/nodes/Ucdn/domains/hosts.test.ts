import type { Domain } from '../../../../../nodes/Ucdn/domains/hosts';
import {
	domainOf,
	hostKey,
	indexDomains,
	notEnabled,
	purgeKind,
	readDomains,
} from '../../../../../nodes/Ucdn/domains/hosts';

const domain = (name: string, Status = 'enable'): Domain => ({
	Domain: name,
	DomainId: `id-${name}`,
	Status,
});
const DOMAINS = indexDomains([
	domain('static.example.com'),
	domain('*.example.com'),
	domain('Old.Example.org'),
	domain('bücher.example'),
	domain('xn--mnchen-3ya.example'),
	domain('*.Straße.example'),
]);

describe('domainOf', () => {
	test('an exact name wins over the wildcard; any case; a trailing dot is the same name', () => {
		expect(domainOf('static.example.com', DOMAINS)?.Domain).toBe('static.example.com');
		expect(domainOf('STATIC.example.COM.', DOMAINS)?.Domain).toBe('static.example.com');
		expect(domainOf('old.example.org', DOMAINS)?.Domain).toBe('Old.Example.org');
	});

	test('a wildcard covers exactly one label', () => {
		expect(domainOf('a.example.com', DOMAINS)?.Domain).toBe('*.example.com');
		expect(domainOf('a.b.example.com', DOMAINS)).toBeUndefined();
		expect(domainOf('example.com', DOMAINS)).toBeUndefined();
	});

	test('an internationalised name matches in Unicode and in punycode, whichever the list has', () => {
		expect(domainOf('xn--bcher-kva.example', DOMAINS)?.Domain).toBe('bücher.example');
		expect(domainOf('BÜCHER.example', DOMAINS)?.Domain).toBe('bücher.example');
		expect(domainOf('münchen.example', DOMAINS)?.Domain).toBe('xn--mnchen-3ya.example');
		expect(domainOf('a.xn--strae-oqa.example', DOMAINS)?.Domain).toBe('*.Straße.example');
	});

	test('a host that is itself a wildcard, or unknown, belongs to no domain', () => {
		expect(domainOf('*.example.com', DOMAINS)).toBeUndefined();
		expect(domainOf('img.example.net', DOMAINS)).toBeUndefined();
		expect(domainOf('localhost', DOMAINS)).toBeUndefined();
	});
});

test('hostKey: lower case, no trailing dot, ASCII; what is not a bare name stays as it is', () => {
	expect(hostKey('Static.Example.COM.')).toBe('static.example.com');
	expect(hostKey('*.Bücher.example')).toBe('*.xn--bcher-kva.example');
	expect(hostKey('a b/c')).toBe('a b/c');
});

test('indexDomains reads each name once, however many hosts are looked up; the first of a name is kept', () => {
	let reads = 0;
	const counted = (name: string): Domain =>
		Object.defineProperty({ DomainId: `id-${name}`, Status: 'enable' }, 'Domain', {
			get: () => (reads++, name),
			enumerable: true,
		}) as Domain;
	const index = indexDomains([
		...Array.from({ length: 1000 }, (_, n) => counted(`d${n}.example.net`)),
		domain('D1.example.net'),
	]);
	for (let n = 0; n < 1000; n++) expect(domainOf(`d${n}.example.net`, index)).toBeDefined();
	expect(reads).toBe(1000);
	expect(domainOf('d1.example.net', index)?.DomainId).toBe('id-d1.example.net');
	expect(index.byId.get('id-D1.example.net')?.Domain).toBe('D1.example.net');
});

test('readDomains keeps the entries with a name and an ID, every field kept', () => {
	const full = { ...domain('a.example.com'), Cname: 'x.ucloud.com.cn', Extra: { deep: 1 } };
	expect(
		readDomains([
			full,
			{ Domain: '', DomainId: 'x' },
			{ Domain: 'b.example.com' },
			{ DomainId: 'y' },
		]),
	).toEqual([full]);
});

test('readDomains reads a DomainId sent as a number as text, and a Status that is not text as none', () => {
	expect(
		readDomains([
			{ Domain: 'a.example.com', DomainId: 12345, Status: 'enable' },
			{ Domain: 'b.example.com', DomainId: 'ucdn-b' },
		]),
	).toEqual([
		{ Domain: 'a.example.com', DomainId: '12345', Status: 'enable' },
		{ Domain: 'b.example.com', DomainId: 'ucdn-b', Status: '' },
	]);
});

test('readDomains drops an entry that quotes a secret, in any field the errors quote', () => {
	const key = 'TEST-PRIVATE-KEY-hosts';
	expect(
		readDomains(
			[
				{ Domain: 'a.example.com', DomainId: 'a', Status: `echo ${key}` },
				{ Domain: `${key}.example.com`, DomainId: 'b', Status: 'enable' },
				{ Domain: 'c.example.com', DomainId: 'c', Status: 'enable' },
			],
			[key],
		).map((d) => d.DomainId),
	).toEqual(['c']);
});

test('notEnabled: why a domain cannot be purged, also when the list gives no Status', () => {
	expect(notEnabled(domain('a.example.com'))).toBeUndefined();
	expect(notEnabled(domain('a.example.com', 'disable'))).toBe(
		'a.example.com is disable, not enable',
	);
	expect(notEnabled(domain('a.example.com', ''))).toBe(
		'a.example.com has no Status in the domain list, so it cannot be told to be enable',
	);
});

test('purgeKind: M3U8 counts as a file refresh; prefetch whatever the type', () => {
	expect(purgeKind(false, 'file')).toBe('file');
	expect(purgeKind(false, 'm3u8')).toBe('file');
	expect(purgeKind(false, 'dir')).toBe('dir');
	expect(purgeKind(true, undefined)).toBe('prefetch');
});
