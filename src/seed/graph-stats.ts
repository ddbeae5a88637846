/** `npm run graph:stats`: counts per label, kind and relationship type of the configured store's graph. */
import { loadConfig } from '../config.js';
import { DataAccess } from '../data/access.js';
import { openStore } from '../graph/open.js';
import { seedIfEmpty } from './seed.js';

const config = loadConfig();
const store = await openStore(config);
try {
  await seedIfEmpty(store, config.cypherDir);
  const { stats } = new DataAccess(store);
  const sections = {
    'nodes by label': 'byLabel',
    'organizations by kind': 'organizationKinds',
    'programs by kind': 'programKinds',
    'achievements by kind': 'achievementKinds',
    'places by level': 'placeLevels',
    'relationships by type': 'relationshipTypes',
  } as const;
  for (const [title, query] of Object.entries(sections)) {
    const counts = await stats.counts(query);
    const total = counts.reduce((sum, c) => sum + c.count, 0);
    console.log(`\n${title} (${total})`);
    for (const { key, count } of counts) console.log(`  ${key.padEnd(26)} ${String(count).padStart(5)}`);
  }
} finally {
  await store.close();
}
