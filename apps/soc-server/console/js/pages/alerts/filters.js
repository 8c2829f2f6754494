// The queue's filters: the bar of selects, what each filter lets through, and the matching API queries.
import { el } from '../../dom.js';
import { addStrings, t } from '../../i18n.js';
import { OPEN_STATES, PRIORITIES, STATES } from '../../widgets.js';
import { soundToggle } from './sound.js';

addStrings({
  'queue.filter.priority': ['Mức ưu tiên', 'Priority'],
  'queue.filter.agency': ['Cơ quan', 'Agency'],
  'queue.filter.state': ['Trạng thái', 'State'],
  'queue.filter.type': ['Hiển thị', 'Show'],
  'queue.filter.all': ['Tất cả', 'All'],
  'queue.filter.open': ['Đang mở', 'Open'],
  'queue.type.all': ['Sự cố và cảnh báo', 'Incidents and alerts'],
  'queue.type.incidents': ['Chỉ sự cố', 'Incidents only'],
  'queue.type.alerts': ['Chỉ cảnh báo', 'Alerts only'],
});

function select(testid, label, options, value, onchange) {
  const node = el(
    'select',
    { 'data-testid': testid, onchange: (event) => onchange(event.target.value) },
    options.map(([optionValue, text]) => el('option', { value: optionValue, selected: optionValue === value }, text)),
  );
  return el('label', { class: 'filter' }, label, node);
}

function incidentStates(stateFilter) {
  if (stateFilter === 'open') return OPEN_STATES;
  if (stateFilter === 'all') return null;
  return [stateFilter];
}

/** Alerts have their own statuses: an open incident state shows open alerts, resolved/closed closed ones. */
function alertStatuses(stateFilter) {
  if (stateFilter === 'all') return null;
  if (stateFilter === 'new' || stateFilter === 'acknowledged') return [stateFilter];
  if (stateFilter === 'resolved' || stateFilter === 'closed') return ['closed'];
  return ['new', 'acknowledged'];
}

export function incidentMatches(filters, incident) {
  const states = incidentStates(filters.state);
  return (
    !incident.mergedInto &&
    (!states || states.includes(incident.state)) &&
    (!filters.priority || incident.priority === filters.priority) &&
    (!filters.agency || incident.agencyId === filters.agency)
  );
}

export function alertMatches(filters, alert) {
  const statuses = alertStatuses(filters.state);
  return (!statuses || statuses.includes(alert.status)) && (!filters.priority || alert.priority === filters.priority) && (!filters.agency || alert.agencyId === filters.agency);
}

export function incidentQuery(filters, limit) {
  const query = new URLSearchParams({ sort: 'priority', limit: String(limit) });
  const states = incidentStates(filters.state);
  if (states) query.set('state', states.join(','));
  if (filters.priority) query.set('priority', filters.priority);
  if (filters.agency) query.set('agencyId', filters.agency);
  return query;
}

export function alertQuery(filters, limit) {
  const query = new URLSearchParams({ limit: String(limit) });
  const statuses = alertStatuses(filters.state);
  if (statuses) query.set('status', statuses.join(','));
  if (filters.priority) query.set('priority', filters.priority);
  if (filters.agency) query.set('agencyId', filters.agency);
  return query;
}

/**
 * The filter bar. `refilter(name, value)` runs on a priority, agency or state change; `onType(value)` on the
 * incidents/alerts choice. The agency select comes in later, with `showAgencies`, once the names are known.
 */
export function filterBar(filters, { refilter, onType }) {
  const node = el(
    'div',
    { class: 'card filters row' },
    select('filter-priority', t('queue.filter.priority'), [['', t('queue.filter.all')], ...PRIORITIES.map((p) => [p, p])], filters.priority, (value) => refilter('priority', value)),
    el('span', { class: 'agency-filter' }),
    select(
      'filter-state',
      t('queue.filter.state'),
      [['open', t('queue.filter.open')], ['all', t('queue.filter.all')], ...STATES.map((state) => [state, t(`state.${state}`)])],
      filters.state,
      (value) => refilter('state', value),
    ),
    select(
      'filter-type',
      t('queue.filter.type'),
      ['all', 'incidents', 'alerts'].map((type) => [type, t(`queue.type.${type}`)]),
      filters.type,
      onType,
    ),
    el('span', { class: 'spacer' }),
    soundToggle(),
  );
  const showAgencies = (agencies) => {
    const options = [...agencies].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
    node.querySelector('.agency-filter').replaceWith(select('filter-agency', t('queue.filter.agency'), [['', t('queue.filter.all')], ...options], filters.agency, (value) => refilter('agency', value)));
  };
  return { node, showAgencies };
}
