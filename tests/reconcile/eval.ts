/**
 * `npm run reconcile:eval`: the reconciliation measured on the labelled set (tests/reconcile/set.json,
 * rules in the README beside it), on the embedded graph (loaded when missing, as `npm start` does) or on
 * Neo4j when NEO4J_URI is set. Prints precision and recall of `match`, top-1 accuracy, and each rule's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { DataAccess } from '../../src/data/access.js';
import { Neo4jStore } from '../../src/graph/neo4j.js';
import type { GraphStore } from '../../src/graph/store.js';
import { Reconciler } from '../../src/reconcile/reconciler.js';
import { openEmbedded } from '../../src/seed/embedded.js';
import type { LabelledString } from './build-set.js';

export interface Scores {
  positives: number;
  negatives: number;
  /** Positives whose best candidate is the expected entity. */
  top1: number;
  /** Strings given a `match`, right and wrong (a negative matched, or a positive matched to another). */
  matched: number;
  matchedRight: number;
  /** Negatives given a `match`: must be none. */
  negativesMatched: string[];
  byRule: Map<string, { total: number; right: number }>;
}

/** Runs the set through the reconciler on a store. */
export async function evaluate(store: GraphStore, set: readonly LabelledString[]): Promise<Scores> {
  const scores: Scores = { positives: 0, negatives: 0, top1: 0, matched: 0, matchedRight: 0, negativesMatched: [], byRule: new Map() };
  for (const item of set) {
    const [top] = await new Reconciler(new DataAccess(store)).reconcile({ query: item.query, limit: 3 });
    const positive = item.expected !== null;
    if (positive) scores.positives++;
    else scores.negatives++;
    if (positive && top?.entity.id === item.expected) scores.top1++;
    if (top?.match) {
      scores.matched++;
      if (top.entity.id === item.expected) scores.matchedRight++;
      if (!positive) scores.negativesMatched.push(`${item.query} → ${top.entity.id}`);
    }
    // Right: a positive matched to its entity; a negative left without a match.
    const right = positive ? top?.match === true && top.entity.id === item.expected : top?.match !== true;
    const rule = scores.byRule.get(item.rule) ?? { total: 0, right: 0 };
    rule.total++;
    if (right) rule.right++;
    scores.byRule.set(item.rule, rule);
  }
  return scores;
}

const percent = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)} % (${n}/${of})` : '–');

async function main(): Promise<void> {
  const config = loadConfig();
  const set = JSON.parse(readFileSync(join(import.meta.dirname, 'set.json'), 'utf8')) as LabelledString[];
  const neo4j = config.neo4j && new Neo4jStore(config.neo4j);
  const embedded = neo4j ? undefined : await openEmbedded(config.kuzuPath, config.cypherDir, { log: () => undefined });
  const store: GraphStore = neo4j || embedded!.store;
  const close = () => (neo4j ? neo4j.close() : embedded!.close());
  try {
    const started = Date.now();
    const s = await evaluate(store, set);
    const ms = (Date.now() - started) / set.length;
    console.log(
      `Reconciliation on ${set.length} labelled strings (${s.positives} positive, ${s.negatives} negative), ${store.engine}, ${ms.toFixed(1)} ms a string\n`,
    );
    console.log('| measure | value | target |\n| --- | --- | --- |');
    console.log(`| top-1 accuracy (positives) | ${percent(s.top1, s.positives)} | ≥ 95 % |`);
    console.log(`| match on positives (recall) | ${percent(s.matchedRight, s.positives)} | ≥ 75 % |`);
    console.log(`| precision of match | ${percent(s.matchedRight, s.matched)} | |`);
    console.log(`| negatives given a match | ${s.negativesMatched.length} | 0 |`);
    console.log('\n| rule | right |\n| --- | --- |');
    for (const [rule, { total, right }] of [...s.byRule].sort()) console.log(`| ${rule} | ${percent(right, total)} |`);
    for (const wrong of s.negativesMatched) console.log(`negative matched: ${wrong}`);
  } finally {
    await close();
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main();
