import { api, ApiError, token } from './api.js';
import { age, el, time } from './dom.js';

const ACTION_LABELS = { resolve: '标记已解决', escalate: '上报', close: '关闭争议' };
const $ = (id) => document.getElementById(id);
let selectedQueue = null;

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

async function loadQueues() {
  const list = await api('GET', '/v1/ops/queues');
  $('today').textContent = `今日 ${list.today}`;
  const nav = $('queues');
  nav.replaceChildren();
  const groups = new Map();
  for (const q of list.queues) groups.set(q.group, [...(groups.get(q.group) ?? []), q]);
  for (const [group, queues] of groups) {
    nav.append(el('h2', {}, group));
    for (const q of queues) {
      nav.append(
        el(
          'button',
          {
            type: 'button',
            class: `queue-card${q.overdue > 0 ? ' has-overdue' : ''}${selectedQueue === q.id ? ' selected' : ''}`,
            'data-queue': q.id,
            onclick: () => guarded(() => openQueue(q.id)),
          },
          el('span', { class: 'label' }, q.label),
          el('span', { class: 'counts' }, `待处理 ${q.total}`, q.overdue > 0 ? el('span', { class: 'late' }, ` · 已逾期 ${q.overdue}`) : '', ` · 最久 ${age(q.oldestAgeSeconds)}`),
        ),
      );
    }
  }
}

function deadline(item) {
  if (!item.dueOn) return el('span', { class: 'muted' }, '无法定时限');
  // past the official holiday schedule the day is counted on the statutory holidays and may still move
  const parts = [item.dueOnProvisional ? `${item.dueOn}（暂定）` : `${item.dueOn}`];
  if (item.statutoryWorkingDays !== null) parts.push(`（法定 ${item.statutoryWorkingDays} 个工作日）`);
  if (item.workingDaysLeft !== null) parts.push(item.workingDaysLeft >= 0 ? ` 剩余 ${item.workingDaysLeft} 个工作日` : ` 超期 ${-item.workingDaysLeft} 个工作日`);
  return parts.join('');
}

async function openQueue(queueId, offset = 0) {
  selectedQueue = queueId;
  const page = await api('GET', `/v1/ops/queues/${encodeURIComponent(queueId)}/items?limit=50&offset=${offset}`);
  const q = page.queue;
  const panel = $('queue');
  const header = el('div', { class: 'actions' }, el('h2', {}, `${q.label}（${q.total}）`));
  if (q.kind === 'dead-letter' && q.total > 0) {
    header.append(el('button', { type: 'button', class: 'danger', id: 'replay-all', onclick: () => guarded(replayAll) }, '全部重放'));
  }
  const rows = page.items.map((item) =>
    el(
      'tr',
      { class: item.overdue ? 'overdue' : '', 'data-item': item.id },
      el('td', {}, item.title, item.overdue ? el('span', { class: 'badge late' }, ' 已逾期') : '', item.escalated ? el('span', { class: 'badge escalated' }, ' 已上报') : ''),
      el('td', {}, item.regions.join(' / ')),
      el('td', {}, item.status),
      el('td', {}, age(item.ageSeconds)),
      el('td', {}, deadline(item)),
      el(
        'td',
        {},
        el('button', { type: 'button', onclick: () => guarded(() => openItem(item.kind, item.id)) }, '查看'),
        item.kind === 'dead-letter' ? el('button', { type: 'button', class: 'primary', 'data-replay': item.id, onclick: () => guarded(() => replayOne(item.id)) }, '重放') : '',
      ),
    ),
  );
  panel.replaceChildren(
    header,
    rows.length === 0
      ? el('p', { class: 'hint' }, '队列为空。')
      : el('table', {}, el('thead', {}, el('tr', {}, ['事项', '地区', '状态', '等待时长', '截止日期（工作日）', ''].map((h) => el('th', {}, h)))), el('tbody', {}, rows)),
    page.next !== null ? el('button', { type: 'button', onclick: () => guarded(() => openQueue(queueId, page.next)) }, '下一页') : '',
  );
  await loadQueues();
}

async function openItem(kind, id) {
  const item = await api('GET', `/v1/ops/items/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`);
  const panel = $('item');
  panel.hidden = false;
  const note = el('input', { type: 'text', id: 'decision-note', placeholder: '处理说明（必填，勿填写身份证号）', maxlength: 2000 });
  const actions = item.actions.map((a) =>
    el('button', { type: 'button', class: 'primary', 'data-action': a, onclick: () => guarded(() => decide(kind, id, a, note.value)) }, ACTION_LABELS[a] ?? a),
  );
  panel.replaceChildren(
    el('h2', {}, `${item.title}`),
    el('p', { class: 'muted' }, `${kind} · ${id} · 状态 ${item.status}${item.subjectRef ? ` · 主体 ${item.subjectRef}` : ''}`),
    el('table', { class: 'facts' }, el('tbody', {}, Object.entries(item.facts).map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v === null ? '—' : String(v)))))),
    actions.length > 0 ? el('div', { class: 'actions' }, note, actions) : '',
    kind === 'dead-letter' && item.status === 'open' ? el('div', { class: 'actions' }, el('button', { type: 'button', class: 'primary', onclick: () => guarded(() => replayOne(id)) }, '重放此死信')) : '',
    el('h3', {}, `事件历史（${item.events.length}）`),
    item.events.length === 0
      ? el('p', { class: 'hint' }, '无事件记录。')
      : el(
          'ol',
          { class: 'events' },
          item.events.map((e) =>
            el('li', {}, el('strong', {}, e.type), ` · ${time(e.time)} · ${e.source} · 发往 ${e.recipients.join(',')}`, e.publishedAt ? '' : el('span', { class: 'badge escalated' }, ' 未发布'), el('pre', {}, JSON.stringify(e.data, null, 2))),
          ),
        ),
    el('h3', {}, `审计记录（${item.audit.length}）`),
    item.audit.length === 0
      ? el('p', { class: 'hint' }, '无审计记录。')
      : el('table', {}, el('tbody', {}, item.audit.map((a) => el('tr', {}, el('td', {}, time(a.occurredAt)), el('td', {}, a.actor), el('td', {}, a.action), el('td', {}, String(a.status)))))),
    el('h3', {}, `运维决定（${item.decisions.length}）`),
    item.decisions.length === 0
      ? el('p', { class: 'hint' }, '尚无。')
      : el('ul', {}, item.decisions.map((d) => el('li', {}, `${time(d.decidedAt)} ${ACTION_LABELS[d.action] ?? d.action} · ${d.decidedBy} · ${d.note}`))),
  );
}

async function decide(kind, id, action, note) {
  if (!note.trim()) {
    say('请填写处理说明。');
    return;
  }
  await api('POST', `/v1/ops/items/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/decisions`, { action, note: note.trim() });
  say(`已${ACTION_LABELS[action] ?? action}。`);
  await openItem(kind, id);
  if (selectedQueue) await openQueue(selectedQueue);
}

async function replayOne(id) {
  await api('POST', `/v1/ops/dead-letters/${encodeURIComponent(id)}/replay`);
  say(`死信 ${id} 已重放。`);
  $('item').hidden = true;
  await openQueue('dead-letters');
}

async function replayAll() {
  const result = await api('POST', '/v1/ops/dead-letters/replay', {});
  say(`已重放 ${result.replayed} 条死信。`);
  $('item').hidden = true;
  await openQueue('dead-letters');
}

async function loadKafka() {
  const k = await api('GET', '/v1/ops/kafka');
  const body = $('kafka-body');
  body.replaceChildren(
    el('h3', {}, '消费组延迟'),
    el(
      'table',
      {},
      el('thead', {}, el('tr', {}, ['消费组', '状态', '成员', '总延迟', '分区延迟'].map((h) => el('th', {}, h)))),
      el(
        'tbody',
        {},
        k.consumerGroups.map((g) =>
          el('tr', {}, el('td', {}, g.groupId), el('td', {}, g.state), el('td', {}, String(g.members)), el('td', {}, String(g.totalLag)), el('td', {}, g.partitions.filter((p) => p.lag > 0).map((p) => `${p.topic}#${p.partition}: ${p.lag}`).join('; ') || '—')),
        ),
      ),
    ),
    el('h3', {}, '发件箱积压与转发延迟'),
    el(
      'table',
      {},
      el('thead', {}, el('tr', {}, ['模式', '未发布', '最久未发布', '最近转发延迟'].map((h) => el('th', {}, h)))),
      el('tbody', {}, k.outboxes.map((o) => el('tr', {}, el('td', {}, o.schema), el('td', {}, String(o.backlog)), el('td', {}, age(o.oldestUnpublishedAgeSeconds)), el('td', {}, o.lastRelayDelaySeconds === null ? '—' : `${o.lastRelayDelaySeconds.toFixed(3)} 秒`)))),
    ),
    el('h3', {}, '死信（待重放）'),
    k.deadLetters.length === 0 ? el('p', { class: 'hint' }, '无。') : el('ul', {}, k.deadLetters.map((d) => el('li', {}, `${d.consumer}: ${d.open} 条，最久 ${age(d.oldestAgeSeconds)}`))),
    el('p', { class: 'muted' }, `检查于 ${time(k.checkedAt)}`),
  );
}

async function start() {
  $('app').hidden = false;
  $('logout').hidden = false;
  for (const id of ['token', 'login-submit', 'login-cert']) $(id).hidden = true;
  await loadQueues();
  await loadKafka();
}

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
$('kafka-refresh').addEventListener('click', () => void guarded(loadKafka));
if (token.get()) void guarded(start);
