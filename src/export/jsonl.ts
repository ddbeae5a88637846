import type { DumpNode, DumpRelationship } from './dump.js';
import { TextFile, type DumpWriter } from './output.js';
import { relationshipId } from './values.js';

export const JSONL_FILE = 'graph.jsonl';

/**
 * JSON Lines in the shape of APOC's `apoc.export.json.all`: one object per node
 * (`{"type":"node","id","labels","properties"}`), then one per relationship
 * (`{"type":"relationship","id","label","start":{"id","labels"},"end":{"id","labels"},"properties"}`).
 * Ids are the graph's own (a relationship's is its digest, see `relationshipId`), not a database's internal ones.
 */
export class JsonLinesWriter implements DumpWriter {
  private readonly file: TextFile;

  constructor(dir: string) {
    this.file = new TextFile(dir, JSONL_FILE);
  }

  nodes(page: readonly DumpNode[]): Promise<void> {
    return this.file.write(
      page.map((n) => `${JSON.stringify({ type: 'node', id: n.id, labels: [n.label], properties: { id: n.id, ...n.properties } })}\n`).join(''),
    );
  }

  relationships(page: readonly DumpRelationship[]): Promise<void> {
    return this.file.write(
      page
        .map(
          (r) =>
            `${JSON.stringify({
              type: 'relationship',
              id: relationshipId(r),
              label: r.type,
              start: { id: r.start.id, labels: [r.start.label] },
              end: { id: r.end.id, labels: [r.end.label] },
              properties: r.properties,
            })}\n`,
        )
        .join(''),
    );
  }

  async close(): Promise<string[]> {
    await this.file.close();
    return [JSONL_FILE];
  }
}
