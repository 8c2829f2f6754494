// #/alerts — the live queue: open incidents (P1 first) and recent alerts, kept current from the live feed.
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { addStrings, t } from '../../i18n.js';
import { onMessage } from '../../live-feed.js';
import { route } from '../../router.js';
import { canManageIncidents, loadAgencies } from '../../widgets.js';
import { alertPanel } from './alert-panel.js';
import { alertMatches, alertQuery, filterBar, incidentMatches, incidentQuery } from './filters.js';
import { incidentPanel } from './incident-panel.js';
import { announce } from './sound.js';

addStrings({
  'queue.title': ['Hàng đợi cảnh báo & sự cố', 'Alert & incident queue'],
  'queue.new': ['Mới', 'New'],
  'queue.count': ['{shown} / {total}', '{shown} / {total}'],
});

const ALERT_LIMIT = 100;
const INCIDENT_LIMIT = 200;
const NEW_HIGHLIGHT_MS = 60_000;

route('/alerts', (view) => {
  const filters = { priority: '', agency: '', state: 'open', type: 'all' };
  const incidents = new Map();
  const alerts = new Map();
  const fresh = new Set();
  const arriving = new Set(); // flashed once, on the first render after arrival
  const timers = new Set();
  const manage = canManageIncidents();
  let agencies = new Map();
  let pending = null; // live messages that arrive while a REST load runs, applied after it
  let loads = 0; // the latest load's number: an earlier one that answers late is dropped

  const error = el('p', { class: 'error', role: 'alert', 'data-testid': 'queue-error' });
  const agencyName = (id) => (id ? (agencies.get(id) ?? id) : '—');
  const incidentsShown = (incident) => incidentMatches(filters, incident);
  const alertsShown = (alert) => alertMatches(filters, alert);
  const incidentList = incidentPanel({ incidents, fresh, arriving, matches: incidentsShown, agencyName, manage, error, reload: () => load() });
  const alertList = alertPanel({ alerts, fresh, arriving, matches: alertsShown, agencyName });
  const filterControls = filterBar(filters, {
    refilter,
    onType: (value) => {
      filters.type = value;
      layout();
    },
  });
  const panels = el('div', { class: 'queue-panels' }, incidentList.node, alertList.node);
  const root = el('div', { class: 'queue', 'data-testid': 'alert-queue', 'data-loaded': 'false' }, el('h1', { class: 'page-title' }, t('queue.title')), filterControls.node, error, panels);
  view.replaceChildren(root);

  function layout() {
    incidentList.node.hidden = filters.type === 'alerts';
    alertList.node.hidden = filters.type === 'incidents';
    panels.dataset.layout = filters.type;
  }

  function refilter(name, value) {
    filters[name] = value;
    renderAll();
    void load();
  }

  function renderAll() {
    incidentList.render();
    alertList.render();
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
        if (incidentsShown(incident)) announce(incident.priority, incident.title);
      }
      incidentList.render();
    } else if (type === 'alert.created' || type === 'alert.updated') {
      const known = alerts.has(data.id);
      if (!newer(alerts.get(data.id), data)) return;
      alerts.set(data.id, data);
      if (!known) {
        markFresh(data.id);
        if (alertsShown(data) && !data.incidentId) announce(data.priority, data.title);
        // Oldest out, so a long shift does not grow the page without bound.
        if (alerts.size > ALERT_LIMIT * 2) {
          const oldest = [...alerts.values()].sort((a, b) => Date.parse(a.lastSeen) - Date.parse(b.lastSeen)).slice(0, alerts.size - ALERT_LIMIT * 2);
          for (const alert of oldest) alerts.delete(alert.id);
        }
      }
      alertList.render();
    }
  }

  async function load() {
    const generation = ++loads;
    pending ??= [];
    try {
      const [incidentPage, alertPage] = await Promise.all([
        api.get(`/api/v1/incidents?${incidentQuery(filters, INCIDENT_LIMIT)}`),
        api.get(`/api/v1/alerts?${alertQuery(filters, ALERT_LIMIT)}`),
      ]);
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
  const ticker = setInterval(incidentList.render, 30_000);

  layout();
  renderAll();
  pending = [];
  // Loads in the background: the router gets the cleanup at once, even if the analyst leaves before the data comes.
  void (async () => {
    agencies = await loadAgencies();
    filterControls.showAgencies(agencies);
    await load();
  })();

  return () => {
    unsubscribe();
    clearInterval(ticker);
    for (const timer of timers) clearTimeout(timer);
  };
});
