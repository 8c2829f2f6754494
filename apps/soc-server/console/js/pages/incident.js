// #/incidents/:id — one incident: summary, SLA and reporting clocks, alerts with why they fired, events,
// observables, timeline; and the work on it (acknowledge, move on, assign, comment, report, export).
import { accessToken, api, ApiError, currentUser } from '../api.js';
import { el } from '../dom.js';
import { addStrings, formatTime, lang, t } from '../i18n.js';
import { onMessage } from '../live-feed.js';
import { route } from '../router.js';
import { canManageIncidents, loadAgencies, priorityBadge, stateChip, timeLeft } from './alerts.js';

addStrings({
  'inc.back': ['← Hàng đợi', '← Queue'],
  'inc.notFound': ['Không tìm thấy sự cố (hoặc bạn không có quyền xem).', 'Incident not found (or not yours to see).'],
  'inc.summary': ['Tóm tắt', 'Summary'],
  'inc.resolution': ['Kết luận', 'Resolution'],
  'inc.serious': ['Sự cố nghiêm trọng', 'Serious incident'],
  'inc.serious.yes': ['Có', 'Yes'],
  'inc.serious.no': ['Không', 'No'],
  'inc.serious.manual': ['(đặt thủ công)', '(set by hand)'],
  'inc.category': ['Phân loại', 'Category'],
  'inc.agency': ['Cơ quan', 'Agency'],
  'inc.systems': ['Hệ thống', 'Systems'],
  'inc.level': ['Cấp độ', 'Security level'],
  'inc.assignee': ['Người xử lý', 'Assignee'],
  'inc.unassigned': ['Chưa giao', 'Unassigned'],
  'inc.severity': ['Mức độ', 'Severity'],
  'inc.alertCount': ['Số cảnh báo', 'Alerts'],
  'inc.firstSeen': ['Sự kiện đầu', 'First event'],
  'inc.lastSeen': ['Sự kiện cuối', 'Last event'],
  'inc.opened': ['Phát hiện lúc', 'Detected'],
  'inc.sla': ['Hạn xử lý (SLA)', 'Response SLA'],
  'inc.sla.ack': ['Tiếp nhận', 'Acknowledge'],
  'inc.sla.resolve': ['Xử lý xong', 'Resolve'],
  'inc.sla.due': ['hạn {time}', 'due {time}'],
  'inc.sla.doneAt': ['xong lúc {time}', 'done at {time}'],
  'inc.sla.breachedAt': ['Quá hạn (ghi nhận {time})', 'Breached (recorded {time})'],
  'inc.deadlines': ['Thời hạn báo cáo', 'Reporting deadlines'],
  'inc.deadlines.none': ['Không có thời hạn báo cáo nào.', 'No reporting deadlines.'],
  'inc.deadline.recipient': ['Gửi: {recipient}', 'To: {recipient}'],
  'inc.deadline.submitted': ['đã gửi lúc {time}', 'sent at {time}'],
  'clock.running': ['Đang chạy', 'Running'],
  'clock.met': ['Đúng hạn', 'Met'],
  'clock.overdue': ['Quá hạn', 'Overdue'],
  'inc.actions': ['Xử lý', 'Actions'],
  'inc.transition': ['Chuyển trạng thái', 'Move to'],
  'inc.noTransitions': ['Không còn bước nào.', 'No further steps.'],
  'action.acknowledged': ['Tiếp nhận', 'Acknowledge'],
  'action.investigating': ['Điều tra', 'Investigate'],
  'action.contained': ['Đã ngăn chặn', 'Contained'],
  'action.resolved': ['Đã xử lý xong', 'Resolve'],
  'action.closed': ['Đóng sự cố', 'Close'],
  'action.new': ['Về trạng thái mới', 'Back to new'],
  'action.reopen': ['Mở lại (điều tra)', 'Reopen (investigate)'],
  'inc.resolutionAsk': ['Kết luận khi chuyển sang “{state}”', 'Resolution for “{state}”'],
  'inc.reason': ['Lý do (không bắt buộc)', 'Reason (optional)'],
  'inc.confirm': ['Xác nhận', 'Confirm'],
  'inc.cancel': ['Huỷ', 'Cancel'],
  'resolution.true_positive': ['Tấn công thật', 'True positive'],
  'resolution.false_positive': ['Báo động nhầm', 'False positive'],
  'resolution.duplicate': ['Trùng lặp', 'Duplicate'],
  'resolution.benign': ['Vô hại', 'Benign'],
  'category.phishing': ['Lừa đảo (phishing)', 'Phishing'],
  'category.defacement': ['Thay đổi giao diện', 'Defacement'],
  'category.malware': ['Mã độc', 'Malware'],
  'category.other': ['Khác', 'Other'],
  'inc.assign': ['Giao cho', 'Assign to'],
  'inc.assignSubmit': ['Giao việc', 'Assign'],
  'inc.comment': ['Ghi chú', 'Comment'],
  'inc.commentSubmit': ['Thêm ghi chú', 'Add comment'],
  'inc.commentPlaceholder': ['Ví dụ: Đã chặn IP trên tường lửa biên.', 'E.g. Blocked the IP at the border firewall.'],
  'inc.report': ['Báo cáo ban đầu & chia sẻ', 'Initial report & sharing'],
  'inc.reportPdf': ['Xem báo cáo ban đầu (PDF)', 'Open initial report (PDF)'],
  'inc.reportOpened': ['Báo cáo PDF ({size}) đã mở trong thẻ mới.', 'PDF report ({size}) opened in a new tab.'],
  'inc.reportBlocked': ['Báo cáo PDF ({size}) đã sẵn sàng: ', 'PDF report ({size}) is ready: '],
  'inc.reportOpenLink': ['mở báo cáo', 'open it'],
  'inc.submitTitle': ['Gửi báo cáo ban đầu', 'Submit initial report'],
  'inc.recipient': ['Nơi nhận', 'Recipient'],
  'inc.recipientPlaceholder': ['Trung tâm VNCERT/CC — ir@vncert.vn', 'VNCERT/CC — ir@vncert.vn'],
  'inc.channel': ['Hình thức gửi', 'Channel'],
  'inc.reference': ['Số công văn / mã tiếp nhận (không bắt buộc)', 'Letter number / ticket (optional)'],
  'inc.submit': ['Ghi nhận đã gửi', 'Record as sent'],
  'inc.submitted': ['Đã ghi nhận gửi báo cáo {number}.', 'Report {number} recorded as sent.'],
  'channel.email': ['Thư điện tử', 'Email'],
  'channel.letter': ['Công văn', 'Letter'],
  'channel.portal': ['Cổng tiếp nhận', 'Portal'],
  'channel.fax': ['Fax', 'Fax'],
  'channel.phone': ['Điện thoại', 'Phone'],
  'inc.stix': ['Xuất STIX 2.1 (.json)', 'Export STIX 2.1 (.json)'],
  'inc.stixDone': ['Đã tải {file} ({size}).', 'Downloaded {file} ({size}).'],
  'inc.timeline': ['Diễn biến', 'Timeline'],
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
  'inc.updatedLive': ['Sự cố vừa được cập nhật.', 'The incident was just updated.'],
  'tl.created': ['Mở sự cố', 'Opened'],
  'tl.alert_added': ['Thêm cảnh báo', 'Alert added'],
  'tl.transition': ['Chuyển trạng thái', 'State change'],
  'tl.assigned': ['Giao việc', 'Assigned'],
  'tl.comment': ['Ghi chú', 'Comment'],
  'tl.task_added': ['Thêm việc', 'Task added'],
  'tl.task_updated': ['Cập nhật việc', 'Task updated'],
  'tl.merged': ['Gộp sự cố', 'Merged'],
  'tl.merged_into': ['Gộp vào sự cố khác', 'Merged into another'],
  'tl.split': ['Tách sự cố', 'Split'],
  'tl.split_from': ['Tách từ sự cố khác', 'Split from another'],
  'tl.serious_set': ['Cờ nghiêm trọng', 'Serious flag'],
  'tl.effects_set': ['Ảnh hưởng', 'Effects'],
  'tl.category_set': ['Phân loại', 'Category'],
  'tl.title_set': ['Đổi tiêu đề', 'Title changed'],
  'tl.exceeds_capacity_set': ['Vượt khả năng xử lý', 'Exceeds capacity'],
  'tl.national_security_set': ['An ninh quốc gia', 'National security'],
  'tl.priority_changed': ['Đổi mức ưu tiên', 'Priority changed'],
  'tl.sla_breached': ['Quá hạn SLA', 'SLA breached'],
  'tl.report_edited': ['Sửa báo cáo', 'Report edited'],
  'tl.report_submitted': ['Gửi báo cáo', 'Report submitted'],
  'tl.report_acknowledged': ['Báo cáo được xác nhận', 'Report acknowledged'],
  'tl.report_overdue': ['Quá hạn báo cáo', 'Report overdue'],
});

const RESOLVING = new Set(['resolved', 'closed']);
const RESOLUTIONS = ['true_positive', 'false_positive', 'duplicate', 'benign'];
const CHANNELS = ['email', 'letter', 'portal', 'fax', 'phone'];
const RESPONDER_ROLES = ['admin', 'soc_analyst', 'ir_lead', 'ir_member'];
const EVENT_PAGE = 20;

function size(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`;
}

/** A file from the API as a Blob: the Authorization header cannot ride on a plain link. One retry after a refresh. */
async function fetchBlob(path) {
  const send = () => fetch(path, { headers: { Authorization: `Bearer ${accessToken()}` } });
  let res = await send();
  if (res.status === 401) {
    await api.get('/api/v1/auth/me'); // refreshes the access token (or ends the session)
    res = await send();
  }
  if (!res.ok) {
    const text = await res.text();
    let message = res.statusText;
    try {
      message = JSON.parse(text).message ?? message;
    } catch {
      // not JSON: keep the status text
    }
    throw new ApiError(res.status, message);
  }
  return res.blob();
}

function fileSafe(text) {
  return text.replace(/Đ/g, 'D').replace(/[^A-Za-z0-9-]+/g, '_');
}

function safeHref(url) {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

function field(label, ...value) {
  return el('div', { class: 'field' }, el('dt', {}, label), el('dd', {}, ...value));
}

function section(title, testid, ...children) {
  return el('section', { class: 'card', 'data-testid': testid }, el('h2', {}, title), ...children);
}

function bilingual(value) {
  if (!value) return '';
  return typeof value === 'string' ? value : (value[lang()] ?? value.vi ?? '');
}

route('/incidents/:id', (view, { id }) => {
  const manage = canManageIncidents();
  const base = `/api/v1/incidents/${encodeURIComponent(id)}`;
  let detail = null;
  let users = null; // id → user, when the caller may list users
  let agencies = new Map();
  let eventCursor = null;
  let resolutionTarget = null;
  let refreshTimer = null;
  let objectUrls = [];

  const error = el('p', { class: 'error', role: 'alert', 'data-testid': 'incident-error' });
  const notice = el('p', { class: 'notice', role: 'status', 'data-testid': 'incident-notice' });
  const header = el('div', { class: 'incident-head' });
  const summary = el('dl', { class: 'summary-grid' });
  const slaList = el('ul', { class: 'clock-list' });
  const deadlineList = el('ul', { class: 'clock-list' });
  const timelineList = el('ol', { class: 'timeline' });
  const alertList = el('div', { class: 'alert-list' });
  const observableBody = el('tbody');
  const eventList = el('ol', { class: 'event-list' });
  const moreEvents = el('button', { type: 'button', class: 'secondary', hidden: true, 'data-testid': 'events-more', onclick: () => void loadEvents(false) }, t('inc.events.more'));
  const transitions = el('div', { class: 'row' });
  const resolutionSelect = el('select', { 'data-testid': 'resolution-select' }, RESOLUTIONS.map((r) => el('option', { value: r }, t(`resolution.${r}`))));
  const resolutionReason = el('input', { 'data-testid': 'resolution-reason', maxlength: 2000 });
  const resolutionLabel = el('span', {});
  const resolutionForm = el(
    'form',
    {
      class: 'inline-form',
      hidden: true,
      'data-testid': 'resolution-form',
      onsubmit: (event) => {
        event.preventDefault();
        const reason = resolutionReason.value.trim();
        void act(() => api.post(`${base}/transition`, { to: resolutionTarget, resolution: resolutionSelect.value, ...(reason ? { reason } : {}) })).then((ok) => {
          if (ok) closeResolution();
        });
      },
    },
    el('label', {}, resolutionLabel, resolutionSelect),
    el('label', {}, t('inc.reason'), resolutionReason),
    el('div', { class: 'row' }, el('button', { type: 'submit', 'data-testid': 'resolution-confirm' }, t('inc.confirm')), el('button', { type: 'button', class: 'secondary', onclick: () => closeResolution() }, t('inc.cancel'))),
  );
  const assignSelect = el('select', { 'data-testid': 'assign-select' });
  const assignForm = el(
    'form',
    {
      class: 'inline-form',
      hidden: true,
      onsubmit: (event) => {
        event.preventDefault();
        void act(() => api.post(`${base}/assign`, { assigneeId: assignSelect.value || null }));
      },
    },
    el('label', {}, t('inc.assign'), assignSelect),
    el('button', { type: 'submit', 'data-testid': 'assign-submit' }, t('inc.assignSubmit')),
  );
  const commentInput = el('textarea', { rows: 3, maxlength: 10_000, 'data-testid': 'comment-input', placeholder: t('inc.commentPlaceholder') });
  const commentForm = el(
    'form',
    {
      class: 'inline-form',
      onsubmit: (event) => {
        event.preventDefault();
        const text = commentInput.value.trim();
        if (!text) return;
        void act(() => api.post(`${base}/comments`, { text })).then((ok) => {
          if (ok) commentInput.value = '';
        });
      },
    },
    el('label', {}, t('inc.comment'), commentInput),
    el('button', { type: 'submit', 'data-testid': 'comment-submit' }, t('inc.commentSubmit')),
  );
  const reportResult = el('p', { class: 'muted', 'data-testid': 'report-result' });
  const exportResult = el('p', { class: 'muted', 'data-testid': 'export-result' });
  const recipient = el('input', { required: true, maxlength: 300, 'data-testid': 'report-recipient', placeholder: t('inc.recipientPlaceholder') });
  const channel = el('select', { 'data-testid': 'report-channel' }, CHANNELS.map((c) => el('option', { value: c }, t(`channel.${c}`))));
  const reference = el('input', { maxlength: 200, 'data-testid': 'report-reference' });
  const submitForm = el(
    'form',
    {
      class: 'inline-form',
      'data-testid': 'report-submit-form',
      onsubmit: (event) => {
        event.preventDefault();
        const ref = reference.value.trim();
        void act(async () => {
          const report = await api.post(`${base}/reports/initial/submit`, { recipient: recipient.value.trim(), channel: channel.value, ...(ref ? { reference: ref } : {}) });
          notice.textContent = t('inc.submitted', { number: report?.number ?? '' });
        }).then((ok) => {
          if (ok) reference.value = '';
        });
      },
    },
    el('h3', {}, t('inc.submitTitle')),
    el('label', {}, t('inc.recipient'), recipient),
    el('label', {}, t('inc.channel'), channel),
    el('label', {}, t('inc.reference'), reference),
    el('button', { type: 'submit', 'data-testid': 'report-submit' }, t('inc.submit')),
  );
  const reportPdf = el('button', { type: 'button', class: 'secondary', 'data-testid': 'report-pdf', onclick: () => void openPdf() }, t('inc.reportPdf'));
  const exportStix = el('button', { type: 'button', class: 'secondary', 'data-testid': 'export-stix', onclick: () => void downloadStix() }, t('inc.stix'));

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
        section(t('inc.observables'), 'incident-observables', el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, t('inc.obs.type')), el('th', {}, t('inc.obs.value')), el('th', { class: 'num' }, t('inc.obs.sightings')), el('th', {}, t('inc.firstSeen')), el('th', {}, t('inc.lastSeen')))), observableBody)),
        section(t('inc.events'), 'incident-events', eventList, moreEvents),
      ),
      el(
        'div',
        { class: 'incident-side' },
        manage ? section(t('inc.actions'), 'incident-actions', el('div', { class: 'muted small' }, t('inc.transition')), transitions, resolutionForm, assignForm, commentForm) : null,
        section(t('inc.sla'), 'incident-sla', slaList),
        section(t('inc.deadlines'), 'incident-deadlines', deadlineList),
        section(t('inc.report'), 'incident-report', el('div', { class: 'row' }, reportPdf, exportStix), reportResult, exportResult, manage ? submitForm : null),
        section(t('inc.timeline'), 'incident-timeline', timelineList),
      ),
    ),
  );
  view.replaceChildren(el('p', { class: 'muted' }, t('app.loading')));

  function closeResolution() {
    resolutionTarget = null;
    resolutionForm.hidden = true;
    resolutionReason.value = '';
  }

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

  function userName(userId) {
    if (!userId) return t('inc.unassigned');
    const user = users?.get(userId);
    if (user) return user.displayName ? `${user.displayName} (${user.username})` : user.username;
    if (currentUser()?.id === userId) return currentUser().username;
    return userId.slice(0, 8);
  }

  function renderHeader() {
    header.replaceChildren(
      el(
        'div',
        { class: 'row' },
        el('span', { 'data-testid': 'incident-priority', class: 'priority-holder', 'data-priority': detail.priority }, priorityBadge(detail.priority)),
        el('span', { class: 'ref', 'data-testid': 'incident-ref' }, detail.ref),
        stateChip(detail.state, 'incident-state'),
        detail.serious ? el('span', { class: 'serious-tag', title: detail.seriousReason ?? '' }, t('serious.flag')) : null,
      ),
      el('h1', { 'data-testid': 'incident-title' }, detail.title),
    );
  }

  function renderSummary() {
    const agency = detail.agencyId ? (agencies.get(detail.agencyId) ?? detail.agencyId) : '—';
    summary.replaceChildren(
      field(t('col.state'), t(`state.${detail.state}`)),
      field(t('inc.resolution'), detail.resolution ? t(`resolution.${detail.resolution}`) : '—'),
      field(t('col.priority'), priorityBadge(detail.priority), ' ', t(`severity.${detail.severity}`)),
      field(
        t('inc.serious'),
        el('span', { class: detail.serious ? 'serious-text' : '', 'data-testid': 'incident-serious', 'data-serious': String(detail.serious) }, t(detail.serious ? 'inc.serious.yes' : 'inc.serious.no')),
        detail.seriousManual ? ` ${t('inc.serious.manual')}` : '',
        detail.seriousReason ? el('div', { class: 'muted small' }, detail.seriousReason) : null,
      ),
      field(t('inc.category'), t(`category.${detail.category}`)),
      field(t('inc.agency'), agency),
      field(t('inc.systems'), detail.systemIds.length ? detail.systemIds.join(', ') : '—'),
      field(t('inc.level'), detail.securityLevel ?? '—'),
      field(t('inc.assignee'), el('span', { 'data-testid': 'incident-assignee' }, userName(detail.assigneeId))),
      field(t('inc.alertCount'), String(detail.alertCount)),
      field(t('inc.opened'), formatTime(detail.createdAt)),
      field(t('inc.lastSeen'), formatTime(detail.lastSeen)),
    );
  }

  function countdown(iso) {
    return el('span', { class: 'countdown', 'data-countdown': iso }, timeLeft(iso));
  }

  function renderClocks() {
    const sla = detail.sla;
    const clock = (name, due, doneAt, breachedAt) =>
      el(
        'li',
        { class: `clock ${breachedAt ? 'is-overdue' : doneAt ? 'is-met' : ''}`, 'data-testid': 'sla-item', 'data-sla': name },
        el('strong', {}, t(`inc.sla.${name}`)),
        el('span', { class: 'muted' }, t('inc.sla.due', { time: formatTime(due) })),
        doneAt ? el('span', {}, t('inc.sla.doneAt', { time: formatTime(doneAt) })) : countdown(due),
        breachedAt ? el('span', { class: 'error' }, t('inc.sla.breachedAt', { time: formatTime(breachedAt) })) : null,
      );
    slaList.replaceChildren(
      clock('ack', sla.acknowledgeBy, detail.acknowledgedAt, sla.acknowledgeBreachedAt),
      clock('resolve', sla.resolveBy, detail.resolvedAt ?? detail.closedAt, sla.resolveBreachedAt),
    );
    const deadlines = detail.deadlines ?? [];
    deadlineList.replaceChildren(
      ...(deadlines.length === 0
        ? [el('li', { class: 'muted' }, t('inc.deadlines.none'))]
        : deadlines.map((deadline) =>
            el(
              'li',
              { class: `clock is-${deadline.status}`, 'data-testid': 'deadline-item', 'data-key': deadline.key, 'data-status': deadline.status },
              el('div', { class: 'row' }, el('span', { class: `clock-status status-${deadline.status}` }, t(`clock.${deadline.status}`)), el('strong', {}, bilingual(deadline.label))),
              el('span', { class: 'muted small' }, bilingual(deadline.regimeLabel)),
              el('span', { class: 'small' }, t('inc.deadline.recipient', { recipient: bilingual(deadline.recipient) })),
              el('span', {}, t('inc.sla.due', { time: formatTime(deadline.dueAt) }), ' · ', deadline.submittedAt ? t('inc.deadline.submitted', { time: formatTime(deadline.submittedAt) }) : countdown(deadline.dueAt)),
            ),
          )),
    );
  }

  function renderActions() {
    if (!manage) return;
    const allowed = detail.allowedTransitions ?? [];
    const reopening = RESOLVING.has(detail.state);
    transitions.replaceChildren(
      ...(allowed.length === 0
        ? [el('span', { class: 'muted' }, t('inc.noTransitions'))]
        : allowed.map((state) =>
            el(
              'button',
              {
                type: 'button',
                class: RESOLVING.has(state) ? 'secondary' : '',
                'data-testid': `action-${state}`,
                onclick: () => {
                  if (RESOLVING.has(state)) {
                    resolutionTarget = state;
                    resolutionLabel.textContent = t('inc.resolutionAsk', { state: t(`state.${state}`) });
                    resolutionForm.hidden = false;
                    resolutionSelect.focus();
                  } else {
                    closeResolution();
                    void act(() => api.post(`${base}/transition`, { to: state }));
                  }
                },
              },
              reopening && state === 'investigating' ? t('action.reopen') : t(`action.${state}`),
            ),
          )),
    );
    if (resolutionTarget && !allowed.includes(resolutionTarget)) closeResolution();
    if (users) {
      const responders = [...users.values()].filter((user) => user.roles.some((role) => RESPONDER_ROLES.includes(role)));
      assignSelect.replaceChildren(
        el('option', { value: '' }, t('inc.unassigned')),
        ...responders.map((user) => el('option', { value: user.id, selected: user.id === detail.assigneeId }, user.displayName ? `${user.displayName} (${user.username})` : user.username)),
      );
      assignForm.hidden = false;
    }
  }

  function timelineText(entry) {
    const d = entry.details ?? {};
    switch (entry.kind) {
      case 'transition':
        return [`${t(`state.${d.from}`)} → ${t(`state.${d.to}`)}`, d.resolution ? t(`resolution.${d.resolution}`) : null, d.reason].filter(Boolean).join(' · ');
      case 'comment':
        return d.text;
      case 'assigned':
        return `${userName(d.from)} → ${userName(d.to)}`;
      case 'alert_added':
        return d.title ?? d.ruleId;
      case 'created':
        return d.priority ?? '';
      case 'priority_changed':
      case 'category_set':
      case 'title_set':
        return `${d.from ?? '—'} → ${d.to ?? '—'}`;
      case 'sla_breached':
      case 'report_overdue':
        return [d.label, d.dueAt ? t('inc.sla.due', { time: formatTime(d.dueAt) }) : null].filter(Boolean).join(' · ');
      case 'serious_set':
        return [t(d.serious ? 'inc.serious.yes' : 'inc.serious.no'), d.reason].filter(Boolean).join(' · ');
      default:
        return Object.entries(d)
          .filter(([, value]) => value !== null && typeof value !== 'object')
          .map(([key, value]) => `${key}: ${value}`)
          .join(' · ');
    }
  }

  function renderTimeline() {
    // Newest first: what just happened is what the responder looks for.
    const entries = [...detail.timeline].reverse();
    timelineList.replaceChildren(
      ...entries.map((entry) =>
        el(
          'li',
          { class: `timeline-entry kind-${entry.kind}`, 'data-testid': 'timeline-entry', 'data-kind': entry.kind },
          el('div', { class: 'row small' }, el('strong', {}, t(`tl.${entry.kind}`)), el('span', { class: 'muted' }, formatTime(entry.at)), el('span', { class: 'muted' }, entry.actor)),
          el('div', { class: entry.kind === 'comment' ? 'comment-text' : 'small' }, timelineText(entry)),
        ),
      ),
    );
  }

  function renderAlerts() {
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

  function renderObservables() {
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

  function renderAll() {
    renderHeader();
    renderSummary();
    renderClocks();
    renderActions();
    renderTimeline();
    renderAlerts();
    renderObservables();
  }

  async function refresh() {
    try {
      detail = await api.get(base);
    } catch (failure) {
      error.textContent = failure instanceof ApiError && failure.status === 404 ? t('inc.notFound') : t('app.error', { message: failure.message });
      return;
    }
    renderAll();
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

  async function loadEvents(first) {
    const query = new URLSearchParams({ limit: String(EVENT_PAGE) });
    if (!first && eventCursor) query.set('cursor', eventCursor);
    moreEvents.disabled = true;
    try {
      const pageOfEvents = await api.get(`${base}/events?${query}`);
      const items = pageOfEvents.items.map(eventItem);
      if (first) eventList.replaceChildren(...(items.length ? items : [el('li', { class: 'muted' }, t('inc.events.none'))]));
      else eventList.append(...items);
      eventCursor = pageOfEvents.nextCursor;
      moreEvents.hidden = !eventCursor;
    } catch (failure) {
      error.textContent = t('app.error', { message: failure.message });
    } finally {
      moreEvents.disabled = false;
    }
  }

  function keepUrl(url) {
    objectUrls.push(url);
    // Long enough for the tab or the download to read it.
    setTimeout(() => {
      URL.revokeObjectURL(url);
      objectUrls = objectUrls.filter((kept) => kept !== url);
    }, 120_000);
    return url;
  }

  async function openPdf() {
    error.textContent = '';
    reportResult.textContent = '';
    // Opened within the click (popup blockers allow that), pointed at the PDF once it is here.
    const tab = window.open('', '_blank');
    try {
      const blob = await fetchBlob(`${base}/reports/initial?format=pdf`);
      const url = keepUrl(URL.createObjectURL(blob));
      reportResult.dataset.type = blob.type;
      reportResult.dataset.bytes = String(blob.size);
      if (tab) {
        tab.location.href = url;
        reportResult.replaceChildren(t('inc.reportOpened', { size: size(blob.size) }), ' ', el('a', { href: url, target: '_blank', 'data-testid': 'report-pdf-link' }, t('inc.reportOpenLink')));
      } else {
        reportResult.replaceChildren(t('inc.reportBlocked', { size: size(blob.size) }), el('a', { href: url, target: '_blank', 'data-testid': 'report-pdf-link' }, t('inc.reportOpenLink')));
      }
    } catch (failure) {
      tab?.close();
      error.textContent = t('app.error', { message: failure.message });
    }
  }

  async function downloadStix() {
    error.textContent = '';
    exportResult.textContent = '';
    try {
      const blob = await fetchBlob(`${base}/stix`);
      const file = `${fileSafe(detail?.ref ?? id)}-stix.json`;
      const link = el('a', { href: keepUrl(URL.createObjectURL(new Blob([blob], { type: 'application/json' }))), download: file, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      exportResult.dataset.bytes = String(blob.size);
      exportResult.textContent = t('inc.stixDone', { file, size: size(blob.size) });
    } catch (failure) {
      error.textContent = t('app.error', { message: failure.message });
    }
  }

  // Someone else's change (or a new alert) shows without a reload; typed text in the forms stays.
  const unsubscribe = onMessage(({ type, data }) => {
    const touched =
      ((type === 'incident.updated' || type === 'incident.created') && data?.id === id) ||
      (type === 'sla.breached' && data?.incident?.id === id) ||
      ((type === 'alert.created' || type === 'alert.updated') && data?.incidentId === id);
    if (!touched || !detail) return;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      void refresh();
      if (type.startsWith('alert.')) void loadEvents(true);
    }, 300);
  });
  const ticker = setInterval(() => {
    for (const node of page.querySelectorAll('[data-countdown]')) node.textContent = timeLeft(node.dataset.countdown);
  }, 1000);

  void (async () => {
    const [loaded, agencyMap, userList] = await Promise.all([
      api.get(base).catch((failure) => failure),
      loadAgencies(),
      manage ? api.get('/api/v1/users').catch(() => null) : Promise.resolve(null),
    ]);
    agencies = agencyMap;
    users = userList ? new Map(userList.map((user) => [user.id, user])) : null;
    if (loaded instanceof Error) {
      view.replaceChildren(el('a', { href: '#/alerts', class: 'back' }, t('inc.back')), el('p', { class: 'error', role: 'alert', 'data-testid': 'incident-error' }, loaded instanceof ApiError && (loaded.status === 404 || loaded.status === 400) ? t('inc.notFound') : t('app.error', { message: loaded.message })));
      return;
    }
    detail = loaded;
    renderAll();
    view.replaceChildren(page);
    await loadEvents(true);
    page.dataset.loaded = 'true';
  })();

  return () => {
    unsubscribe();
    clearInterval(ticker);
    clearTimeout(refreshTimer);
    for (const url of objectUrls) URL.revokeObjectURL(url);
  };
});
