// The incident's head (priority, ref, state, title) and its summary facts.
import { el } from '../../dom.js';
import { addStrings, formatTime, t } from '../../i18n.js';
import { priorityBadge, stateChip } from '../../widgets.js';
import { userName } from './people.js';

addStrings({
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
  'inc.severity': ['Mức độ', 'Severity'],
  'inc.alertCount': ['Số cảnh báo', 'Alerts'],
  'inc.firstSeen': ['Sự kiện đầu', 'First event'],
  'inc.lastSeen': ['Sự kiện cuối', 'Last event'],
  'inc.opened': ['Phát hiện lúc', 'Detected'],
  'resolution.true_positive': ['Tấn công thật', 'True positive'],
  'resolution.false_positive': ['Báo động nhầm', 'False positive'],
  'resolution.duplicate': ['Trùng lặp', 'Duplicate'],
  'resolution.benign': ['Vô hại', 'Benign'],
  'category.phishing': ['Lừa đảo (phishing)', 'Phishing'],
  'category.defacement': ['Thay đổi giao diện', 'Defacement'],
  'category.malware': ['Mã độc', 'Malware'],
  'category.other': ['Khác', 'Other'],
});

function field(label, ...value) {
  return el('div', { class: 'field' }, el('dt', {}, label), el('dd', {}, ...value));
}

export function renderHeader(header, detail) {
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

export function renderSummary(summary, { detail, agencies, users }) {
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
    field(t('inc.assignee'), el('span', { 'data-testid': 'incident-assignee' }, userName(users, detail.assigneeId))),
    field(t('inc.alertCount'), String(detail.alertCount)),
    field(t('inc.opened'), formatTime(detail.createdAt)),
    field(t('inc.lastSeen'), formatTime(detail.lastSeen)),
  );
}
