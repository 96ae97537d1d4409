// The JavaScript linter's rules for kmsat (run by `make lint`, from the repository root:
// tools/node_modules/.bin/eslint --config tools/eslint.config.js).
'use strict';
const js = require('@eslint/js');
const globals = require('globals');

module.exports = [
  { ignores: ['**/node_modules/**', 'site/**', '.venv/**'] },
  js.configs.recommended,
  {
    files: ['kmsat_build/assets/js/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'script', // classic scripts: the site runs from file://
      globals: { ...globals.browser, module: 'readonly', require: 'readonly' },
    },
    rules: {
      'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }],
      'no-restricted-syntax': ['error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Text goes in as textContent.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No code made at run time (CSP).' }],
    },
  },
  {
    // Views only render and wire events: no function over about 80 lines.
    files: ['kmsat_build/assets/js/{kit,ui,compare,present}/**/*.js', 'kmsat_build/assets/js/boot.js'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: false }] },
  },
  {
    files: ['tests/js/**/*.js', 'benchmarks/*.js', 'tools/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { 'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }] },
  },
];
