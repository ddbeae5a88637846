import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
/** A file inside an installed package (found from its main entry: not every package exports package.json). */
const packageFile = (pkg: string, file: string) => {
  const main = require.resolve(pkg);
  return join(main.slice(0, main.lastIndexOf(`/node_modules/${pkg}/`) + `/node_modules/${pkg}/`.length), file);
};
const ownFile = (file: string) => join(import.meta.dirname, 'static', file);

/**
 * Every file the pages load, served by the API itself: the playground and explorer work with no
 * network beyond this server. Only these names are served, so no path from a request reaches the disk.
 */
const ASSETS: Record<string, string> = {
  'react.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.css': packageFile('graphiql', 'graphiql.min.css'),
  'cytoscape.js': packageFile('cytoscape', 'dist/cytoscape.min.js'),
  'playground.js': ownFile('playground.js'),
  'explorer.js': ownFile('explorer.js'),
  'explorer.css': ownFile('explorer.css'),
};

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

/** An asset's bytes and content type, or undefined for a name that is not an asset. */
export function readAsset(name: string): { body: Buffer; type: string } | undefined {
  const path = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (!path) return undefined;
  return { body: readFileSync(path), type: TYPES[name.split('.').pop()!]! };
}
