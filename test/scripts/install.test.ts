/**
 * The environment of the nested npm and n8n (scripts/n8n/install.ts): what `npm run` exports
 * is left out, the machine's own npm settings stay.
 */
import { cleanEnv } from '../../scripts/n8n/install';

const SET = {
	npm_config_ignore_scripts: 'true',
	npm_package_name: 'n8n-nodes-ucdn',
	npm_lifecycle_event: 'test:n8n',
	INIT_CWD: '/somewhere',
	NODE_OPTIONS: '--max-old-space-size=64',
	NPM_CONFIG_CAFILE: '/etc/ssl/certs/proxy-ca.pem',
	NPM_CONFIG_USERCONFIG: '/tmp/actions.npmrc',
	HTTPS_PROXY: 'http://proxy.example.invalid:3128',
};
const saved = { ...process.env };
beforeEach(() => Object.assign(process.env, SET));
afterEach(() => {
	for (const name of Object.keys(SET)) delete process.env[name];
	Object.assign(process.env, saved);
});

test('what npm run exports (lower case) and the caller’s Node options are left out', () => {
	const env = cleanEnv();
	for (const name of [
		'npm_config_ignore_scripts',
		'npm_package_name',
		'npm_lifecycle_event',
		'INIT_CWD',
		'NODE_OPTIONS',
	])
		expect(env).not.toHaveProperty(name);
});

test('the machine’s npm settings set in upper case, and the rest of the environment, stay', () => {
	expect(cleanEnv({ EXTRA: '1' })).toMatchObject({
		NPM_CONFIG_CAFILE: SET.NPM_CONFIG_CAFILE,
		NPM_CONFIG_USERCONFIG: SET.NPM_CONFIG_USERCONFIG,
		HTTPS_PROXY: SET.HTTPS_PROXY,
		EXTRA: '1',
	});
});
