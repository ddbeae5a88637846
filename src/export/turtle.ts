import type { DumpNode, DumpRelationship } from './dump.js';
import { DUMP_RELATION_PROPERTIES } from '../data/statements/dump.js';
import type { DumpValue } from './dump.js';
import { NODE_PROPERTIES } from '../model/graph.js';
import { TextFile, type DumpWriter } from './output.js';
import { relationshipId, reportOf } from './values.js';
import {
  LANGUAGES,
  OWN_PROPERTIES,
  PREFIXES,
  STANDARD_PROPERTIES,
  VOCABULARY,
  classesOf,
  labelClasses,
  relationDescriptions,
  relationProperty,
} from './vocabulary.js';

export const TURTLE_FILE = 'graph.ttl';

/** Characters a Turtle IRI cannot hold as they are. */
const NOT_IN_IRI = /[\u0000-\u0020<>"{}|^`\\]/;

/** A base for entities' IRIs: absolute, http(s), ending where an id can follow (`/` or `#`). */
export function checkBase(base: string): string {
  if (!/^https?:\/\/[^/]+\//.test(base) || !/[/#]$/.test(base) || NOT_IN_IRI.test(base))
    throw new Error(`the IRI base must be an absolute http(s) IRI ending in / or # with no spaces, quotes or brackets, got "${base}"`);
  return base;
}

/** A string literal: quotes, backslashes and control characters escaped, the rest as written (UTF-8). */
function literal(value: string, language?: string): string {
  const escaped = value.replace(/["\\\u0000-\u001f\u007f]/g, (c) => {
    const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"${language ? `@${language}` : ''}`;
}

const XSD: Record<string, string> = { INT64: 'xsd:integer', DOUBLE: 'xsd:double', BOOLEAN: 'xsd:boolean' };

/** A typed value: numbers and booleans with their XSD datatype, text with its language where it has one. */
function typed(value: DumpValue, type: string | undefined, property: string): string {
  if (type && XSD[type]) return `${literal(String(value))}^^${XSD[type]}`;
  return literal(String(value), LANGUAGES[property]);
}

/**
 * RDF Turtle. Entities are typed with schema.org (and the project's class of their label), named with
 * `rdfs:label` in Chinese and English, aliases as `schema:alternateName`; other properties use the
 * project's vocabulary (`hg:`). Each relationship is a triple with the `hg:` property of its type, and is
 * reified as an `rdf:Statement` carrying its provenance: `prov:wasDerivedFrom` the report (or article)
 * stating it, and `hg:quote` its words (a mention's statement likewise). The vocabulary is described at
 * the top of the file.
 */
export class TurtleWriter implements DumpWriter {
  private readonly file: TextFile;
  private started = false;

  constructor(
    dir: string,
    private readonly base: string,
  ) {
    this.file = new TextFile(dir, TURTLE_FILE);
  }

  private iri(id: string): string {
    return `<${this.base}${encodeURIComponent(id)}>`;
  }

  /** The prefixes and the description of the vocabulary, written before the first node. */
  private header(): string {
    const lines = [
      '# The health graph as RDF. Entities: <base><percent-encoded id>. Each relationship is a triple with the',
      '# hg: property of its type, reified as an rdf:Statement: prov:wasDerivedFrom the report stating it, hg:quote its words.',
      ...Object.entries(PREFIXES).map(([prefix, iri]) => `@prefix ${prefix}: <${iri}> .`),
      '',
      `<${VOCABULARY.replace(/#$/, '')}> a <http://www.w3.org/2002/07/owl#Ontology> ; rdfs:label ${literal('Health graph vocabulary', 'en')} .`,
      ...labelClasses().map(
        ({ label, parent }) => `hg:${label} a rdfs:Class ; rdfs:label ${literal(label, 'en')}${parent ? ` ; rdfs:subClassOf ${parent}` : ''} .`,
      ),
      ...relationDescriptions().map(
        ({ type, comment }) =>
          `${relationProperty(type)} a rdf:Property ; rdfs:label ${literal(type, 'en')} ; rdfs:comment ${literal(comment, 'en')} .`,
      ),
      ...Object.entries(OWN_PROPERTIES).map(
        ([property, comment]) => `hg:${property} a rdf:Property ; rdfs:label ${literal(property, 'en')} ; rdfs:comment ${literal(comment, 'en')} .`,
      ),
      '',
    ];
    return `${lines.join('\n')}\n`;
  }

  private async begin(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.file.write(this.header());
  }

  private node(n: DumpNode): string {
    const types = NODE_PROPERTIES[n.label];
    const kind = (n.properties.kind ?? n.properties.level) as string | undefined;
    const statements = [`a ${classesOf(n.label, kind).join(', ')}`];
    for (const [property, value] of Object.entries(n.properties)) {
      const predicate = STANDARD_PROPERTIES[property] ?? `hg:${property}`;
      const values = Array.isArray(value) ? value : [value];
      if (values.length) statements.push(`${predicate} ${values.map((v) => typed(v, types[property], property)).join(', ')}`);
    }
    return `${this.iri(n.id)} ${statements.join(' ;\n  ')} .\n`;
  }

  private relationship(r: DumpRelationship): string {
    const [start, predicate, end] = [this.iri(r.start.id), relationProperty(r.type), this.iri(r.end.id)];
    const report = reportOf(r);
    const provenance = [
      'a rdf:Statement',
      `rdf:subject ${start}`,
      `rdf:predicate ${predicate}`,
      `rdf:object ${end}`,
      ...(report ? [`prov:wasDerivedFrom ${this.iri(report)}`] : []),
      ...DUMP_RELATION_PROPERTIES.filter((p) => p !== 'source' && r.properties[p] !== undefined).map(
        (p) => `hg:${p} ${literal(r.properties[p]!, LANGUAGES[p])}`,
      ),
    ];
    return `${start} ${predicate} ${end} .\n${this.iri(relationshipId(r))} ${provenance.join(' ;\n  ')} .\n`;
  }

  async nodes(page: readonly DumpNode[]): Promise<void> {
    await this.begin();
    await this.file.write(page.map((n) => this.node(n)).join(''));
  }

  async relationships(page: readonly DumpRelationship[]): Promise<void> {
    await this.begin();
    await this.file.write(page.map((r) => this.relationship(r)).join(''));
  }

  async close(): Promise<string[]> {
    await this.begin();
    await this.file.close();
    return [TURTLE_FILE];
  }
}
