import { api, ApiError, token } from './api.js';
import { renderCatalogue, serviceOptions } from './catalogue.js';
import { fillForm, invalid, isFiltered, loadFilters, NO_FILTERS, queryOf, readForm, saveFilters } from './filters.js';
import { ACTION_LABELS, renderHits, renderItem, renderKafka, renderQueueList, renderQueuePage } from './views.js';

const $ = (id) => document.getElementById(id);
const PAGE = 50;
// every 20 s by default; a test may shorten it (sessionStorage, at least 2 s)
const REFRESH_SECONDS = Math.max(2, Number(sessionStorage.getItem('tongban.refreshSeconds')) || 20);

const state = {
  filters: loadFilters(),
  queue: null,
  offset: 0,
  item: null, // { kind, id, opener } while an item is open
  catalogue: null,
  paused: false,
  refreshing: false,
};

function say(text) {
  const box = $('message');
  box.textContent = text;
  box.hidden = !text;
}

async function guarded(fn) {
  try {
    say('');
    await fn();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      token.clear();
      showLogin();
      say('令牌无效或已失效，请重新登录。');
    } else if (error instanceof ApiError && error.status === 403) {
      say('此令牌没有运维权限。');
    } else {
      say(`操作失败：${error.message}`);
    }
  }
}

function showLogin() {
  $('app').hidden = true;
  $('logout').hidden = true;
  for (const id of ['token', 'login-submit', 'login-cert']) $(id).hidden = false;
}

// ---- queues, items, search ------------------------------------------------------------------

let lastQueues = [];

// Each view part is fetched, then shown: a refresh fetches every part first and re-renders them at once.
function fetchQueues() {
  const query = queryOf(state.filters);
  return api('GET', `/v1/ops/queues${query ? `?${query}` : ''}`);
}

function fetchQueuePage() {
  if (!state.queue) return Promise.resolve(null);
  const query = queryOf(state.filters);
  return api(
    'GET',
    `/v1/ops/queues/${encodeURIComponent(state.queue)}/items?limit=${PAGE}&offset=${state.offset}${query ? `&${query}` : ''}`,
  );
}

const fetchItem = (kind, id) => api('GET', `/v1/ops/items/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`);

async function loadQueues() {
  showQueues(await fetchQueues());
}

function showQueues(list) {
  $('today').textContent = `今日 ${list.today}`;
  lastQueues = list.queues;
  renderQueueList($('queues'), list, {
    selected: state.queue,
    filtered: isFiltered(state.filters),
    open: (id) => guarded(() => openQueue(id)),
  });
}

async function loadQueuePage() {
  showQueuePage(await fetchQueuePage());
}

function showQueuePage(page) {
  if (!page) return;
  renderQueuePage($('queue'), page, {
    filtered: isFiltered(state.filters),
    offset: state.offset,
    limit: PAGE,
    statuses: $('f-status-list'),
    openItem: (kind, id) => guarded(() => openItem(kind, id)),
    replayOne: (id) => guarded(() => replayOne(id)),
    replayAll: () => guarded(replayAll),
    go: (offset) => guarded(() => openQueue(state.queue, offset)),
  });
}

async function openQueue(queueId, offset = 0) {
  state.queue = queueId;
  state.offset = offset;
  sessionStorage.setItem('tongban.consoleQueue', queueId);
  await loadQueuePage();
  await loadQueues();
}

async function loadHits() {
  const panel = $('hits');
  if (!state.filters.q) {
    panel.hidden = true;
    panel.replaceChildren();
    return;
  }
  const result = await api('GET', `/v1/ops/search?q=${encodeURIComponent(state.filters.q)}`);
  renderHits(panel, state.filters.q, result, lastQueues, {
    openItem: (kind, id) => guarded(() => openItem(kind, id)),
    openQueue: (id) => guarded(() => openQueue(id)),
  });
}

async function openItem(kind, id) {
  showItem(kind, id, await fetchItem(kind, id));
  $('item-title').focus();
}

function showItem(kind, id, item) {
  const opener =
    state.item?.kind === kind && state.item?.id === id ? state.item.opener : document.activeElement?.getAttribute('data-focus');
  state.item = { kind, id, opener };
  renderItem($('item'), item, {
    decide: (action, note) => guarded(() => decide(kind, id, action, note)),
    replay: () => guarded(() => replayOne(id)),
    searchSubject: (ref) => guarded(() => applyFilters({ ...NO_FILTERS, q: ref })),
    close: closeItem,
  });
}

function closeItem() {
  const opener = state.item?.opener;
  state.item = null;
  $('item').hidden = true;
  const back = opener && document.querySelector(`[data-focus="${CSS.escape(opener)}"]`);
  if (back) back.focus();
}

async function decide(kind, id, action, note) {
  if (!note.trim()) {
    say('请填写处理说明。');
    return;
  }
  await api('POST', `/v1/ops/items/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/decisions`, { action, note: note.trim() });
  say(`已${ACTION_LABELS[action] ?? action}。`);
  await openItem(kind, id);
  if (state.queue) await openQueue(state.queue, state.offset);
}

async function replayOne(id) {
  await api('POST', `/v1/ops/dead-letters/${encodeURIComponent(id)}/replay`);
  say(`死信 ${id} 已重放。`);
  state.item = null;
  $('item').hidden = true;
  await openQueue('dead-letters', state.queue === 'dead-letters' ? state.offset : 0);
}

async function replayAll() {
  const result = await api('POST', '/v1/ops/dead-letters/replay', {});
  say(`已重放 ${result.replayed} 条死信。`);
  state.item = null;
  $('item').hidden = true;
  await openQueue('dead-letters');
}

const fetchKafka = () => api('GET', '/v1/ops/kafka');

async function loadKafka() {
  renderKafka($('kafka-body'), await fetchKafka());
}

/** Applies new filters: counts, the open queue's first page and the search hits, on the server. */
async function applyFilters(filters) {
  const problem = invalid(filters);
  if (problem) {
    say(problem.text);
    $(`f-${problem.field}`).focus();
    return;
  }
  state.filters = filters;
  saveFilters(filters);
  fillForm($('filters'), filters);
  showView('queues');
  state.offset = 0;
  await loadQueues();
  // a search opens the first queue holding a match unless the open one has some
  const current = lastQueues.find((q) => q.id === state.queue);
  if (filters.q && (!current || current.total === 0)) state.queue = lastQueues.find((q) => q.total > 0)?.id ?? state.queue;
  if (state.queue) await openQueue(state.queue, 0);
  await loadHits();
}

// ---- auto-refresh ------------------------------------------------------------------------------

/**
 * Re-reads what is shown, keeping filters, page, scroll position and the focused control: every part
 * is fetched first, then all are re-rendered in one go and the focus and scroll put back at once. An
 * open item is left alone while the operator writes a decision note.
 */
async function refresh() {
  if (state.refreshing) return;
  state.refreshing = true;
  try {
    const open = state.item;
    const note = $('decision-note');
    const writing = note && (note.value !== '' || document.activeElement === note);
    const [list, page, kafka, item] = await Promise.all([
      fetchQueues(),
      fetchQueuePage(),
      fetchKafka(),
      open && !writing ? fetchItem(open.kind, open.id).catch(() => null) : null,
    ]);
    const scroll = { x: window.scrollX, y: window.scrollY };
    const focused = document.activeElement?.getAttribute('data-focus');
    showQueues(list);
    showQueuePage(page);
    renderKafka($('kafka-body'), kafka);
    if (item && state.item === open) showItem(open.kind, open.id, item);
    window.scrollTo(scroll.x, scroll.y);
    const back = focused && document.querySelector(`[data-focus="${CSS.escape(focused)}"]`);
    if (back && document.activeElement !== back) back.focus({ preventScroll: true });
    $('refreshed').textContent = `已刷新 ${new Date().toLocaleTimeString('zh-CN', { hour12: false })}`;
  } finally {
    state.refreshing = false;
  }
}

function setPaused(paused) {
  state.paused = paused;
  const button = $('refresh-toggle');
  button.setAttribute('aria-pressed', String(paused));
  button.textContent = paused ? '恢复自动刷新' : '暂停自动刷新';
  $('refreshed').textContent = paused ? '自动刷新已暂停' : `每 ${REFRESH_SECONDS} 秒自动刷新`;
}

setInterval(() => {
  if (state.paused || document.hidden || $('app').hidden || $('view-queues').hidden) return;
  void guarded(refresh);
}, REFRESH_SECONDS * 1000);

// ---- views, keyboard, start --------------------------------------------------------------------

function showView(view) {
  $('view-queues').hidden = view !== 'queues';
  $('view-catalogue').hidden = view !== 'catalogue';
  for (const tab of document.querySelectorAll('[data-view]'))
    tab.setAttribute('aria-current', tab.dataset.view === view ? 'page' : 'false');
}

async function loadCatalogue() {
  state.catalogue = await api('GET', '/v1/catalogue');
  serviceOptions($('f-service'), state.catalogue, state.filters.service);
  renderCatalogue($('catalogue'), state.catalogue);
}

async function start() {
  $('app').hidden = false;
  $('logout').hidden = false;
  for (const id of ['token', 'login-submit', 'login-cert']) $(id).hidden = true;
  fillForm($('filters'), state.filters);
  setPaused(state.paused);
  await loadCatalogue();
  state.queue = sessionStorage.getItem('tongban.consoleQueue');
  await loadQueues();
  if (state.queue && lastQueues.some((q) => q.id === state.queue)) await openQueue(state.queue, 0);
  else state.queue = null;
  await loadHits();
  await loadKafka();
}

const typingIn = (target) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

document.addEventListener('keydown', (event) => {
  if ($('app').hidden || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === '/' && !typingIn(event.target)) {
    event.preventDefault();
    showView('queues');
    $('f-q').focus();
    $('f-q').select();
  } else if (event.key === 'Escape' && state.item && !$('item').hidden) {
    closeItem();
  }
});

$('login').addEventListener('submit', (event) => {
  event.preventDefault();
  token.set($('token').value.trim());
  $('token').value = '';
  void guarded(start);
});
$('login-cert').addEventListener('click', () => {
  token.clear();
  void guarded(start);
});
$('logout').addEventListener('click', () => {
  token.clear();
  showLogin();
});
$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  void guarded(() => applyFilters(readForm($('filters'))));
});
for (const id of ['f-service', 'f-overdue'])
  $(id).addEventListener('change', () => void guarded(() => applyFilters(readForm($('filters')))));
$('f-clear').addEventListener('click', () => void guarded(() => applyFilters({ ...NO_FILTERS })));
$('refresh-toggle').addEventListener('click', () => setPaused(!state.paused));
$('refresh-now').addEventListener('click', () => void guarded(refresh));
$('kafka-refresh').addEventListener('click', () => void guarded(loadKafka));
for (const tab of document.querySelectorAll('[data-view]')) {
  tab.addEventListener('click', () => {
    showView(tab.dataset.view);
    if (tab.dataset.view === 'catalogue') $('catalogue-title')?.focus();
  });
}
if (token.get()) void guarded(start);
