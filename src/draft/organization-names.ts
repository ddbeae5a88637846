/**
 * An organization as the curation names it: the full official name (the home place's for a relative
 * name, abbreviations expanded), the forms the text writes as aliases, and the kind its name and
 * sentence suggest.
 */
import type { OrganizationKind } from '../generated/graphql.js';
import type { Candidate, DraftContext, Mention } from './context.js';
import { EXPANSIONS, NATIONAL_NAMES, STANDALONE_ORGS } from './lexicon/organizations.js';
import { headOf } from './names.js';
import { MASK, RELATIVE } from './tokens.js';

/** Adds an organization with its full name, its forms as aliases, its kind, and where it is. */
export function organization(ctx: DraftContext, written: string, suffix: string, suffixKind: OrganizationKind, mention: Mention): Candidate {
  const forms = new Set<string>([written]);
  let full = withHomePlace(ctx, written, forms);
  // A unit named with its province and city is usually written with its city alone (安徽省合肥市… → 合肥市…).
  const withProvince = /^[\p{Script=Han}]{2,8}?(?:省|自治区)([\p{Script=Han}]{2,8}?市[\p{Script=Han}].*)$/u.exec(full);
  if (withProvince) forms.add(withProvince[1]!);
  for (const [short, long] of EXPANSIONS) {
    if (full.endsWith(short) && !full.endsWith(long)) {
      const expanded = `${full.slice(0, full.length - short.length)}${long}`;
      forms.add(expanded);
      full = expanded;
    }
  }
  if (NATIONAL_NAMES[written]) full = NATIONAL_NAMES[written]!;
  forms.add(full);
  const kind = kindOf(full, suffix, suffixKind, mention);
  const specific = [...headOf(written, suffix)].length;
  const confidence = kind === 'OTHER' ? 0.55 : specific >= 2 || STANDALONE_ORGS.has(written) ? 0.85 : 0.65;
  const scoped = ctx.masks && (MASK.test(written) || RELATIVE.test(written));
  return ctx.add('Organization', full, mention, {
    aliases: [...forms].filter((f) => f !== full),
    props: { kind },
    confidence,
    why: `named with “${suffix}”`,
    scoped,
  });
}

/** A relative name (市卫健委) is the home place's (济南市卫健委), unless the report masks its places; its forms go to `forms`. */
function withHomePlace(ctx: DraftContext, written: string, forms: Set<string>): string {
  const relative = /^(省|市|县|区)(?![\u4e00-\u9fa5]{0,1}(级|内|外|直))/.exec(written);
  if (!relative || ctx.masks) return written;
  const place = relative[1] === '省' ? ctx.home.province : relative[1] === '市' ? ctx.home.city : ctx.home.county;
  if (!place) return written;
  const full = `${place.name}${written.slice(1)}`;
  forms.add(full);
  if (place.aliases[0] && place.level !== 'COUNTY') forms.add(`${place.aliases[0]}${written.slice(1)}`);
  return full;
}

/** The kind the suffix suggests, unless the full name or the sentence says more (健康集团, 国家…医学中心, 医共体的总医院). */
function kindOf(full: string, suffix: string, suffixKind: OrganizationKind, mention: Mention): OrganizationKind {
  let kind = suffixKind;
  if (suffix === '集团' && /医疗|健康|医药|医院/.test(full)) kind = 'MEDICAL_GROUP';
  if (/国家.*医学中心$/.test(full)) kind = 'NATIONAL_MEDICAL_CENTER';
  if (/区域医疗中心$/.test(full)) kind = 'REGIONAL_MEDICAL_CENTER';
  if (/总医院$/.test(full) && /医共体|集团/.test(mention.sentence.text)) kind = 'MEDICAL_GROUP';
  return kind;
}
