import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { loadServiceCatalogue } from '@tongban/catalogue';
import { AgencyKind, agencyKinds, makeCitizenId } from '@tongban/identity';
import { isRegionCode, provinceOf, regionKind } from '@tongban/regions';

/**
 * Where people live away from their hukou: the large receiving cities (weights roughly follow the
 * 2020 census's inflows) and the sending cities (Henan, Sichuan, Anhui, Hunan, Jiangxi, Guizhou,
 * Guangxi, Hubei, Chongqing, …). All GB/T 2260 city codes.
 */
export const DESTINATIONS: ReadonlyArray<readonly [string, number]> = [
  ['440300', 12], // 深圳
  ['440100', 10], // 广州
  ['310100', 10], // 上海
  ['110100', 8], // 北京
  ['441900', 7], // 东莞
  ['440600', 5], // 佛山
  ['330100', 5], // 杭州
  ['320500', 5], // 苏州
  ['510100', 4], // 成都
  ['120100', 3], // 天津
  ['330200', 3], // 宁波
  ['350200', 2], // 厦门
  ['420100', 3], // 武汉
  ['330300', 2], // 温州
];

export const ORIGINS: ReadonlyArray<readonly [string, number]> = [
  ['411600', 6], // 周口
  ['411500', 5], // 信阳
  ['411400', 5], // 商丘
  ['410100', 3], // 郑州
  ['511300', 5], // 南充
  ['341200', 6], // 阜阳
  ['340100', 2], // 合肥
  ['431100', 4], // 永州
  ['430100', 2], // 长沙
  ['360700', 5], // 赣州
  ['360100', 3], // 南昌
  ['520100', 3], // 贵阳
  ['450900', 4], // 玉林
  ['450100', 2], // 南宁
  ['421100', 4], // 黄冈
  ['500100', 5], // 重庆
  ['130100', 2], // 石家庄
  ['371300', 3], // 临沂
  ['230100', 2], // 哈尔滨
  ['610100', 2], // 西安
  ['620100', 1], // 兰州
];

export const ALL_CITIES: readonly string[] = [...new Set([...DESTINATIONS, ...ORIGINS].map(([c]) => c))];

export interface Person {
  citizenId: string;
  hukouCity: string;
  /** the city of a residence permit; null for a person living in the hukou city */
  residenceCity: string | null;
}

/** mulberry32: a small deterministic PRNG, so a run's population is reproducible from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted(list: ReadonlyArray<readonly [string, number]>, r: number): string {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let x = r * total;
  for (const [code, w] of list) {
    if ((x -= w) < 0) return code;
  }
  return list[list.length - 1][0];
}

/** County-level codes of a city (the region of first issue in a citizen ID), or the city itself. */
function countiesOf(city: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < 40; i++) {
    const code = `${city.slice(0, 4)}${String(i).padStart(2, '0')}`;
    if (isRegionCode(code)) out.push(code);
  }
  return out.length > 0 ? out : [city];
}

const EPOCH = Date.UTC(1962, 0, 1);
const DAYS = 14000; // birth dates 1962 … 2000

/**
 * A synthetic population: each person has a valid citizen ID number (GB 11643 check character) first
 * issued in a county of the hukou city; a share of them live in another province's city with a
 * residence permit. Numbers are unique within a run (county × birth day × sequence), and a run salt
 * keeps two runs on one database apart.
 */
export class Population {
  private readonly random: () => number;
  private readonly counties = new Map<string, string[]>();
  private n: number;

  constructor(
    seed: number,
    private readonly migrantShare = 0.6,
  ) {
    this.random = prng(seed);
    // runs with neighbouring seeds draw from number ranges 100,000 apart (14 M per county before wrapping)
    this.n = (seed % 140) * 100_000;
    for (const c of ALL_CITIES) {
      if (!isRegionCode(c) || regionKind(c) !== 'city') throw new Error(`bench population: ${c} is not a GB/T 2260 city code`);
    }
  }

  next(): Person {
    const hukouCity = weighted(ORIGINS, this.random());
    let residenceCity: string | null = null;
    if (this.random() < this.migrantShare) {
      // cross-province moves only, as the interprovincial flows this gateway exists for
      for (let tries = 0; tries < 10 && residenceCity === null; tries++) {
        const d = weighted(DESTINATIONS, this.random());
        if (provinceOf(d) !== provinceOf(hukouCity)) residenceCity = d;
      }
    }
    return { citizenId: this.citizenId(hukouCity), hukouCity, residenceCity };
  }

  private citizenId(city: string): string {
    let counties = this.counties.get(city);
    if (!counties) this.counties.set(city, (counties = countiesOf(city)));
    const county = counties[Math.floor(this.random() * counties.length)];
    const k = this.n++;
    const birth = new Date(EPOCH + (k % DAYS) * 86400000).toISOString().slice(0, 10).replace(/-/g, '');
    return makeCitizenId(county, birth, String(Math.floor(k / DAYS) % 1000).padStart(3, '0'));
  }
}

/** The token of one agency of one city (every city of the population has one per agency kind). */
export const tokenOf = (region: string, agency: AgencyKind): string => `dev-token-${region}-${agency}`;
export const OPERATOR_TOKEN = 'dev-token-operator';

const catalogue = loadServiceCatalogue();
/** The agency that provides a catalogue service: it claims it and answers its handoffs. */
export const agencyOf = (serviceCode: string): AgencyKind => catalogue.get(serviceCode).agency;

/** A credentials file (tokens stored as SHA-256) for every agency of every city of the population, and an operator. */
export function writeCredentials(file: string): void {
  const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
  const credentials = [
    ...ALL_CITIES.flatMap((region) =>
      agencyKinds().map((agency) => ({
        id: `bench-${region}-${agency}`,
        role: 'region',
        region,
        agency,
        tokenSha256: sha(tokenOf(region, agency)),
      })),
    ),
    { id: 'bench-operator', role: 'operator', tokenSha256: sha(OPERATOR_TOKEN) },
  ];
  fs.writeFileSync(
    file,
    JSON.stringify({ '//': 'generated by bench/: development tokens dev-token-<region>-<agency kind>', credentials }, null, 2),
  );
}

/** YYYY-MM shifted by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
