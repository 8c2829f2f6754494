// #/incidents/:id — one incident: summary, SLA and reporting clocks, alerts with why they fired, events,
// observables, timeline; and the work on it (acknowledge, move on, assign, comment, report, export).
import { api, ApiError } from '../../api.js';
import { el } from '../../dom.js';
import { addStrings, t } from '../../i18n.js';
import { onMessage } from '../../live-feed.js';
import { route } from '../../router.js';
import { canManageIncidents, loadAgencies } from '../../widgets.js';
import { incidentActions } from './actions.js';
import { renderClocks, tickCountdowns } from './clocks.js';
import { eventPager, observableTable, renderAlerts, renderObservables } from './evidence.js';
import { reportAndSharing } from './report-and-sharing.js';
import { renderHeader, renderSummary } from './summary.js';
import { renderTimeline } from './timeline.js';

addStrings({
  'inc.back': ['← Hàng đợi', '← Queue'],
  'inc.notFound': ['Không tìm thấy sự cố (hoặc bạn không có quyền xem).', 'Incident not found (or not yours to see).'],
  'inc.updatedLive': ['Sự cố vừa được cập nhật.', 'The incident was just updated.'],
});

function section(title, testid, ...children) {
  return el('section', { class: 'card', 'data-testid': testid }, el('h2', {}, title), ...children);
}

route('/incidents/:id', (view, { id }) => {
  const manage = canManageIncidents();
  const base = `/api/v1/incidents/${encodeURIComponent(id)}`;
  let refreshTimer = null;

  const error = el('p', { class: 'error', role: 'alert', 'data-testid': 'incident-error' });
  const notice = el('p', { class: 'notice', role: 'status', 'data-testid': 'incident-notice' });
  // What the parts of the page share; `detail`, `users` (id → user, when the caller may list users) and `agencies` fill in as they load.
  const ctx = { id, base, manage, error, notice, act, detail: null, users: null, agencies: new Map() };
  const header = el('div', { class: 'incident-head' });
  const summary = el('dl', { class: 'summary-grid' });
  const slaList = el('ul', { class: 'clock-list' });
  const deadlineList = el('ul', { class: 'clock-list' });
  const timelineList = el('ol', { class: 'timeline' });
  const alertList = el('div', { class: 'alert-list' });
  const observableBody = el('tbody');
  const events = eventPager(base, error);
  const actions = incidentActions(ctx);
  const reporting = reportAndSharing(ctx);

  const page = el(
    'div',
    { class: 'incident-page', 'data-testid': 'incident-page', 'data-loaded': 'false' },
    el('a', { href: '#/alerts', class: 'back' }, t('inc.back')),
    header,
    error,
    notice,
    el(
      'div',
      { class: 'incident-layout' },
      el(
        'div',
        { class: 'incident-main' },
        section(t('inc.summary'), 'incident-summary', summary),
        section(t('inc.alerts'), 'incident-alerts', alertList),
        section(t('inc.observables'), 'incident-observables', observableTable(observableBody)),
        section(t('inc.events'), 'incident-events', events.list, events.more),
      ),
      el(
        'div',
        { class: 'incident-side' },
        manage ? section(t('inc.actions'), 'incident-actions', ...actions.parts) : null,
        section(t('inc.sla'), 'incident-sla', slaList),
        section(t('inc.deadlines'), 'incident-deadlines', deadlineList),
        section(t('inc.report'), 'incident-report', ...reporting.parts),
        section(t('inc.timeline'), 'incident-timeline', timelineList),
      ),
    ),
  );
  view.replaceChildren(el('p', { class: 'muted' }, t('app.loading')));

  /** Runs an action, then re-reads the incident; the API's message goes to the error line. */
  async function act(action) {
    error.textContent = '';
    notice.textContent = '';
    try {
      await action();
    } catch (failure) {
      error.textContent = t('app.error', { message: failure.message });
      return false;
    }
    await refresh();
    return true;
  }

  function renderAll() {
    const { detail } = ctx;
    renderHeader(header, detail);
    renderSummary(summary, ctx);
    renderClocks(slaList, deadlineList, detail);
    if (manage) actions.render();
    renderTimeline(timelineList, ctx);
    renderAlerts(alertList, detail);
    renderObservables(observableBody, detail);
  }

  async function refresh() {
    try {
      ctx.detail = await api.get(base);
    } catch (failure) {
      error.textContent = failure instanceof ApiError && failure.status === 404 ? t('inc.notFound') : t('app.error', { message: failure.message });
      return;
    }
    renderAll();
  }

  // Someone else's change (or a new alert) shows without a reload; typed text in the forms stays.
  const unsubscribe = onMessage(({ type, data }) => {
    const touched =
      ((type === 'incident.updated' || type === 'incident.created') && data?.id === id) ||
      (type === 'sla.breached' && data?.incident?.id === id) ||
      ((type === 'alert.created' || type === 'alert.updated') && data?.incidentId === id);
    if (!touched || !ctx.detail) return;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      void refresh();
      if (type.startsWith('alert.')) void events.load(true);
    }, 300);
  });
  const ticker = setInterval(() => tickCountdowns(page), 1000);

  void (async () => {
    const [loaded, agencyMap, userList] = await Promise.all([
      api.get(base).catch((failure) => failure),
      loadAgencies(),
      manage ? api.get('/api/v1/users').catch(() => null) : Promise.resolve(null),
    ]);
    ctx.agencies = agencyMap;
    ctx.users = userList ? new Map(userList.map((user) => [user.id, user])) : null;
    if (loaded instanceof Error) {
      view.replaceChildren(el('a', { href: '#/alerts', class: 'back' }, t('inc.back')), el('p', { class: 'error', role: 'alert', 'data-testid': 'incident-error' }, loaded instanceof ApiError && (loaded.status === 404 || loaded.status === 400) ? t('inc.notFound') : t('app.error', { message: loaded.message })));
      return;
    }
    ctx.detail = loaded;
    renderAll();
    view.replaceChildren(page);
    await events.load(true);
    page.dataset.loaded = 'true';
  })();

  return () => {
    unsubscribe();
    clearInterval(ticker);
    clearTimeout(refreshTimer);
    reporting.dispose();
  };
});
