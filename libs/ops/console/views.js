// What the queue view shows: the queue list, a page of items, search hits and an item's page. Pure
// rendering: every action is a callback of console.js. `data-focus` names a control so that an
// auto-refresh can give the focus back to the same control after re-rendering.
import { age, el, time } from './dom.js';

export const ACTION_LABELS = { resolve: '标记已解决', escalate: '上报', close: '关闭争议' };
const KIND_LABELS = {
  'dead-letter': '死信',
  transfer: '社保转移',
  'handoff-case': '交接案',
  handoff: '交接',
  'fact-change': '事实变更',
  gap: '缺口',
  'reconciliation-item': '比对差异',
  settlement: '结算',
  statement: '清算单',
  'statement-line': '清算单行',
  filing: '异地就医备案',
};
export const kindLabel = (kind) => KIND_LABELS[kind] ?? kind;

export function renderQueueList(nav, list, { selected, filtered, open }) {
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
            class: `queue-card${q.overdue > 0 ? ' has-overdue' : ''}${selected === q.id ? ' selected' : ''}${filtered && q.total === 0 ? ' empty' : ''}`,
            'data-queue': q.id,
            'data-focus': `queue:${q.id}`,
            'aria-current': selected === q.id ? 'true' : undefined,
            onclick: () => open(q.id),
          },
          el('span', { class: 'label' }, q.label),
          el(
            'span',
            { class: 'counts' },
            `${filtered ? '匹配' : '待处理'} ${q.total}`,
            q.overdue > 0 ? el('span', { class: 'late' }, ` · 已逾期 ${q.overdue}`) : '',
            ` · 最久 ${age(q.oldestAgeSeconds)}`,
          ),
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
  if (item.workingDaysLeft !== null)
    parts.push(item.workingDaysLeft >= 0 ? ` 剩余 ${item.workingDaysLeft} 个工作日` : ` 超期 ${-item.workingDaysLeft} 个工作日`);
  return parts.join('');
}

export function renderQueuePage(panel, page, { filtered, offset, limit, openItem, replayOne, replayAll, go, statuses }) {
  const q = page.queue;
  const header = el(
    'div',
    { class: 'actions' },
    el('h2', { id: 'queue-title' }, `${q.label}（${filtered ? `匹配 ${q.total}` : q.total}）`),
  );
  if (q.kind === 'dead-letter' && q.total > 0 && !filtered) {
    header.append(
      el('button', { type: 'button', class: 'danger', id: 'replay-all', 'data-focus': 'replay-all', onclick: replayAll }, '全部重放'),
    );
  }
  const cell = (label, ...content) => el('td', { 'data-label': label }, el('span', { class: 'v' }, ...content));
  const rows = page.items.map((item) =>
    el(
      'tr',
      { class: item.overdue ? 'overdue' : '', 'data-item': item.id },
      cell(
        '事项',
        el('span', { class: 'title' }, item.title),
        item.overdue ? el('span', { class: 'badge late' }, ' 已逾期') : '',
        item.escalated ? el('span', { class: 'badge escalated' }, ' 已上报') : '',
        item.subjectRef ? el('span', { class: 'ref muted' }, item.subjectRef) : '',
      ),
      cell('地区', item.regions.join(' / ') || '—'),
      cell('状态', item.status),
      cell('等待时长', age(item.ageSeconds)),
      cell('截止日期（工作日）', deadline(item)),
      cell(
        '操作',
        el(
          'button',
          {
            type: 'button',
            'data-focus': `view:${item.kind}:${item.id}`,
            'aria-label': `查看 ${item.title}`,
            onclick: () => openItem(item.kind, item.id),
          },
          '查看',
        ),
        item.kind === 'dead-letter'
          ? el(
              'button',
              {
                type: 'button',
                class: 'primary',
                'data-replay': item.id,
                'data-focus': `replay:${item.id}`,
                onclick: () => replayOne(item.id),
              },
              '重放',
            )
          : '',
      ),
    ),
  );
  const first = page.items.length === 0 ? 0 : offset + 1;
  const pager = el(
    'div',
    { class: 'pager' },
    el('span', { class: 'muted' }, `第 ${first}–${offset + page.items.length} 条，共 ${q.total} 条`),
    offset > 0 ? el('button', { type: 'button', 'data-focus': 'page:prev', onclick: () => go(Math.max(0, offset - limit)) }, '上一页') : '',
    page.next !== null ? el('button', { type: 'button', 'data-focus': 'page:next', onclick: () => go(page.next) }, '下一页') : '',
  );
  panel.replaceChildren(
    header,
    rows.length === 0
      ? el('p', { class: 'hint' }, filtered ? '没有符合筛选条件的事项。' : '队列为空。')
      : el(
          'table',
          { class: 'cards items' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ['事项', '地区', '状态', '等待时长', '截止日期（工作日）', '操作'].map((h) => el('th', { scope: 'col' }, h)),
            ),
          ),
          el('tbody', {}, rows),
        ),
    pager,
  );
  statuses.replaceChildren(...[...new Set(page.items.map((i) => i.status))].map((s) => el('option', { value: s })));
}

/** Items named by the search text itself (any kind and state), and where the waiting matches are. */
export function renderHits(panel, q, result, queues, { openItem, openQueue }) {
  const waiting = queues.filter((x) => x.total > 0);
  panel.hidden = false;
  panel.replaceChildren(
    el('h2', {}, `搜索“${q}”`),
    result.items.length === 0 && waiting.length === 0 ? el('p', { class: 'hint' }, '未找到匹配的事项。') : '',
    result.items.length > 0
      ? el(
          'ul',
          { class: 'hits' },
          result.items.map((hit) =>
            el(
              'li',
              { 'data-hit': `${hit.kind}:${hit.id}` },
              el('span', { class: 'badge kind' }, kindLabel(hit.kind)),
              ` ${hit.title} · 状态 ${hit.status} `,
              el(
                'button',
                { type: 'button', 'data-focus': `hit:${hit.kind}:${hit.id}`, onclick: () => openItem(hit.kind, hit.id) },
                '查看',
              ),
            ),
          ),
        )
      : '',
    waiting.length > 0
      ? el(
          'p',
          { class: 'muted' },
          '待处理的匹配事项在：',
          waiting.map((x) => el('button', { type: 'button', class: 'link', onclick: () => openQueue(x.id) }, `${x.label}（${x.total}）`)),
        )
      : '',
  );
}

function auditTable(audit) {
  const cell = (label, ...content) => el('td', { 'data-label': label }, el('span', { class: 'v' }, ...content));
  return el(
    'table',
    { class: 'cards audit' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ['时间', '操作者', '操作', '资源', '状态', '请求号', '关联方式'].map((h) => el('th', { scope: 'col' }, h)),
      ),
    ),
    el(
      'tbody',
      {},
      audit.map((a) =>
        el(
          'tr',
          { 'data-audit': a.id, 'data-matched-by': a.matchedBy },
          cell('时间', time(a.occurredAt)),
          cell('操作者', a.actor),
          cell('操作', el('code', {}, a.action)),
          cell('资源', el('code', {}, a.resource)),
          cell('状态', String(a.status)),
          cell('请求号', a.requestId ? el('code', {}, a.requestId) : '—'),
          cell(
            '关联方式',
            a.matchedBy === 'request' ? '创建或变更本事项的请求' : '本事项的路径',
            a.chained ? '' : el('span', { class: 'badge escalated' }, ' 未链入'),
          ),
        ),
      ),
    ),
  );
}

export function renderItem(panel, item, { decide, replay, searchSubject, close }) {
  const note = el('input', {
    type: 'text',
    id: 'decision-note',
    placeholder: '处理说明（必填，勿填写身份证号）',
    maxlength: 2000,
    'aria-label': '处理说明',
  });
  const actions = item.actions.map((a) =>
    el('button', { type: 'button', class: 'primary', 'data-action': a, onclick: () => decide(a, note.value) }, ACTION_LABELS[a] ?? a),
  );
  panel.hidden = false;
  panel.replaceChildren(
    el(
      'div',
      { class: 'actions' },
      el('h2', { id: 'item-title', tabindex: '-1', 'data-focus': 'item-title' }, item.title),
      el(
        'button',
        { type: 'button', id: 'item-close', 'data-focus': 'item-close', 'aria-label': '关闭事项（Esc）', onclick: close },
        '关闭',
      ),
    ),
    el(
      'p',
      { class: 'muted' },
      `${kindLabel(item.kind)} · ${item.id} · 状态 ${item.status}`,
      item.subjectRef
        ? [
            ` · 主体 ${item.subjectRef} `,
            el('button', { type: 'button', class: 'link', onclick: () => searchSubject(item.subjectRef) }, '搜索此主体的事项'),
          ]
        : '',
    ),
    el(
      'table',
      { class: 'facts' },
      el(
        'tbody',
        {},
        Object.entries(item.facts).map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, v === null ? '—' : String(v)))),
      ),
    ),
    actions.length > 0 ? el('div', { class: 'actions' }, note, actions) : '',
    item.kind === 'dead-letter' && item.status === 'open'
      ? el('div', { class: 'actions' }, el('button', { type: 'button', class: 'primary', onclick: replay }, '重放此死信'))
      : '',
    el('h3', {}, `事件历史（${item.events.length}）`),
    item.events.length === 0
      ? el('p', { class: 'hint' }, '无事件记录。')
      : el(
          'ol',
          { class: 'events' },
          item.events.map((e) =>
            el(
              'li',
              {},
              el('strong', {}, e.type),
              ` · ${time(e.time)} · ${e.source} · 发往 ${e.recipients.join(',')}`,
              e.requestId ? ` · 请求 ${e.requestId}` : '',
              e.publishedAt ? '' : el('span', { class: 'badge escalated' }, ' 未发布'),
              el('pre', {}, JSON.stringify(e.data, null, 2)),
            ),
          ),
        ),
    el('h3', {}, `审计记录（${item.audit.length}）`),
    item.audit.length === 0 ? el('p', { class: 'hint' }, '无审计记录。') : auditTable(item.audit),
    el('h3', {}, `运维决定（${item.decisions.length}）`),
    item.decisions.length === 0
      ? el('p', { class: 'hint' }, '尚无。')
      : el(
          'ul',
          {},
          item.decisions.map((d) =>
            el('li', {}, `${time(d.decidedAt)} ${ACTION_LABELS[d.action] ?? d.action} · ${d.decidedBy} · ${d.note}`),
          ),
        ),
  );
}

/** A table that becomes cards on a narrow screen: each cell labelled with its column's header. */
function cardTable(headers, rows) {
  return el(
    'table',
    { class: 'cards' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        headers.map((h) => el('th', { scope: 'col' }, h)),
      ),
    ),
    el(
      'tbody',
      {},
      rows.map((cells) =>
        el(
          'tr',
          {},
          cells.map((c, i) => el('td', { 'data-label': headers[i] }, c)),
        ),
      ),
    ),
  );
}

export function renderKafka(body, k) {
  body.replaceChildren(
    el('h3', {}, '消费组延迟'),
    cardTable(
      ['消费组', '状态', '成员', '总延迟', '分区延迟'],
      k.consumerGroups.map((g) => [
        g.groupId,
        g.state,
        String(g.members),
        String(g.totalLag),
        g.partitions
          .filter((p) => p.lag > 0)
          .map((p) => `${p.topic}#${p.partition}: ${p.lag}`)
          .join('; ') || '—',
      ]),
    ),
    el('h3', {}, '发件箱积压与转发延迟'),
    cardTable(
      ['模式', '未发布', '最久未发布', '最近转发延迟'],
      k.outboxes.map((o) => [
        o.schema,
        String(o.backlog),
        age(o.oldestUnpublishedAgeSeconds),
        o.lastRelayDelaySeconds === null ? '—' : `${o.lastRelayDelaySeconds.toFixed(3)} 秒`,
      ]),
    ),
    el('h3', {}, '死信（待重放）'),
    k.deadLetters.length === 0
      ? el('p', { class: 'hint' }, '无。')
      : el(
          'ul',
          {},
          k.deadLetters.map((d) => el('li', {}, `${d.consumer}: ${d.open} 条，最久 ${age(d.oldestAgeSeconds)}`)),
        ),
    el('p', { class: 'muted' }, `检查于 ${time(k.checkedAt)}`),
  );
}
