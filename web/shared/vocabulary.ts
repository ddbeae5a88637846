import type { AchievementKind, EntityType, OrganizationKind, ProgramKind, RelationshipType } from '../../src/generated/client/graphql.js';

/** Every value of a schema enum, in display order: a Record over the enum makes the type checker catch a missing or stale one. */
const values = <T extends string>(record: Record<T, true>) => Object.keys(record) as T[];

export const ENTITY_TYPES = values<EntityType>({
  ORGANIZATION: true,
  PROGRAM: true,
  ACHIEVEMENT: true,
  PERSON: true,
  PLACE: true,
  POLICY: true,
  EVENT: true,
  REPORT: true,
});
export const ORG_KINDS = values<OrganizationKind>({
  GOVERNMENT_AGENCY: true,
  ENTERPRISE_GROUP: true,
  MEDICAL_GROUP: true,
  HOSPITAL: true,
  PRIMARY_CARE: true,
  NATIONAL_MEDICAL_CENTER: true,
  REGIONAL_MEDICAL_CENTER: true,
  ALLIANCE: true,
  PUBLIC_HEALTH: true,
  COMPANY: true,
  UNIVERSITY_OR_INSTITUTE: true,
  PARTY_OR_MASS_ORG: true,
  OTHER: true,
});
export const PROGRAM_KINDS = values<ProgramKind>({
  INITIATIVE: true,
  PROJECT: true,
  CAMPAIGN: true,
  PILOT: true,
  PLATFORM: true,
  BRAND: true,
  SERVICE: true,
});
export const ACHIEVEMENT_KINDS = values<AchievementKind>({ METRIC: true, AWARD: true, DESIGNATION: true, MILESTONE: true });
export const RELATIONSHIP_TYPES = values<RelationshipType>({
  PART_OF: true,
  MEMBER_OF: true,
  LEADS: true,
  PARTNERS_WITH: true,
  CO_BUILDS: true,
  SUPPORTS: true,
  LOCATED_IN: true,
  RUNS: true,
  SUPERVISES: true,
  HAS_ACHIEVEMENT: true,
  AWARDED_BY: true,
  HOLDS_ROLE: true,
  ISSUED: true,
  IMPLEMENTS: true,
  PARTICIPATES_IN: true,
  SUCCEEDS: true,
});
