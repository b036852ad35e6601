import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

const features = readdirSync(new URL('./src/features', import.meta.url));
const sharedMessage = 'Shared code is used by features, never the other way round.';
const appLayerPatterns = [
  { group: ['@/app/*'], message: 'Shared code and features do not import the app shell.' },
  {
    group: ['@server/*', '@mocks/*', '../../mocks/*', 'msw', 'msw/*'],
    message: 'The app never imports the server or the mocks.',
  },
];

export default tseslint.config(
  {
    ignores: ['dist', 'data', 'coverage', 'node_modules', 'mocks/public', 'bench/results', '.tmp'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/component/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
    },
  },
  {
    // The domain is shared by the browser, the server and the mocks: it must not reach into any of them.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'node:*', '@/*', '@server/*', '@mocks/*', 'msw', 'msw/*'],
              message: 'src/domain is pure TypeScript shared by every runtime.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every string of the contract goes through text(), which refuses what PostgreSQL cannot store.
    files: ['src/domain/contract/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name='z'][callee.property.name=/^(string|email|url)$/]",
          message: 'Build strings with text(), emailText() or urlText() from ./common.',
        },
      ],
    },
  },
  {
    // The API runs in Node and, behind MSW, in the browser: only server/node may use Node itself.
    files: ['server/**/*.ts'],
    ignores: ['server/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'argon2', 'pg', '@hono/node-server', './node/*', '../node/*'],
              message: 'Runtime-specific code lives in server/node and reaches the API as a port.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The API also runs in the browser: take it as an option.' },
        { name: 'Buffer', message: 'Use Uint8Array: the API also runs in the browser.' },
      ],
    },
  },
  {
    // Only the typed client talks HTTP; screens go through src/api.
    files: ['src/features/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Use the typed client in src/api.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@server/*', '@mocks/*', '../../mocks/*', 'msw', 'msw/*'],
              message: 'The app never imports the server or the mocks.',
            },
          ],
        },
      ],
    },
  },
  {
    // Shared code → features → app shell: screens and shared pieces never reach into the shell.
    files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}', 'src/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...appLayerPatterns, { group: ['@/features/*'], message: sharedMessage }] },
      ],
    },
  },
  // A feature reaches another only through the app shell, which composes them: what two features
  // share moves to src/components or src/lib. One block per feature, since a block's patterns
  // replace, not extend, the ones before it.
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...appLayerPatterns,
            {
              group: ['@/features/*', `!@/features/${feature}`, '../*/*', '../../features/*'],
              message: `src/features/${feature} imports no other feature: move what they share to src/components or src/lib.`,
            },
          ],
        },
      ],
    },
  })),
  {
    // The mocks are part of the dev app; tests may use the mocks, never the other way round.
    files: ['mocks/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tests/*', '../tests/*', '../../tests/*'],
              message: 'mocks/ must not import from tests/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node, ...globals.browser },
    },
  },
);
