/** `npm run graph:stats`: counts per label, kind and relationship type of the configured store's graph. */
import { loadConfig } from '../config.js';
import { statsStatements } from '../data/statements/stats.js';
import { openStore } from '../graph/open.js';
import { text } from '../graph/values.js';
import { seedIfEmpty } from './seed.js';

const config = loadConfig();
const store = await openStore(config);
try {
  await seedIfEmpty(store, config.cypherDir);
  const statements = statsStatements(store.dialect);
  const sections = {
    'nodes by label': 'byLabel',
    'organizations by kind': 'organizationKinds',
    'programs by kind': 'programKinds',
    'achievements by kind': 'achievementKinds',
    'places by level': 'placeLevels',
    'relationships by type': 'relationshipTypes',
  } as const;
  for (const [title, query] of Object.entries(sections)) {
    const counts = await store.read(statements[query].text);
    const total = counts.reduce((sum, c) => sum + Number(c.count), 0);
    console.log(`\n${title} (${total})`);
    for (const { key, count } of counts) console.log(`  ${text(key).padEnd(26)} ${text(count).padStart(5)}`);
  }
} finally {
  await store.close();
}
