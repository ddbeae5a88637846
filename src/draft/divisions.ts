/**
 * China's administrative divisions (province, prefecture city, county and district: the National Bureau of
 * Statistics codes as the `china-area-data` package ships them), read for place names, levels and parents.
 */
import { createRequire } from 'node:module';
import type { PlaceLevel } from '../generated/graphql.js';

const require = createRequire(import.meta.url);
const AREAS = require('china-area-data/data.json') as Record<string, Record<string, string>>;

export interface Division {
  /** The full name (山西省, 晋中市, 寿阳县); a district is named with its city (内江市市中区). */
  name: string;
  /** Short forms the text may use (山西, 晋中; 市中区 for a district). */
  aliases: string[];
  level: PlaceLevel;
  code: string;
  /** The parent's code (中国 for a province). */
  parent?: string;
}

const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);

/** A province's short name: 山西省 → 山西, 内蒙古自治区 → 内蒙古, 香港特别行政区 → 香港. */
function shortProvince(name: string): string {
  return name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
}

function shortCity(name: string): string | undefined {
  const short = name.replace(/(市|地区|盟)$/, '');
  return short.length >= 2 && short !== name ? short : undefined;
}

class Divisions {
  readonly byCode = new Map<string, Division>();
  /** Every name and alias → the divisions it may mean. */
  readonly byName = new Map<string, Division[]>();

  constructor() {
    const add = (division: Division) => {
      this.byCode.set(division.code, division);
      for (const name of [division.name, ...division.aliases]) {
        const list = this.byName.get(name) ?? [];
        list.push(division);
        this.byName.set(name, list);
      }
    };
    for (const [code, name] of Object.entries(AREAS['86'] ?? {})) {
      add({ name, aliases: [shortProvince(name)].filter((s) => s !== name), level: 'PROVINCE', code });
    }
    for (const province of Object.keys(AREAS['86'] ?? {})) {
      for (const [code, name] of Object.entries(AREAS[province] ?? {})) {
        const municipal = MUNICIPALITIES.has(province);
        if (!municipal) add({ name, aliases: [shortCity(name)].filter((s): s is string => !!s), level: 'CITY', code, parent: province });
        for (const [countyCode, county] of Object.entries(AREAS[code] ?? {})) {
          if (county === '市辖区' || county.endsWith('开发区')) continue;
          const parent = municipal ? province : code;
          const district = county.endsWith('区') && !municipal;
          add({
            name: district ? `${name}${county}` : county,
            aliases: district ? [county] : [],
            level: 'COUNTY',
            code: countyCode,
            parent,
          });
        }
      }
    }
  }

  /** The division a name means, preferring one whose ancestor the text mentions; undefined when it stays ambiguous. */
  resolve(name: string, mentioned: (name: string) => boolean): Division | undefined {
    const options = this.byName.get(name);
    if (!options?.length) return undefined;
    if (options.length === 1) return options[0];
    const near = options.filter((d) => this.ancestors(d).some((a) => mentioned(a.name) || a.aliases.some(mentioned)));
    return near.length === 1 ? near[0] : undefined;
  }

  ancestors(division: Division): Division[] {
    const chain: Division[] = [];
    for (let d = division.parent ? this.byCode.get(division.parent) : undefined; d; d = d.parent ? this.byCode.get(d.parent) : undefined)
      chain.push(d);
    return chain;
  }
}

let divisions: Divisions | undefined;
/** The divisions, indexed once. */
export function chinaDivisions(): Divisions {
  return (divisions ??= new Divisions());
}

/** The level a place name's ending suggests (masked names in particular: xx市, xx县). */
export function levelOfSuffix(name: string): PlaceLevel | undefined {
  if (/(自治区|省)$/.test(name)) return 'PROVINCE';
  if (/(市|州|盟|地区)$/.test(name)) return 'CITY';
  if (/(县|区|旗)$/.test(name)) return 'COUNTY';
  if (/(镇|乡|街道)$/.test(name)) return 'TOWN';
  if (/(村|社区)$/.test(name)) return 'VILLAGE';
  return undefined;
}

/** Levels from the top down: a parent ranks before its child. */
export function rank(level: string | undefined): number {
  return ['COUNTRY', 'REGION', 'PROVINCE', 'CITY', 'COUNTY', 'TOWN', 'VILLAGE'].indexOf(level ?? '');
}
