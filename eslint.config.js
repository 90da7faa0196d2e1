import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**', 'src/domain/generated/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    // Layering (DESIGN.md): only the fronts import @actions/core, only src/github imports Octokit,
    // only src/registry imports isomorphic-git, and the domain imports no I/O at all.
    files: ['src/**/*.ts'],
    ignores: ['src/action/**', 'src/registry/**', 'src/github/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@actions/*', '@octokit/*', 'isomorphic-git', 'isomorphic-git/*'] }]
    }
  },
  {
    files: ['src/registry/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@actions/*', '@octokit/*'] }] }
  },
  {
    files: ['src/github/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@actions/core', 'isomorphic-git'] }] }
  },
  {
    // The dashboard runs in a browser and talks to the server over HTTP: of the rest of src it
    // takes only the answers' types (src/domain/shapes.ts, src/domain/types.ts).
    files: ['src/dashboard/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', '@actions/*', '@octokit/*', 'isomorphic-git', 'isomorphic-git/*'], message: 'the dashboard runs in a browser' },
            { group: ['**/commands/*', '**/serve/*', '**/registry/*', '**/stores/*', '**/github/*', '**/wiring/*', '**/lib/*', '**/cli/*', '**/action/*', '**/domain/*', '!**/domain/shapes.js', '!**/domain/types.js'], message: 'the dashboard reads the server over HTTP; share types through src/domain/shapes.ts' }
          ]
        }
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }]
    }
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:fs', 'node:fs/*', 'node:child_process', 'node:net', 'node:http', 'node:https', 'fs', 'fs/*', '@actions/*', '@octokit/*', 'isomorphic-git', '../registry/*', '../stores/*', '../github/*', '../commands/*', '../cli/*', '../action/*'] }
      ]
    }
  }
)
