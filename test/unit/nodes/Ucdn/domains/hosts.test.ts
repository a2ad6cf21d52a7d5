import type { Domain } from '../../../../../nodes/Ucdn/domains/hosts';
import { domainOf, purgeKind, readDomains } from '../../../../../nodes/Ucdn/domains/hosts';

const domain = (name: string, Status = 'enable'): Domain => ({
	Domain: name,
	DomainId: `id-${name}`,
	Status,
});
const DOMAINS = [domain('static.example.com'), domain('*.example.com'), domain('Old.Example.org')];

describe('domainOf', () => {
	test('an exact name wins over the wildcard; any case; a trailing dot is another name', () => {
		expect(domainOf('static.example.com', DOMAINS)?.Domain).toBe('static.example.com');
		expect(domainOf('STATIC.example.COM', DOMAINS)?.Domain).toBe('static.example.com');
		expect(domainOf('static.example.com.', DOMAINS)).toBeUndefined();
		expect(domainOf('old.example.org', DOMAINS)?.Domain).toBe('Old.Example.org');
	});

	test('a wildcard covers exactly one label', () => {
		expect(domainOf('a.example.com', DOMAINS)?.Domain).toBe('*.example.com');
		expect(domainOf('a.b.example.com', DOMAINS)).toBeUndefined();
		expect(domainOf('example.com', DOMAINS)).toBeUndefined();
	});

	test('a host that is itself a wildcard, or unknown, belongs to no domain', () => {
		expect(domainOf('*.example.com', DOMAINS)).toBeUndefined();
		expect(domainOf('img.example.net', DOMAINS)).toBeUndefined();
		expect(domainOf('localhost', DOMAINS)).toBeUndefined();
	});
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

test('purgeKind: M3U8 counts as a file refresh; prefetch whatever the type', () => {
	expect(purgeKind(false, 'file')).toBe('file');
	expect(purgeKind(false, 'm3u8')).toBe('file');
	expect(purgeKind(false, 'dir')).toBe('dir');
	expect(purgeKind(true, undefined)).toBe('prefetch');
});
