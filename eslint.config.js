import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** The folders of src/ a folder may not import from: the layering the README's "How it is built" draws. */
const SERVER = ['./src/http', './src/limits', './src/resolvers'];
const OFFLINE = ['./src/curation', './src/draft', './src/seed', './src/export'];
const LAYERS = [
  // Resolvers ask the data layer; only it builds Cypher and talks to the store.
  { target: './src/resolvers', from: ['./src/graph', './src/data/statements', ...OFFLINE] },
  { target: ['./src/http', './src/limits'], from: OFFLINE },
  { target: './src/data', from: [...SERVER, ...OFFLINE, './src/web', './src/reconcile'] },
  // The store knows no statement builder: statements reach it as data.
  { target: './src/graph', from: ['./src/data', ...SERVER, ...OFFLINE, './src/web', './src/reconcile'] },
  { target: OFFLINE, from: [...SERVER, './src/web'] },
  // The vocabulary and the text tools are what everything shares: they import none of it.
  { target: ['./src/model', './src/text'], from: ['./src/data', './src/graph', ...SERVER, ...OFFLINE, './src/web', './src/reconcile'] },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'src/generated/', 'data/', 'dist/', 'tests/screenshots/', 'tools/neo4j/target/'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    // Type-aware rules read the TypeScript projects (tsconfig.json, web/tsconfig.json) for every file.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    // Tests read untyped JSON responses.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    // Imports name the compiled `.js`; the sources are `.ts`.
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensionAlias: { '.js': ['.ts', '.js'] } })] },
    rules: {
      // Cycles through values; tests/unit/import-cycles.test.ts finds those through types too, which this rule skips.
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        { zones: LAYERS.map((zone) => ({ ...zone, message: 'the layering of src/ forbids it (see eslint.config.js)' })) },
      ],
    },
  },
  {
    // The tightest limits the code meets (the longest file is curation/reader.ts, the longest function
    // one of web/explorer/search.ts, the most branching draft/numbers.ts): a change may not go past them.
    files: ['src/**/*.ts', 'web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      complexity: ['error', 46],
      'max-depth': ['error', 4],
      'max-lines': ['error', { max: 420, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 121, skipBlankLines: true, skipComments: true }],
    },
  },
  // Plain JavaScript (the playground's script, configs) is outside the TypeScript projects.
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
