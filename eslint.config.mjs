// The package's own sources (nodes/, credentials/, package.json) are linted with the ESLint
// config that n8n's `@n8n/node-cli` ships (what `n8n-node lint` runs: ESLint's and
// typescript-eslint's recommended rules, import-x, n8n's community-node rules for n8n Cloud and
// eslint-plugin-n8n-nodes-base), plus our stricter rules below. `npm run lint:n8n-node` also runs
// `n8n-node lint` itself, in strict mode, on a copy of the sources (see scripts/lint-n8n-node.mjs).
// Tests, scripts and the developer tools in dev/ may use Node's globals and modules, so they get typescript-eslint's
// recommended rules instead of the community-node restrictions.
import { config as n8nNodeConfig } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

const sources = ['nodes/**/*.ts', 'credentials/**/*.ts'];

/** node-cli's blocks for every `.ts` file, narrowed to the package's own sources. */
const packageConfig = n8nNodeConfig.map((block) =>
	block.files?.includes('**/*.ts') ? { ...block, files: sources } : block,
);

export default tseslint.config(
	{ ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', '.cache/**'] },
	...packageConfig,
	{
		// Stricter than node-cli: the scanner ignores inline eslint-disable comments, so none may be
		// relied on, and every import must be used as a type or a value as declared.
		files: sources,
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' },
		rules: {
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/no-explicit-any': 'error',
			eqeqeq: 'error',
		},
	},
	{
		files: ['dev/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
		extends: [tseslint.configs.recommended],
		languageOptions: { parser: tseslint.parser },
		// Dropping a field with `{ Field: _dropped, ...rest }` is how the tests build malformed answers.
		rules: { '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }] },
	},
);
