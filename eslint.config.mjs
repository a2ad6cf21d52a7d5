// The package's own sources are linted exactly as n8n's scanner (@n8n/scan-community-package)
// and `n8n-node lint` lint them: the community-nodes recommended config, no-console, and
// eslint-plugin-n8n-nodes-base's community, credentials and nodes rule sets with the same
// four rules turned off, for the reasons n8n gives. The scanner ignores inline
// eslint-disable comments, so package sources must not rely on them.
// Tests and scripts get typescript-eslint's recommended rules.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const packageFiles = ['package.json', '{nodes,credentials}/**/*.{ts,json}'];

export default tseslint.config(
	{ ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', '.cache/**'] },
	{
		files: ['test/**/*.ts', 'scripts/**/*.ts'],
		extends: [tseslint.configs.recommended],
		// Dropping a field with `{ Field: _dropped, ...rest }` is how the tests build malformed answers.
		rules: { '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }] },
	},
	{ files: ['**/*.ts', '**/*.json'], languageOptions: { parser: tseslint.parser } },
	{ files: packageFiles, ...n8nCommunityNodesPlugin.configs.recommended },
	{ files: packageFiles, rules: { 'no-console': 'error' } },
	{ files: packageFiles, plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Not valid for community nodes: they link a full URL, not a docs.n8n.io slug.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			// Superseded by @n8n/community-nodes/credential-password-field, which is more accurate.
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Inputs and outputs use the NodeConnectionTypes enum, as the community rules require.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			// The API does cap page sizes, so a maxValue is right.
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
);
