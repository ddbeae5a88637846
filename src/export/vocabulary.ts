import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { MENTIONED_IN, NODE_LABELS, RELATION_TYPES, type NodeLabel } from '../model/graph.js';
import { loadTypeDefs } from '../schema.js';

/**
 * The terms the Turtle dump uses: schema.org classes where one fits, and a small vocabulary of the
 * project's own (`hg:`) for its labels, properties and relationship types, each described in the file.
 */

/** Where entities' IRIs start by default (`--base` replaces it): the base, then the percent-encoded id. */
export const DEFAULT_BASE = 'https://health-graph.example/id/';
/** The project's vocabulary. */
export const VOCABULARY = 'https://health-graph.example/vocab#';

export const PREFIXES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  schema: 'https://schema.org/',
  prov: 'http://www.w3.org/ns/prov#',
  hg: VOCABULARY,
} as const;

/** The schema.org class each label is also typed with; programs and achievements have none that fits. */
const LABEL_CLASSES: Record<NodeLabel, string | undefined> = {
  Organization: 'schema:Organization',
  Program: undefined,
  Achievement: undefined,
  Person: 'schema:Person',
  Place: 'schema:Place',
  Policy: 'schema:Legislation',
  Event: 'schema:Event',
  Report: 'schema:Report',
};

/** Narrower schema.org classes by an organization's kind or a place's level. */
const NARROWER: Record<string, string> = {
  GOVERNMENT_AGENCY: 'schema:GovernmentOrganization',
  HOSPITAL: 'schema:Hospital',
  MEDICAL_GROUP: 'schema:MedicalOrganization',
  PRIMARY_CARE: 'schema:MedicalOrganization',
  NATIONAL_MEDICAL_CENTER: 'schema:MedicalOrganization',
  REGIONAL_MEDICAL_CENTER: 'schema:MedicalOrganization',
  PUBLIC_HEALTH: 'schema:MedicalOrganization',
  ENTERPRISE_GROUP: 'schema:Corporation',
  COMPANY: 'schema:Corporation',
  COUNTRY: 'schema:Country',
  PROVINCE: 'schema:AdministrativeArea',
  CITY: 'schema:AdministrativeArea',
  COUNTY: 'schema:AdministrativeArea',
  TOWN: 'schema:AdministrativeArea',
  VILLAGE: 'schema:AdministrativeArea',
};

/** The classes of a node: the project's class of its label, the label's schema.org class, and a narrower one for its kind or level. */
export function classesOf(label: NodeLabel, kind: string | undefined): string[] {
  const narrower = label === 'Organization' || label === 'Place' ? NARROWER[kind ?? ''] : undefined;
  return [`hg:${label}`, LABEL_CLASSES[label], narrower].filter((c): c is string => !!c);
}

/** Properties written with a standard term instead of the project's own. */
export const STANDARD_PROPERTIES: Record<string, string> = {
  name: 'rdfs:label',
  nameEn: 'rdfs:label',
  aliases: 'schema:alternateName',
  aliasesEn: 'schema:alternateName',
  description: 'schema:description',
};

/** The language of text properties: the reports' Chinese, and the English curated beside it. */
export const LANGUAGES: Record<string, 'zh' | 'en'> = {
  name: 'zh',
  nameEn: 'en',
  aliases: 'zh',
  aliasesEn: 'en',
  description: 'zh',
  statement: 'zh',
  statementEn: 'en',
  title: 'zh',
  titleEn: 'en',
  publisher: 'zh',
  publisherEn: 'en',
  original: 'zh',
  quote: 'zh',
  role: 'zh',
  detail: 'zh',
};

/** The project's own properties of nodes and of the statements of relationships, as the file describes them. */
export const OWN_PROPERTIES: Record<string, string> = {
  kind: "What kind of organization, program or achievement it is (the API's enum value, e.g. HOSPITAL, METRIC).",
  level: 'How large a place is: COUNTRY, REGION, PROVINCE, CITY, COUNTY, TOWN or VILLAGE.',
  code: "A place's six-digit administrative division code (GB/T 2260, as the National Bureau of Statistics lists it).",
  grade: "A hospital's grade where stated (e.g. 三级甲等).",
  masked: 'The report masks this name or number (xx): it is kept masked, never guessed.',
  scope: 'For a masked name, the source (report or article number) it belongs to.',
  year: 'The year: an achievement’s period ends in it; a program started, a policy was issued or an event held in it.',
  date: 'The date, where stated (as written: a year, year-month or full date).',
  statement: 'An achievement in one clean sentence, in Chinese.',
  statementEn: 'An achievement in one clean sentence, in English.',
  value: 'For metrics, the number (4.5万张 → 45000); absent when masked or lost.',
  unit: 'For metrics, the unit (张, 人次, %, 元 …).',
  periodStart: 'The first year an achievement or report covers.',
  periodEnd: 'The last year an achievement or report covers.',
  periodBasis: 'Whether the period is STATED by the sentence or taken FROM_REPORT.',
  periodNote: 'How the period was read.',
  original: 'The wording of the number as written (4.5万张, xx家).',
  qualifier: 'A qualifier on the number as written (超, 近, 约, 以上 …).',
  lost: 'The number was lost to encoding damage in the report: it is unknown.',
  title: 'A report’s title, as it gives it.',
  titleEn: 'A report’s title in English.',
  publisher: 'A report’s publisher or site, where stated.',
  publisherEn: 'A report’s publisher in English.',
  source: 'A report’s number, or an article’s (the compilation’s number, a hyphen and the article’s).',
  quote: 'The words of the report stating the fact (restored to Simplified Chinese).',
  role: 'The post held, for holdsRole.',
  detail: 'A qualifier the report gives (e.g. the kind of support).',
};

/** What each stored property holds, for formats that describe their attributes (the names' own, then the rest). */
export const PROPERTY_DESCRIPTIONS: Record<string, string> = {
  name: 'The name in Simplified Chinese, as the reports write it (a masked name stays masked, followed by its article).',
  nameEn: 'The name in English (a report: its English title).',
  aliases: 'Other names the reports use, in Chinese.',
  aliasesEn: 'Other names in English.',
  description: 'A short note from curation, in Chinese.',
  ...OWN_PROPERTIES,
};

/** A relationship type's property: `PART_OF` → `hg:partOf`. */
export const relationProperty = (type: string) => `hg:${type.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())}`;

/** Each relationship type with its description: the API's own (its `RelationshipType` enum), and the mentions'. */
export function relationDescriptions(): Array<{ type: string; comment: string }> {
  const document = parse(loadTypeDefs().join('\n'));
  const types = document.definitions.find(
    (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'RelationshipType',
  );
  const described = new Map(types?.values?.map((v) => [v.name.value, v.description?.value ?? '']));
  return [
    ...RELATION_TYPES.map((type) => ({ type, comment: described.get(type) ?? '' })),
    { type: MENTIONED_IN, comment: 'Is mentioned in a report (or an article of one); its statement carries the quote.' },
  ];
}

/** The labels' classes with the schema.org class each refines. */
export const labelClasses = () => NODE_LABELS.map((label) => ({ label, parent: LABEL_CLASSES[label] }));
