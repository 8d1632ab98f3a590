// The operator's filters: kept in sessionStorage (never in the URL) so a reload or an auto-refresh keeps them.
const KEY = 'tongban.consoleFilters';

export const NO_FILTERS = Object.freeze({ q: '', region: '', service: '', status: '', overdue: false });

// An 18-character citizen ID number anywhere in the search text: refused here, and by the gateway (422).
const CITIZEN_ID = /[0-9]{17}[0-9Xx]/;
const SEARCH = /^[A-Za-z0-9:._-]{1,240}$/;
const REGION = /^[0-9]{6}$/;
const STATUS = /^[A-Za-z0-9/:._-]{1,64}$/;

export function loadFilters() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
    return { ...NO_FILTERS, ...stored };
  } catch {
    return { ...NO_FILTERS };
  }
}

export function saveFilters(filters) {
  sessionStorage.setItem(KEY, JSON.stringify(filters));
}

export function readForm(form) {
  const value = (name) => String(form.elements[name].value ?? '').trim();
  return {
    q: value('q'),
    region: value('region'),
    service: value('service'),
    status: value('status'),
    overdue: form.elements.overdue.checked,
  };
}

export function fillForm(form, filters) {
  form.elements.q.value = filters.q;
  form.elements.region.value = filters.region;
  form.elements.service.value = filters.service;
  form.elements.status.value = filters.status;
  form.elements.overdue.checked = filters.overdue;
}

/** Why the filters cannot be sent (and the field to fix), or null. */
export function invalid(filters) {
  if (filters.q && CITIZEN_ID.test(filters.q)) return { field: 'q', text: '请勿输入身份证号：请按 subjectRef 或事项编号搜索。' };
  if (filters.q && !SEARCH.test(filters.q)) return { field: 'q', text: '搜索内容只能是 subjectRef 或事项编号（字母、数字和 : . _ -）。' };
  if (filters.region && !REGION.test(filters.region))
    return { field: 'region', text: '地区代码是 6 位数字，如 440100（市）或 440000（省）。' };
  if (filters.status && !STATUS.test(filters.status)) return { field: 'status', text: '状态只能含字母、数字和 / : . _ -。' };
  return null;
}

export const isFiltered = (f) => Boolean(f.q || f.region || f.service || f.status || f.overdue);

/** The query string of the filters (only those given). */
export function queryOf(filters) {
  const params = new URLSearchParams();
  for (const name of ['q', 'region', 'service', 'status']) if (filters[name]) params.set(name, filters[name]);
  if (filters.overdue) params.set('overdue', 'true');
  return params.toString();
}
