// #/alerts — the live queue: open incidents (P1 first) and recent alerts, kept current from the live feed.
import { api, currentUser } from '../api.js';
import { el } from '../dom.js';
import { addStrings, formatTime, lang, t } from '../i18n.js';
import { onMessage } from '../live-feed.js';
import { go, route } from '../router.js';

addStrings({
  'queue.title': ['Hàng đợi cảnh báo & sự cố', 'Alert & incident queue'],
  'queue.incidents': ['Sự cố', 'Incidents'],
  'queue.alerts': ['Cảnh báo gần đây', 'Recent alerts'],
  'queue.filter.priority': ['Mức ưu tiên', 'Priority'],
  'queue.filter.agency': ['Cơ quan', 'Agency'],
  'queue.filter.state': ['Trạng thái', 'State'],
  'queue.filter.type': ['Hiển thị', 'Show'],
  'queue.filter.all': ['Tất cả', 'All'],
  'queue.filter.open': ['Đang mở', 'Open'],
  'queue.type.all': ['Sự cố và cảnh báo', 'Incidents and alerts'],
  'queue.type.incidents': ['Chỉ sự cố', 'Incidents only'],
  'queue.type.alerts': ['Chỉ cảnh báo', 'Alerts only'],
  'queue.sound.on': ['Âm báo P1/P2: bật', 'P1/P2 sound: on'],
  'queue.sound.off': ['Âm báo P1/P2: tắt', 'P1/P2 sound: off'],
  'queue.bulkAck': ['Tiếp nhận các sự cố đã chọn ({count})', 'Acknowledge selected ({count})'],
  'queue.bulkDone': ['Đã tiếp nhận {ok}/{total} sự cố', 'Acknowledged {ok} of {total} incidents'],
  'queue.bulkFailed': ['{ref}: {message}', '{ref}: {message}'],
  'queue.selectAll': ['Chọn tất cả', 'Select all'],
  'queue.select': ['Chọn {ref}', 'Select {ref}'],
  'queue.emptyIncidents': ['Không có sự cố nào khớp bộ lọc. Sự cố mới sẽ hiện ở đây ngay khi phát sinh.', 'No incidents match the filters. New ones appear here as soon as they are opened.'],
  'queue.emptyAlerts': ['Không có cảnh báo nào khớp bộ lọc.', 'No alerts match the filters.'],
  'queue.new': ['Mới', 'New'],
  'queue.count': ['{shown} / {total}', '{shown} / {total}'],
  'queue.notifyTitle': ['{priority} — {title}', '{priority} — {title}'],
  'col.priority': ['Ưu tiên', 'Priority'],
  'col.ref': ['Số hiệu', 'Ref'],
  'col.title': ['Tiêu đề', 'Title'],
  'col.state': ['Trạng thái', 'State'],
  'col.agency': ['Cơ quan', 'Agency'],
  'col.alerts': ['Cảnh báo', 'Alerts'],
  'col.sla': ['Hạn xử lý', 'SLA'],
  'col.opened': ['Mở lúc', 'Opened'],
  'col.lastSeen': ['Lần cuối', 'Last seen'],
  'col.events': ['Sự kiện', 'Events'],
  'sla.breached': ['Quá hạn', 'Breached'],
  'sla.ackBy': ['Tiếp nhận trước {time}', 'Acknowledge by {time}'],
  'sla.resolveBy': ['Xử lý xong trước {time}', 'Resolve by {time}'],
  'sla.done': ['Đã xong', 'Done'],
  'serious.flag': ['Nghiêm trọng', 'Serious'],
  'state.new': ['Mới', 'New'],
  'state.acknowledged': ['Đã tiếp nhận', 'Acknowledged'],
  'state.investigating': ['Đang điều tra', 'Investigating'],
  'state.contained': ['Đã ngăn chặn', 'Contained'],
  'state.resolved': ['Đã xử lý', 'Resolved'],
  'state.closed': ['Đã đóng', 'Closed'],
  'alertStatus.new': ['Mới', 'New'],
  'alertStatus.acknowledged': ['Đã tiếp nhận', 'Acknowledged'],
  'alertStatus.closed': ['Đã đóng', 'Closed'],
  'severity.informational': ['Thông tin', 'Informational'],
  'severity.low': ['Thấp', 'Low'],
  'severity.medium': ['Trung bình', 'Medium'],
  'severity.high': ['Cao', 'High'],
  'severity.critical': ['Nghiêm trọng', 'Critical'],
  'time.left': ['còn {span}', '{span} left'],
  'time.over': ['quá {span}', '{span} over'],
  'time.d': ['{n} ngày', '{n} d'],
  'time.h': ['{n} giờ', '{n} h'],
  'time.m': ['{n} phút', '{n} min'],
  'time.s': ['{n} giây', '{n} s'],
});

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];
export const STATES = ['new', 'acknowledged', 'investigating', 'contained', 'resolved', 'closed'];
export const OPEN_STATES = ['new', 'acknowledged', 'investigating', 'contained'];
const ALERT_LIMIT = 100;
const INCIDENT_LIMIT = 200;
const NEW_HIGHLIGHT_MS = 60_000;
const SOUND_KEY = 'soc.queue.sound';

export function priorityBadge(priority, testid) {
  return el('span', { class: `badge ${priority ?? 'none'}`, 'data-testid': testid, title: priority ?? '' }, priority ?? '—');
}

export function stateChip(state, testid) {
  return el('span', { class: `state-chip state-${state}`, 'data-testid': testid, 'data-state': state }, t(`state.${state}`));
}

/** "còn 12 phút" / "quá 1 giờ 5 phút": the two largest units of the time between now and `iso`. */
export function timeLeft(iso, { now = Date.now(), seconds = true } = {}) {
  const ms = Date.parse(iso) - now;
  const total = Math.floor(Math.abs(ms) / 1000);
  const units = [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]].slice(0, seconds ? 4 : 3);
  const found = units.findIndex(([, size]) => total >= size);
  const first = found === -1 ? units.length - 1 : found;
  const parts = units.slice(first, first + 2).map(([unit, size], i) => t(`time.${unit}`, { n: i === 0 ? Math.floor(total / size) : Math.floor((total % units[first][1]) / size) }));
  return t(ms >= 0 ? 'time.left' : 'time.over', { span: parts.join(' ') });
}

/** Agency id → name, for the caller's scope (empty when the list cannot be read). */
export async function loadAgencies() {
  try {
    const list = await api.get('/api/v1/agencies');
    return new Map(list.map((agency) => [agency.id, agency.name]));
  } catch {
    return new Map();
  }
}

export function canManageIncidents() {
  const roles = currentUser()?.roles ?? [];
  return roles.some((role) => ['admin', 'soc_analyst', 'ir_lead', 'ir_member'].includes(role));
}

// ---- sound and notifications (off unless the analyst turns them on; remembered for the session) ----
let audio = null;
let lastBeep = 0;

function soundOn() {
  return sessionStorage.getItem(SOUND_KEY) === '1';
}

function beep() {
  try {
    audio ??= new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.4);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.4);
  } catch {
    // no audio device: the highlight in the list is still there
  }
}

function announce(priority, title) {
  if (!soundOn() || !['P1', 'P2'].includes(priority)) return;
  const now = Date.now();
  if (now - lastBeep < 2000) return;
  lastBeep = now;
  beep();
  if ('Notification' in window && Notification.permission === 'granted') {
    try {
      new Notification(t('queue.notifyTitle', { priority, title }), { tag: 'soc-queue', lang: lang() });
    } catch {
      // some browsers only allow notifications from a service worker
    }
  }
}

function soundToggle() {
  const button = el('button', {
    type: 'button',
    class: 'secondary',
    'data-testid': 'sound-toggle',
    onclick: () => {
      const next = !soundOn();
      sessionStorage.setItem(SOUND_KEY, next ? '1' : '0');
      if (next) {
        // Created within the click, so the browser lets it play later.
        audio ??= new AudioContext();
        void audio.resume?.();
        if ('Notification' in window && Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
      }
      paint();
    },
  });
  const paint = () => {
    button.textContent = t(soundOn() ? 'queue.sound.on' : 'queue.sound.off');
    button.setAttribute('aria-pressed', String(soundOn()));
  };
  paint();
  return button;
}

// ---- the page ----
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

route('/alerts', (view) => {
  const filters = { priority: '', agency: '', state: 'open', type: 'all' };
  const incidents = new Map();
  const alerts = new Map();
  const fresh = new Set();
  const arriving = new Set(); // flashed once, on the first render after arrival
  const selected = new Set();
  const timers = new Set();
  const manage = canManageIncidents();
  let agencies = new Map();
  let pending = null; // live messages that arrive while a REST load runs, applied after it
  let loads = 0; // the latest load's number: an earlier one that answers late is dropped

  const error = el('p', { class: 'error', role: 'alert', 'data-testid': 'queue-error' });
  const bulkResult = el('p', { class: 'muted', 'data-testid': 'bulk-result' });
  const incidentBody = el('tbody');
  const alertBody = el('tbody');
  const incidentCount = el('span', { class: 'muted' });
  const alertCount = el('span', { class: 'muted' });
  const selectAll = el('input', {
    type: 'checkbox',
    'aria-label': t('queue.selectAll'),
    'data-testid': 'select-all',
    onchange: (event) => {
      for (const incident of visibleIncidents()) {
        if (event.target.checked) selected.add(incident.id);
        else selected.delete(incident.id);
      }
      renderIncidents();
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
        await load();
      } catch (failure) {
        error.textContent = t('app.error', { message: failure.message });
        renderIncidents();
      }
    },
  });

  const incidentPanel = el(
    'section',
    { class: 'card queue-panel', 'data-testid': 'incident-panel' },
    el('div', { class: 'panel-head' }, el('h2', {}, t('queue.incidents')), incidentCount, el('span', { class: 'spacer' }), manage ? bulkAck : null),
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
      incidentBody,
    ),
    bulkResult,
  );
  const alertPanel = el(
    'section',
    { class: 'card queue-panel', 'data-testid': 'alert-panel' },
    el('div', { class: 'panel-head' }, el('h2', {}, t('queue.alerts')), alertCount),
    el('table', { class: 'queue-table' }, el('thead', {}, el('tr', {}, el('th', {}, t('col.priority')), el('th', {}, t('col.title')), el('th', {}, t('col.lastSeen')))), alertBody),
  );
  const filterBar = el(
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
      (value) => {
        filters.type = value;
        layout();
      },
    ),
    el('span', { class: 'spacer' }),
    soundToggle(),
  );
  const panels = el('div', { class: 'queue-panels' }, incidentPanel, alertPanel);
  const root = el('div', { class: 'queue', 'data-testid': 'alert-queue', 'data-loaded': 'false' }, el('h1', { class: 'page-title' }, t('queue.title')), filterBar, error, panels);
  view.replaceChildren(root);

  function layout() {
    incidentPanel.hidden = filters.type === 'alerts';
    alertPanel.hidden = filters.type === 'incidents';
    panels.dataset.layout = filters.type;
  }

  function refilter(name, value) {
    filters[name] = value;
    renderAll();
    void load();
  }

  function incidentMatches(incident) {
    const states = incidentStates(filters.state);
    return (
      !incident.mergedInto &&
      (!states || states.includes(incident.state)) &&
      (!filters.priority || incident.priority === filters.priority) &&
      (!filters.agency || incident.agencyId === filters.agency)
    );
  }

  function alertMatches(alert) {
    const statuses = alertStatuses(filters.state);
    return (!statuses || statuses.includes(alert.status)) && (!filters.priority || alert.priority === filters.priority) && (!filters.agency || alert.agencyId === filters.agency);
  }

  function visibleIncidents() {
    const rank = (incident) => PRIORITIES.indexOf(incident.priority);
    return [...incidents.values()].filter(incidentMatches).sort((a, b) => rank(a) - rank(b) || Date.parse(b.createdAt) - Date.parse(a.createdAt));
  }

  function agencyName(id) {
    return id ? (agencies.get(id) ?? id) : '—';
  }

  function incidentRow(incident) {
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

  function alertRow(alert) {
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

  function updateBulk() {
    for (const id of selected) if (!incidents.has(id)) selected.delete(id);
    bulkAck.disabled = selected.size === 0;
    bulkAck.textContent = t('queue.bulkAck', { count: selected.size });
    const visible = visibleIncidents();
    selectAll.checked = visible.length > 0 && visible.every((incident) => selected.has(incident.id));
  }

  function renderIncidents() {
    const visible = visibleIncidents();
    const columns = manage ? 9 : 8;
    incidentBody.replaceChildren(
      ...(visible.length > 0 ? visible.map(incidentRow) : [el('tr', {}, el('td', { colspan: columns, class: 'empty', 'data-testid': 'incidents-empty' }, t('queue.emptyIncidents')))]),
    );
    incidentCount.textContent = t('queue.count', { shown: visible.length, total: incidents.size });
    updateBulk();
  }

  function renderAlerts() {
    const visible = [...alerts.values()].filter(alertMatches).sort((a, b) => Date.parse(b.lastSeen) - Date.parse(a.lastSeen) || Date.parse(b.createdAt) - Date.parse(a.createdAt));
    alertBody.replaceChildren(...(visible.length > 0 ? visible.map(alertRow) : [el('tr', {}, el('td', { colspan: 3, class: 'empty', 'data-testid': 'alerts-empty' }, t('queue.emptyAlerts')))]));
    alertCount.textContent = t('queue.count', { shown: visible.length, total: alerts.size });
  }

  function renderAll() {
    renderIncidents();
    renderAlerts();
  }

  function markFresh(id) {
    fresh.add(id);
    arriving.add(id);
    const timer = setTimeout(() => {
      timers.delete(timer);
      fresh.delete(id);
      renderAll();
    }, NEW_HIGHLIGHT_MS);
    timers.add(timer);
  }

  /** Newer wins: a live message older than what REST already returned changes nothing. */
  function newer(existing, incoming) {
    return !existing || !incoming.updatedAt || !existing.updatedAt || Date.parse(incoming.updatedAt) >= Date.parse(existing.updatedAt);
  }

  function apply(message) {
    const { type, data } = message;
    if (!data) return;
    if (type === 'incident.created' || type === 'incident.updated' || (type === 'sla.breached' && data.incident)) {
      const incident = type === 'sla.breached' ? data.incident : data;
      const known = incidents.has(incident.id);
      if (!newer(incidents.get(incident.id), incident)) return;
      incidents.set(incident.id, incident);
      if (!known) {
        markFresh(incident.id);
        if (incidentMatches(incident)) announce(incident.priority, incident.title);
      }
      renderIncidents();
    } else if (type === 'alert.created' || type === 'alert.updated') {
      const known = alerts.has(data.id);
      if (!newer(alerts.get(data.id), data)) return;
      alerts.set(data.id, data);
      if (!known) {
        markFresh(data.id);
        if (alertMatches(data) && !data.incidentId) announce(data.priority, data.title);
        // Oldest out, so a long shift does not grow the page without bound.
        if (alerts.size > ALERT_LIMIT * 2) {
          const oldest = [...alerts.values()].sort((a, b) => Date.parse(a.lastSeen) - Date.parse(b.lastSeen)).slice(0, alerts.size - ALERT_LIMIT * 2);
          for (const alert of oldest) alerts.delete(alert.id);
        }
      }
      renderAlerts();
    }
  }

  async function load() {
    const generation = ++loads;
    pending ??= [];
    const incidentQuery = new URLSearchParams({ sort: 'priority', limit: String(INCIDENT_LIMIT) });
    const states = incidentStates(filters.state);
    if (states) incidentQuery.set('state', states.join(','));
    if (filters.priority) incidentQuery.set('priority', filters.priority);
    if (filters.agency) incidentQuery.set('agencyId', filters.agency);
    const alertQuery = new URLSearchParams({ limit: String(ALERT_LIMIT) });
    const statuses = alertStatuses(filters.state);
    if (statuses) alertQuery.set('status', statuses.join(','));
    if (filters.priority) alertQuery.set('priority', filters.priority);
    if (filters.agency) alertQuery.set('agencyId', filters.agency);
    try {
      const [incidentPage, alertPage] = await Promise.all([api.get(`/api/v1/incidents?${incidentQuery}`), api.get(`/api/v1/alerts?${alertQuery}`)]);
      if (generation !== loads) return; // filters changed meanwhile: the later load answers
      incidents.clear();
      for (const incident of incidentPage.items) incidents.set(incident.id, incident);
      alerts.clear();
      for (const alert of alertPage.items) alerts.set(alert.id, alert);
      error.textContent = '';
    } catch (failure) {
      if (generation !== loads) return;
      error.textContent = t('app.error', { message: failure.message });
    }
    const queued = pending ?? [];
    pending = null;
    renderAll();
    for (const message of queued) apply(message);
    root.dataset.loaded = 'true';
  }

  const unsubscribe = onMessage((message) => {
    if (pending) pending.push(message);
    else apply(message);
  });
  // Time left in the SLA column moves on by itself.
  const ticker = setInterval(renderIncidents, 30_000);

  layout();
  renderAll();
  pending = [];
  // Loads in the background: the router gets the cleanup at once, even if the analyst leaves before the data comes.
  void (async () => {
    agencies = await loadAgencies();
    const options = [...agencies].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
    filterBar.querySelector('.agency-filter').replaceWith(select('filter-agency', t('queue.filter.agency'), [['', t('queue.filter.all')], ...options], filters.agency, (value) => refilter('agency', value)));
    await load();
  })();

  return () => {
    unsubscribe();
    clearInterval(ticker);
    for (const timer of timers) clearTimeout(timer);
  };
});
