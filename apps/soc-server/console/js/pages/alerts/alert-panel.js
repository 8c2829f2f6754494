// The queue's alert panel: recent alerts, newest first; a click opens the alert's incident.
import { el } from '../../dom.js';
import { addStrings, formatTime, t } from '../../i18n.js';
import { go } from '../../router.js';
import { priorityBadge } from '../../widgets.js';

addStrings({
  'queue.alerts': ['Cảnh báo gần đây', 'Recent alerts'],
  'queue.emptyAlerts': ['Không có cảnh báo nào khớp bộ lọc.', 'No alerts match the filters.'],
  'alertStatus.new': ['Mới', 'New'],
  'alertStatus.acknowledged': ['Đã tiếp nhận', 'Acknowledged'],
  'alertStatus.closed': ['Đã đóng', 'Closed'],
});

/** `alerts` is the queue's id → alert map, `fresh`/`arriving` its "new" and "flash once" sets, `matches` the filter test. */
export function alertPanel({ alerts, fresh, arriving, matches, agencyName }) {
  const body = el('tbody');
  const count = el('span', { class: 'muted' });
  const node = el(
    'section',
    { class: 'card queue-panel', 'data-testid': 'alert-panel' },
    el('div', { class: 'panel-head' }, el('h2', {}, t('queue.alerts')), count),
    el('table', { class: 'queue-table' }, el('thead', {}, el('tr', {}, el('th', {}, t('col.priority')), el('th', {}, t('col.title')), el('th', {}, t('col.lastSeen')))), body),
  );

  function row(alert) {
    const isNew = fresh.has(alert.id);
    const flash = arriving.delete(alert.id);
    return el(
      'tr',
      {
        class: [alert.incidentId ? 'clickable' : '', isNew ? 'is-new' : '', flash ? 'arrive' : ''].join(' ').trim(),
        'data-testid': 'alert-row',
        'data-id': alert.id,
        'data-priority': alert.priority ?? '',
        onclick: alert.incidentId ? () => go(`/incidents/${alert.incidentId}`) : undefined,
      },
      el('td', {}, priorityBadge(alert.priority)),
      el(
        'td',
        { class: 'title-cell' },
        el('span', {}, alert.title),
        isNew ? el('span', { class: 'new-tag' }, t('queue.new')) : null,
        el('div', { class: 'muted small' }, [alert.sourceIp, agencyName(alert.agencyId), `${alert.eventCount} ${t('col.events').toLowerCase()}`, t(`alertStatus.${alert.status}`)].filter(Boolean).join(' · ')),
      ),
      el('td', { class: 'nowrap small' }, formatTime(alert.lastSeen)),
    );
  }

  function render() {
    const shown = [...alerts.values()].filter(matches).sort((a, b) => Date.parse(b.lastSeen) - Date.parse(a.lastSeen) || Date.parse(b.createdAt) - Date.parse(a.createdAt));
    body.replaceChildren(...(shown.length > 0 ? shown.map(row) : [el('tr', {}, el('td', { colspan: 3, class: 'empty', 'data-testid': 'alerts-empty' }, t('queue.emptyAlerts')))]));
    count.textContent = t('queue.count', { shown: shown.length, total: alerts.size });
  }

  return { node, render };
}
