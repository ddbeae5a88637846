import { NODE_LABELS, RELATION_TYPES, MENTIONED_IN, labelOfId } from '../model/graph.js';
import { SeedError, type SeedFile } from './loader.js';
import { CYPHER_STRING } from './statements.js';

const LABEL = /\(\s*\w*\s*:\s*(\w+)/g;
const TYPE = /\[\s*\w*\s*:\s*(\w+)/g;
const NODE_ID = /\(\s*\w*\s*:\s*(\w+)\s*\{\s*id:\s*'((?:[^'\\]|\\.)*)'/g;
const KNOWN_LABELS: ReadonlySet<string> = new Set(NODE_LABELS);
const KNOWN_TYPES: ReadonlySet<string> = new Set([...RELATION_TYPES, MENTIONED_IN]);

/**
 * Checks every seed file before any is loaded: each label and relationship type is one the model
 * knows, and each id belongs to one label only, the one its prefix names. Neo4j would accept an unknown
 * label silently; catching it here keeps both engines' graphs the same.
 */
export function checkSeedFiles(files: readonly SeedFile[]): void {
  const idOwners = new Map<string, { label: string; file: string }>();
  for (const file of files) {
    for (const [index, statement] of file.statements.entries()) {
      const fail = (reason: string) => {
        throw new SeedError(file.name, index + 1, statement.line, reason);
      };
      const text = statement.text.replace(CYPHER_STRING, "''");
      for (const [, label] of text.matchAll(LABEL)) if (!KNOWN_LABELS.has(label!)) fail(`unknown label ${label}`);
      for (const [, type] of text.matchAll(TYPE)) if (!KNOWN_TYPES.has(type!)) fail(`unknown relationship type ${type}`);
      for (const [, label, id] of statement.text.matchAll(NODE_ID)) {
        if (labelOfId(id!) !== label) fail(`id '${id}' does not belong to label ${label}`);
        const owner = idOwners.get(id!);
        if (owner && owner.label !== label) fail(`duplicate id '${id}': already a ${owner.label} in ${owner.file}`);
        idOwners.set(id!, { label: label!, file: file.name });
      }
    }
  }
}
