import {
	certificateItem,
	daysLeft,
	endTime,
} from '../../../../../nodes/shared/certificates/certificates';

const DAY = 86_400;
const NOW = 1_800_000_000;

test('daysLeft: whole days, rounded down; negative once ended', () => {
	expect(
		[DAY * 3, DAY * 3 - 1, 1, 0, -1, -DAY, -DAY - 1].map((s) => daysLeft(NOW + s, NOW)),
	).toEqual([3, 2, 0, 0, -1, -1, -2]);
});

test('certificateItem: fields in order, ISO times, DaysLeft and Expired after EndTime, unknown fields kept, PEM only when asked', () => {
	const certificate = {
		Extra: 'kept',
		UserCert: 'PEM',
		EndTime: NOW + 10 * DAY,
		CertName: 'a',
		BeginTime: NOW - DAY,
		Domains: ['a.example.com'],
	};
	const iso = (value: unknown) => `iso:${String(value)}`;
	expect(Object.entries(certificateItem(certificate, NOW, { iso, withText: false }))).toEqual([
		['CertName', 'a'],
		['Domains', ['a.example.com']],
		['BeginTime', NOW - DAY],
		['BeginTimeIso', `iso:${NOW - DAY}`],
		['EndTime', NOW + 10 * DAY],
		['EndTimeIso', `iso:${NOW + 10 * DAY}`],
		['DaysLeft', 10],
		['Expired', false],
		['Extra', 'kept'],
	]);
	expect(certificateItem(certificate, NOW, { withText: true }).UserCert).toBe('PEM');
	expect(certificateItem({ CertName: 'b', EndTime: 'soon' }, NOW, { withText: false })).toEqual({
		CertName: 'b',
		EndTime: 'soon',
		DaysLeft: null,
		Expired: null,
	});
});

test('certificateItem: a certificate without EndTime still has DaysLeft and Expired, null', () => {
	expect(certificateItem({ CertName: 'c', Extra: 1 }, NOW, { withText: false })).toEqual({
		CertName: 'c',
		DaysLeft: null,
		Expired: null,
		Extra: 1,
	});
	expect(
		Object.keys(certificateItem({ CertName: 'c', Extra: 1 }, NOW, { withText: false })),
	).toEqual(['CertName', 'DaysLeft', 'Expired', 'Extra']);
});

test('endTime: Unix seconds (2000 to 9999) as a number or a numeric string; nothing else counts', () => {
	expect(
		[NOW, String(NOW), 0, NOW * 1000, null, '', ' ', 'soon', undefined, Infinity, true, [NOW]].map(
			(EndTime) => endTime({ EndTime } as never),
		),
	).toEqual([
		NOW,
		NOW,
		undefined,
		undefined,
		undefined,
		undefined,
		undefined,
		undefined,
		undefined,
		undefined,
		undefined,
		undefined,
	]);
});
