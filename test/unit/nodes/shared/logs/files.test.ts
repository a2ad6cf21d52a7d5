import { fileNameOf, fileWords } from '../../../../../nodes/shared/logs/download';
import { filesOf } from '../../../../../nodes/shared/logs/files';

test('filesOf: each link of each LogUrl, split at ;, odd entries left out', () => {
	expect(
		filesOf({
			DomainLogSet: [
				{
					Domain: 'a.example.com',
					LogList: [
						{ LogTime: 300, LogUrl: 'https://l/1.gz; https://l/2.gz;' },
						{ LogTime: 'x', LogUrl: 'https://l/3.gz' },
						'junk',
					],
				},
				{ Domain: 7, LogList: [{ LogTime: 600, LogUrl: 'https://l/4.gz' }] },
				{ Domain: 'b.example.com', LogList: [{ LogTime: '600', LogUrl: 'https://l/5.gz' }] },
			],
		}),
	).toEqual([
		{ Domain: 'a.example.com', LogTime: 300, Url: 'https://l/1.gz' },
		{ Domain: 'a.example.com', LogTime: 300, Url: 'https://l/2.gz' },
		{ Domain: 'b.example.com', LogTime: 600, Url: 'https://l/5.gz' },
	]);
	expect(filesOf({})).toEqual([]);
});

test('a file’s name is the link’s, else <domain>_<time>.log.gz; an error names domain, time and host, never the query', () => {
	const file = {
		Domain: 'a.example.com',
		LogTime: 1_800_000_000,
		Url: 'https://logs.example.net:8443/x/a.example.com_1.log.gz?Signature=abc',
	};
	expect(fileNameOf(file)).toBe('a.example.com_1.log.gz');
	expect(fileNameOf({ ...file, Url: 'https://logs.example.net/download?id=1' })).toBe(
		'a.example.com_1800000000.log.gz',
	);
	expect(fileWords(file)).toBe(
		'the log file of a.example.com at 2027-01-15T08:00:00.000Z from logs.example.net:8443',
	);
	expect(fileWords(file)).not.toContain('Signature');
});

test('a link whose name is no plain file name (a bad escape, a control character, an escaped / or \\) gives <domain>_<time>.log.gz', () => {
	const file = { Domain: 'a.example.com', LogTime: 1_800_000_000, Url: '' };
	const named = (path: string) => fileNameOf({ ...file, Url: `https://l.example.net${path}?s=1` });
	expect(named('/x/a%20b.log.gz')).toBe('a b.log.gz');
	for (const path of [
		'/x/a%E0%A4%A.log.gz',
		'/x/..%2F..%2Fetc%2Fcron.gz',
		'/x/..%5Cboot.ini.gz',
		'/x/a%00.gz',
	])
		expect(named(path)).toBe('a.example.com_1800000000.log.gz');
});
