// Copy the pinned browser build of the `docx` library into the assets that
// kmsat ships, with the licences of everything bundled in it.
//
//   make vendor        (runs `npm ci` here from the lock file, then this)
//
// The copy is committed, so building or testing the site never needs npm.
// Refuses a build that compiles code at run time (the site's CSP forbids
// eval and new Function), or that reaches for modules (file:// has none).
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const HERE = __dirname;
const VENDOR = path.join(HERE, '..', '..', 'kmsat_build', 'assets', 'vendor');
const pkg = (name) => JSON.parse(fs.readFileSync(path.join(HERE, 'node_modules', name, 'package.json'), 'utf8'));
const licence = (name) => fs.readFileSync(path.join(HERE, 'node_modules', name, 'LICENSE'), 'utf8').trim();

/** Patterns a vendored script must not contain (kept in step with tests/js/vendor.test.js). */
const FORBIDDEN = [/\bnew Function\s*\(/, /(^|[^.\w$])eval\s*\(/, /(^|[^.\w$])import\(/, /\brequire\(\s*["']/];

const source = fs.readFileSync(path.join(HERE, 'node_modules', 'docx', 'dist', 'index.iife.js'), 'utf8');
for (const pattern of FORBIDDEN) {
  if (pattern.test(source)) throw new Error(`docx/dist/index.iife.js contains ${pattern}: it would break under the CSP or from file://`);
}
const docx = pkg('docx');
fs.writeFileSync(path.join(VENDOR, 'docx.iife.js'), source);
const sha256 = crypto.createHash('sha256').update(source).digest('hex');
// docx's browser build bundles fflate (zip) and nanoid (ids): their licences travel with it.
const bundled = ['fflate', 'nanoid'].map((name) => `${name} ${pkg(name).version}`);
fs.writeFileSync(path.join(VENDOR, 'docx-LICENSE.txt'), [
  `docx.iife.js is dist/index.iife.js of the npm package docx ${docx.version}`,
  `(${docx.homepage || 'https://docx.js.org'}), unchanged. sha256 ${sha256}`,
  `It bundles code from fflate and nanoid; their licences below are from the versions installed with it (${bundled.join(', ')}).`,
  '', '== docx ==', licence('docx'), '', '== fflate ==', licence('fflate'), '', '== nanoid ==', licence('nanoid'), '',
].join('\n'));
console.log(`vendored docx ${docx.version}: ${Buffer.byteLength(source)} bytes, sha256 ${sha256}`);
