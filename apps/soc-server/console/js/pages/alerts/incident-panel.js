// The queue's incident panel: open incidents, P1 first, with SLA time left and bulk acknowledge.
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { addStrings, formatTime, t } from '../../i18n.js';
import { go } from '../../router.js';
import { PRIORITIES, priorityBadge, stateChip, timeLeft } from '../../widgets.js';

addStrings({
  'queue.incidents': ['Sự cố', 'Incidents'],
  'queue.bulkAck': ['Tiếp nhận các sự cố đã chọn ({count})', 'Acknowledge selected ({count})'],
  'queue.bulkDone': ['Đã tiếp nhận {ok}/{total} sự cố', 'Acknowledged {ok} of {total} incidents'],
  'queue.bulkFailed': ['{ref}: {message}', '{ref}: {message}'],
  'queue.selectAll': ['Chọn tất cả', 'Select all'],
  'queue.select': ['Chọn {ref}', 'Select {ref}'],
  'queue.emptyIncidents': ['Không có sự cố nào khớp bộ lọc. Sự cố mới sẽ hiện ở đây ngay khi phát sinh.', 'No incidents match the filters. New ones appear here as soon as they are opened.'],
  'sla.breached': ['Quá hạn', 'Breached'],
  'sla.ackBy': ['Tiếp nhận trước {time}', 'Acknowledge by {time}'],
  'sla.resolveBy': ['Xử lý xong trước {time}', 'Resolve by {time}'],
  'sla.done': ['Đã xong', 'Done'],
});

function slaCell(incident) {
  const sla = incident.sla ?? {};
  const breached = sla.acknowledgeBreachedAt || sla.resolveBreachedAt;
  if (incident.state === 'resolved' || incident.state === 'closed') return el('td', { class: 'muted' }, t('sla.done'));
  const due = incident.acknowledgedAt ? sla.resolveBy : sla.acknowledgeBy;
  const overdue = breached || (due && Date.parse(due) < Date.now());
  return el(
    'td',
    { class: overdue ? 'sla-breached nowrap small' : 'nowrap small', title: due ? t(incident.acknowledgedAt ? 'sla.resolveBy' : 'sla.ackBy', { time: formatTime(due) }) : '' },
    overdue ? el('strong', {}, t('sla.breached')) : null,
    overdue ? ' ' : null,
    due ? el('span', { class: 'muted' }, timeLeft(due, { seconds: false })) : '—',
  );
}

/**
 * `incidents` is the queue's id → incident map, `fresh`/`arriving` its "new" and "flash once" sets, `matches`
 * the filter test, `error` the queue's error line and `reload` a fresh REST load (after a bulk action).
 */
export function incidentPanel({ incidents, fresh, arriving, matches, agencyName, manage, error, reload }) {
  const selected = new Set();
  const bulkResult = el('p', { class: 'muted', 'data-testid': 'bulk-result' });
  const body = el('tbody');
  const count = el('span', { class: 'muted' });
  const selectAll = el('input', {
    type: 'checkbox',
    'aria-label': t('queue.selectAll'),
    'data-testid': 'select-all',
    onchange: (event) => {
      for (const incident of visible()) {
        if (event.target.checked) selected.add(incident.id);
        else selected.delete(incident.id);
      }
      render();
    },
  });
  const bulkAck = el('button', {
    type: 'button',
    'data-testid': 'bulk-ack',
    disabled: true,
    onclick: async () => {
      const ids = [...selected];
      if (ids.length === 0) return;
      error.textContent = '';
      bulkAck.disabled = true;
      try {
        const results = await api.post('/api/v1/incidents/bulk', { action: 'acknowledge', ids });
        const failures = results.filter((result) => !result.ok);
        bulkResult.replaceChildren(
          el('span', {}, t('queue.bulkDone', { ok: results.length - failures.length, total: results.length })),
          ...failures.map((failure) => el('span', { class: 'error' }, ' · ', t('queue.bulkFailed', { ref: incidents.get(failure.id)?.ref ?? failure.id, message: failure.message ?? failure.code }))),
        );
        selected.clear();
        await reload();
      } catch (failure) {
        error.textContent = t('app.error', { message: failure.message });
        render();
      }
    },
  });

  const node = el(
    'section',
    { class: 'card queue-panel', 'data-testid': 'incident-panel' },
    el('div', { class: 'panel-head' }, el('h2', {}, t('queue.incidents')), count, el('span', { class: 'spacer' }), manage ? bulkAck : null),
    el(
      'table',
      { class: 'queue-table' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          manage ? el('th', { class: 'check' }, selectAll) : null,
          el('th', {}, t('col.priority')),
          el('th', {}, t('col.ref')),
          el('th', {}, t('col.title')),
          el('th', {}, t('col.state')),
          el('th', {}, t('col.agency')),
          el('th', { class: 'num' }, t('col.alerts')),
          el('th', {}, t('col.sla')),
          el('th', {}, t('col.opened')),
        ),
      ),
      body,
    ),
    bulkResult,
  );

  function visible() {
    const rank = (incident) => PRIORITIES.indexOf(incident.priority);
    return [...incidents.values()].filter(matches).sort((a, b) => rank(a) - rank(b) || Date.parse(b.createdAt) - Date.parse(a.createdAt));
  }

  function row(incident) {
    const open = () => go(`/incidents/${incident.id}`);
    const isNew = fresh.has(incident.id);
    const flash = arriving.delete(incident.id);
    return el(
      'tr',
      {
        class: ['clickable', `row-${incident.priority}`, isNew ? 'is-new' : '', flash ? 'arrive' : '', selected.has(incident.id) ? 'is-selected' : ''].join(' ').trim(),
        'data-testid': 'incident-row',
        'data-id': incident.id,
        'data-priority': incident.priority,
        'data-state': incident.state,
        onclick: open,
      },
      manage
        ? el(
            'td',
            { class: 'check', onclick: (event) => event.stopPropagation() },
            el('input', {
              type: 'checkbox',
              checked: selected.has(incident.id),
              'aria-label': t('queue.select', { ref: incident.ref }),
              'data-testid': 'incident-select',
              onchange: (event) => {
                if (event.target.checked) selected.add(incident.id);
                else selected.delete(incident.id);
                updateBulk();
              },
            }),
          )
        : null,
      el('td', {}, priorityBadge(incident.priority)),
      el('td', { class: 'nowrap' }, el('a', { href: `#/incidents/${incident.id}`, onclick: (event) => event.stopPropagation() }, incident.ref), isNew ? el('span', { class: 'new-tag' }, t('queue.new')) : null),
      el(
        'td',
        { class: 'title-cell' },
        el('span', {}, incident.title),
        incident.serious ? el('span', { class: 'serious-tag', title: incident.seriousReason ?? '' }, t('serious.flag')) : null,
        incident.systemIds?.length ? el('div', { class: 'muted small' }, incident.systemIds.join(', ')) : null,
      ),
      el('td', {}, stateChip(incident.state)),
      el('td', { class: 'agency' }, agencyName(incident.agencyId)),
      el('td', { class: 'num' }, String(incident.alertCount)),
      slaCell(incident),
      el('td', { class: 'nowrap small' }, formatTime(incident.createdAt)),
    );
  }

  function updateBulk() {
    for (const id of selected) if (!incidents.has(id)) selected.delete(id);
    bulkAck.disabled = selected.size === 0;
    bulkAck.textContent = t('queue.bulkAck', { count: selected.size });
    const shown = visible();
    selectAll.checked = shown.length > 0 && shown.every((incident) => selected.has(incident.id));
  }

  function render() {
    const shown = visible();
    const columns = manage ? 9 : 8;
    body.replaceChildren(
      ...(shown.length > 0 ? shown.map(row) : [el('tr', {}, el('td', { colspan: columns, class: 'empty', 'data-testid': 'incidents-empty' }, t('queue.emptyIncidents')))]),
    );
    count.textContent = t('queue.count', { shown: shown.length, total: incidents.size });
    updateBulk();
  }

  return { node, render };
}
