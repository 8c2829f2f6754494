// The incident's evidence: its alerts (with why they fired), its observables, and its raw events, paged.
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { addStrings, formatTime, t } from '../../i18n.js';
import { priorityBadge } from '../../widgets.js';

addStrings({
  'inc.alerts': ['Cảnh báo', 'Alerts'],
  'inc.alerts.none': ['Không có cảnh báo.', 'No alerts.'],
  'inc.rule': ['Luật', 'Rule'],
  'inc.author': ['Tác giả luật: {author}', 'Rule author: {author}'],
  'inc.matches': ['Điều kiện khớp', 'What matched'],
  'inc.match.selection': ['Nhóm điều kiện', 'Selection'],
  'inc.match.field': ['Trường', 'Field'],
  'inc.match.value': ['Giá trị', 'Value'],
  'inc.events': ['Sự kiện gốc', 'Events'],
  'inc.events.none': ['Không có sự kiện.', 'No events.'],
  'inc.events.more': ['Xem thêm', 'More'],
  'inc.observables': ['Dấu hiệu (observables)', 'Observables'],
  'inc.observables.none': ['Không có dấu hiệu.', 'No observables.'],
  'inc.obs.type': ['Loại', 'Type'],
  'inc.obs.value': ['Giá trị', 'Value'],
  'inc.obs.sightings': ['Số lần', 'Sightings'],
});

const EVENT_PAGE = 20;

function safeHref(url) {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

export function renderAlerts(alertList, detail) {
  const alerts = detail.alerts ?? [];
  alertList.replaceChildren(
    ...(alerts.length === 0
      ? [el('p', { class: 'muted' }, t('inc.alerts.none'))]
      : alerts.map((alert) =>
          el(
            'article',
            { class: 'alert-item', 'data-testid': 'alert-item', 'data-id': alert.id },
            el('div', { class: 'row' }, priorityBadge(alert.priority), el('strong', {}, alert.title), el('span', { class: 'muted small' }, t(`severity.${alert.severity}`)), el('span', { class: 'muted small' }, `${alert.eventCount} ${t('col.events').toLowerCase()}`)),
            el('p', { class: 'explanation' }, alert.explanation),
            alert.matches?.length
              ? el(
                  'table',
                  { class: 'matches' },
                  el('caption', {}, t('inc.matches')),
                  el('thead', {}, el('tr', {}, el('th', {}, t('inc.match.selection')), el('th', {}, t('inc.match.field')), el('th', {}, t('inc.match.value')))),
                  el('tbody', {}, alert.matches.map((match) => el('tr', {}, el('td', {}, match.selection), el('td', {}, match.field ?? '—'), el('td', { class: 'mono' }, match.value ?? '—')))),
                )
              : null,
            el(
              'div',
              { class: 'muted small row' },
              el('span', {}, `${t('inc.rule')}: `, el('code', {}, alert.ruleId)),
              alert.author ? el('span', {}, t('inc.author', { author: alert.author })) : null,
              el('span', {}, `${formatTime(alert.firstSeen)} – ${formatTime(alert.lastSeen)}`),
              ...(alert.references ?? []).map((ref) => (safeHref(ref) ? el('a', { href: safeHref(ref), target: '_blank', rel: 'noopener noreferrer' }, ref) : el('span', {}, ref))),
            ),
          ),
        )),
  );
}

/** The observables table's head, around `observableBody`. */
export function observableTable(observableBody) {
  return el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, t('inc.obs.type')), el('th', {}, t('inc.obs.value')), el('th', { class: 'num' }, t('inc.obs.sightings')), el('th', {}, t('inc.firstSeen')), el('th', {}, t('inc.lastSeen')))), observableBody);
}

export function renderObservables(observableBody, detail) {
  const observables = detail.observables ?? [];
  observableBody.replaceChildren(
    ...(observables.length === 0
      ? [el('tr', {}, el('td', { colspan: 5, class: 'muted' }, t('inc.observables.none')))]
      : observables.map((observable) =>
          el(
            'tr',
            { 'data-testid': 'observable-item', 'data-type': observable.type },
            el('td', {}, observable.type),
            el('td', { class: 'mono' }, observable.value),
            el('td', { class: 'num' }, String(observable.sightings)),
            el('td', { class: 'small nowrap' }, formatTime(observable.firstSeen)),
            el('td', { class: 'small nowrap' }, formatTime(observable.lastSeen)),
          ),
        )),
  );
}

function eventItem(item) {
  const original = item.event?.event?.original;
  const facts = [item.hostName, item.sourceIp, item.userName, [item.action, item.outcome].filter(Boolean).join('/')].filter(Boolean).join(' · ');
  return el(
    'li',
    { class: 'event-item', 'data-testid': 'event-item', 'data-id': item.id },
    el('div', { class: 'row small' }, el('strong', {}, formatTime(item.timestamp)), el('span', { class: 'muted' }, facts), el('span', { class: 'muted' }, item.sourceId)),
    el('pre', {}, original ?? JSON.stringify(item.event, null, 2)),
  );
}

/** The raw events, a page at a time: `list` and `more` go on the page, `load(true)` starts over, `load(false)` reads on. */
export function eventPager(base, error) {
  let cursor = null;
  const list = el('ol', { class: 'event-list' });
  const more = el('button', { type: 'button', class: 'secondary', hidden: true, 'data-testid': 'events-more', onclick: () => void load(false) }, t('inc.events.more'));

  async function load(first) {
    const query = new URLSearchParams({ limit: String(EVENT_PAGE) });
    if (!first && cursor) query.set('cursor', cursor);
    more.disabled = true;
    try {
      const pageOfEvents = await api.get(`${base}/events?${query}`);
      const items = pageOfEvents.items.map(eventItem);
      if (first) list.replaceChildren(...(items.length ? items : [el('li', { class: 'muted' }, t('inc.events.none'))]));
      else list.append(...items);
      cursor = pageOfEvents.nextCursor;
      more.hidden = !cursor;
    } catch (failure) {
      error.textContent = t('app.error', { message: failure.message });
    } finally {
      more.disabled = false;
    }
  }

  return { list, more, load };
}
