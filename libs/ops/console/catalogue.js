// The service catalogue in force (GET /v1/catalogue): codes, basis, periodicity, period keys, agencies, city conditions.
import { el } from './dom.js';

export const BASIS = {
  hukou: '户籍地',
  residence: '常住地',
  'residence-permit': '常住地（持居住证）',
  insured: '参保地',
  treatment: '就医地',
  emergency: '急难发生地',
};
const PERIODICITY = { monthly: '按月', 'school-term': '按学期', yearly: '按年', 'one-off': '一次性', continuous: '持续' };
const CONDITION = {
  'residence-permit': () => '居住证',
  'residence-years': (c) => `居住满 ${c.minYears} 年`,
  'social-insurance-years': (c) => `社保满 ${c.minYears} 年`,
  points: (c) => `积分 ≥ ${c.threshold}`,
};

const conditionsOf = (item) =>
  item.conditions.length === 0
    ? '—'
    : item.conditions
        .map((city) => `${city.cityNameZh}：${city.conditions.map((c) => (CONDITION[c.kind] ?? (() => c.kind))(c)).join('、') || '无条件'}`)
        .join('；');

function row(item, names) {
  const cell = (label, ...content) => el('td', { 'data-label': label }, el('span', { class: 'v' }, ...content));
  return el(
    'tr',
    { 'data-service': item.code },
    cell('代码', el('code', {}, item.code)),
    cell('名称', item.nameZh),
    cell('领域 · 类别', `${names.domains.get(item.domain) ?? item.domain} · ${names.categories.get(item.category) ?? item.category}`),
    cell('责任地', BASIS[item.basis] ?? item.basis, item.insuranceBranch ? `（${item.insuranceBranch}）` : ''),
    cell('周期', PERIODICITY[item.periodicity] ?? item.periodicity),
    cell('申领期间键', el('code', {}, item.periodKeyFormat)),
    cell('每期须申领', item.entitlementNeedsClaimPerPeriod ? '是' : '否'),
    cell('提供机构', item.agency),
    cell('依据条款', item.seedRefs.join('、')),
    cell('城市条件（一城一策）', conditionsOf(item)),
  );
}

/** Renders the catalogue into `panel`, with a filter over code, name, basis and category. */
export function renderCatalogue(panel, catalogue) {
  const names = {
    domains: new Map(catalogue.domains.map((d) => [d.code, d.nameZh])),
    categories: new Map(catalogue.categories.map((c) => [c.code, c.nameZh])),
  };
  const rows = catalogue.items.map((item) => ({ item, tr: row(item, names) }));
  const tbody = el(
    'tbody',
    {},
    rows.map((r) => r.tr),
  );
  const count = el('span', { class: 'muted', id: 'catalogue-count' }, `共 ${rows.length} 项`);
  const filter = el('input', {
    id: 'catalogue-filter',
    type: 'search',
    placeholder: '代码、名称、责任地或类别',
    autocomplete: 'off',
    oninput: () => {
      const needle = filter.value.trim().toLowerCase();
      let shown = 0;
      for (const { tr } of rows) {
        const match = !needle || tr.textContent.toLowerCase().includes(needle);
        tr.hidden = !match;
        if (match) shown += 1;
      }
      count.textContent = needle ? `匹配 ${shown} / ${rows.length} 项` : `共 ${rows.length} 项`;
    },
  });
  panel.replaceChildren(
    el(
      'h2',
      { tabindex: '-1', id: 'catalogue-title' },
      `基本公共服务目录（第 ${catalogue.version} 版，${catalogue.effectiveFrom} 起施行）`,
    ),
    el(
      'p',
      { class: 'muted' },
      `城市政策第 ${catalogue.cityPolicyVersion} 版（${catalogue.cityPolicyEffectiveFrom} 起）· 截至 ${catalogue.asOf} · 申领按“申领期间键”的格式填写 periodKey`,
    ),
    el('div', { class: 'field inline' }, el('label', { for: 'catalogue-filter' }, '在目录中筛选'), filter, count),
    el(
      'table',
      { class: 'cards catalogue' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ['代码', '名称', '领域 · 类别', '责任地', '周期', '申领期间键', '每期须申领', '提供机构', '依据条款', '城市条件（一城一策）'].map(
            (h) => el('th', { scope: 'col' }, h),
          ),
        ),
      ),
      tbody,
    ),
  );
}

/** The options of the service filter, from the catalogue's items. */
export function serviceOptions(select, catalogue, selected) {
  select.replaceChildren(
    el('option', { value: '' }, '全部服务'),
    ...catalogue.items.map((item) =>
      el('option', { value: item.code, selected: item.code === selected }, `${item.nameZh}（${item.code}）`),
    ),
  );
}
