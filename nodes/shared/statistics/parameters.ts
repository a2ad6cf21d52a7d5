import type { INodeProperties } from 'n8n-workflow';

import type { Choices, Switch } from '../parameters/facts';
import { booleanProperty, optionsProperty, readChoice, readSwitch } from '../parameters/facts';
import type { CommonOptions } from '../parameters/options';
import { readScope } from '../parameters/options';
import type { SeriesQuery } from './read';

export const PER_DOMAIN: Switch = { displayName: 'Per Domain', name: 'perDomain', default: false };

export const AREA: Choices<'all' | 'cn' | 'abroad'> = {
	displayName: 'Area',
	name: 'area',
	options: [
		{ name: 'All', value: 'all' },
		{ name: 'Mainland China', value: 'cn' },
		{ name: 'Outside Mainland China', value: 'abroad' },
	],
	default: 'all',
};

export const PROTOCOL: Choices<'all' | 'http' | 'https' | 'quic' | 'websocket'> = {
	displayName: 'Protocol',
	name: 'protocol',
	options: [
		{ name: 'All', value: 'all' },
		{ name: 'HTTP', value: 'http' },
		{ name: 'HTTPS', value: 'https' },
		{ name: 'QUIC', value: 'quic' },
		{ name: 'WebSocket', value: 'websocket' },
	],
	default: 'all',
};

/** Per Domain, with its default (`perDomain`: on for Check Health) and what it does there. */
export const perDomainProperty = (description: string, perDomain = PER_DOMAIN.default) =>
	booleanProperty({ ...PER_DOMAIN, default: perDomain }, { description });

/** Area, and Protocol where `protocolShown` (the metrics whose actions take one). */
export function areaProperties(protocolShown?: Record<string, string[]>): INodeProperties[] {
	return [
		optionsProperty(AREA, { description: 'Where the visitors were' }),
		...(protocolShown
			? [
					optionsProperty(PROTOCOL, {
						description: 'Only requests over this protocol',
						displayOptions: { show: protocolShown },
					}),
				]
			: []),
	];
}

export interface StatisticsOptions extends CommonOptions {
	perDomain?: unknown;
	area?: unknown;
	protocol?: unknown;
}

/** What every call of an item's series sends, and whether it reads one series per domain. */
export function readStatisticsOptions(
	options: StatisticsOptions,
	perDomainDefault = PER_DOMAIN.default,
): SeriesQuery & { perDomain: boolean } {
	const area = readChoice(options.area ?? AREA.default, AREA);
	const protocol = readChoice(options.protocol ?? PROTOCOL.default, PROTOCOL);
	return {
		scope: readScope(options),
		area: area === 'all' ? undefined : area,
		protocols: protocol === 'all' ? [] : [protocol],
		perDomain: readSwitch(options.perDomain ?? perDomainDefault, PER_DOMAIN),
	};
}
