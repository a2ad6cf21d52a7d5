import type { Domain } from '../../../../../nodes/shared/domains/matching';
import {
	domainOf,
	hostKey,
	indexDomains,
	domainNameOf,
	isGone,
	notEnabled,
	purgeKind,
	readDomains,
} from '../../../../../nodes/shared/domains/matching';

const domain = (name: string, Status = 'enable', DomainId = `id-${name}`): Domain => ({
	Domain: name,
	DomainId,
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

/** The domain a host belongs to (the first of its name's entries), by name. */
const nameOf = (host: string, index = DOMAINS) => domainOf(host, index)?.domain.Domain;

describe('domainOf', () => {
	test('an exact name wins over the wildcard; any case; a trailing dot is the same name', () => {
		expect(nameOf('static.example.com')).toBe('static.example.com');
		expect(nameOf('STATIC.example.COM.')).toBe('static.example.com');
		expect(nameOf('old.example.org')).toBe('Old.Example.org');
	});

	test('a wildcard covers exactly one label', () => {
		expect(nameOf('a.example.com')).toBe('*.example.com');
		expect(domainOf('a.b.example.com', DOMAINS)).toBeUndefined();
		expect(domainOf('example.com', DOMAINS)).toBeUndefined();
	});

	test('an internationalised name matches in Unicode and in punycode, whichever the list has', () => {
		expect(nameOf('xn--bcher-kva.example')).toBe('bücher.example');
		expect(nameOf('BÜCHER.example')).toBe('bücher.example');
		expect(nameOf('münchen.example')).toBe('xn--mnchen-3ya.example');
		expect(nameOf('a.xn--strae-oqa.example')).toBe('*.Straße.example');
	});

	test('a host that is itself a wildcard, or unknown, belongs to no domain', () => {
		expect(domainOf('*.example.com', DOMAINS)).toBeUndefined();
		expect(domainOf('img.example.net', DOMAINS)).toBeUndefined();
		expect(domainOf('localhost', DOMAINS)).toBeUndefined();
	});
});

describe('a name the list holds more than once (deleted and added again, disabled and replaced)', () => {
	const LISTED = indexDomains([
		domain('static.example.com', 'delete', 'ucdn-static-old'),
		domain('Static.example.com', 'enable', 'ucdn-static-new'),
		domain('cdn.example.com', 'disable', 'ucdn-cdn-old'),
		domain('cdn.example.com', 'enable', 'ucdn-cdn-new'),
		domain('www.example.org', 'delete'),
		domain('img.example.org', 'deleteing'),
		domain('*.example.org'),
		domain('two.example.net', 'disable', 'ucdn-two-a'),
		domain('two.example.net', 'check', 'ucdn-two-b'),
		domain('two.example.net', 'delete', 'ucdn-two-c'),
		domain('gone.example.net', 'delete'),
	]);
	const idOf = (host: string) => domainOf(host, LISTED)?.domain.DomainId;

	test('the enabled entry is that domain, whatever comes before it', () => {
		expect(idOf('static.example.com')).toBe('ucdn-static-new');
		expect(idOf('cdn.example.com')).toBe('ucdn-cdn-new');
		expect(idOf('STATIC.example.com')).toBe('ucdn-static-new');
	});

	test('a deleted or deleting entry accelerates nothing: the wildcard covers its host', () => {
		expect(idOf('www.example.org')).toBe('id-*.example.org');
		expect(idOf('img.example.org')).toBe('id-*.example.org');
	});

	test('no entry enabled: the entries still there come first, the refusal names every status', () => {
		const two = domainOf('two.example.net', LISTED);
		expect(two?.domain.DomainId).toBe('ucdn-two-a');
		expect(two && notEnabled(two)).toBe(
			'two.example.net is listed 3 times, as disable, check and delete: none is enable',
		);
		const gone = domainOf('gone.example.net', LISTED);
		expect(gone && notEnabled(gone)).toBe('gone.example.net is delete, not enable');
		expect(gone && isGone(gone.domain)).toBe(true);
		// The statuses in the order the list gives them, whichever entry is the domain.
		const order = indexDomains([
			domain('x.example.net', 'delete', 'a'),
			domain('x.example.net', 'deleteing', 'b'),
			domain('x.example.net', 'checkFail', 'c'),
		]);
		const x = domainOf('x.example.net', order);
		expect(x?.domain.DomainId).toBe('c');
		expect(x && notEnabled(x)).toBe(
			'x.example.net is listed 3 times, as delete, deleteing and checkFail: none is enable',
		);
	});

	test('an enabled entry needs no words, however many others its name has', () => {
		const listing = domainOf('cdn.example.com', LISTED);
		expect(listing && notEnabled(listing)).toBeUndefined();
	});
});

test('hostKey: lower case, no trailing dot, ASCII; what is not a bare name stays as it is', () => {
	expect(hostKey('Static.Example.COM.')).toBe('static.example.com');
	expect(hostKey('*.Bücher.example')).toBe('*.xn--bcher-kva.example');
	expect(hostKey('a b/c')).toBe('a b/c');
});

test('indexDomains reads each name once, however many hosts are looked up; of two enabled entries of a name the first is kept', () => {
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
	expect(domainOf('d1.example.net', index)?.domain.DomainId).toBe('id-d1.example.net');
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
	const one = (entry: Domain) => ({ domain: entry, entries: [entry] });
	expect(notEnabled(one(domain('a.example.com')))).toBeUndefined();
	expect(notEnabled(one(domain('a.example.com', 'disable')))).toBe(
		'a.example.com is disable, not enable',
	);
	expect(notEnabled(one(domain('a.example.com', '')))).toBe(
		'a.example.com has no Status in the domain list, so it cannot be told to be enable',
	);
});

test('purgeKind: M3U8 counts as a file refresh; prefetch whatever the type', () => {
	expect(purgeKind(false, 'file')).toBe('file');
	expect(purgeKind(false, 'm3u8')).toBe('file');
	expect(purgeKind(false, 'dir')).toBe('dir');
	expect(purgeKind(true, undefined)).toBe('prefetch');
});

test('domainNameOf: a domain name as a URL host spells it; what is none, undefined', () => {
	expect(domainNameOf('Static.Example.com.')).toBe('static.example.com');
	expect(domainNameOf('Bücher.example')).toBe('xn--bcher-kva.example');
	expect(domainNameOf('*.example.com')).toBe('*.example.com');
	expect(domainNameOf('_acme.example.com')).toBe('_acme.example.com');
	for (const name of [
		'*',
		'*example.com',
		'a.*.example.com',
		'0x7f.1',
		'192.0.2.1',
		'x.example.org:8080',
		'example.com/private',
		'localhost',
		'xn--abc.example',
		'a b.example.com',
	])
		expect(domainNameOf(name)).toBeUndefined();
});
