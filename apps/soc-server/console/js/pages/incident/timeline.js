// The incident's timeline, newest first: each entry's kind, time, actor and what changed.
import { el } from '../../dom.js';
import { addStrings, formatTime, t } from '../../i18n.js';
import { userName } from './people.js';

addStrings({
  'inc.timeline': ['Diễn biến', 'Timeline'],
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

function timelineText(entry, users) {
  const d = entry.details ?? {};
  switch (entry.kind) {
    case 'transition':
      return [`${t(`state.${d.from}`)} → ${t(`state.${d.to}`)}`, d.resolution ? t(`resolution.${d.resolution}`) : null, d.reason].filter(Boolean).join(' · ');
    case 'comment':
      return d.text;
    case 'assigned':
      return `${userName(users, d.from)} → ${userName(users, d.to)}`;
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

export function renderTimeline(timelineList, { detail, users }) {
  // Newest first: what just happened is what the responder looks for.
  const entries = [...detail.timeline].reverse();
  timelineList.replaceChildren(
    ...entries.map((entry) =>
      el(
        'li',
        { class: `timeline-entry kind-${entry.kind}`, 'data-testid': 'timeline-entry', 'data-kind': entry.kind },
        el('div', { class: 'row small' }, el('strong', {}, t(`tl.${entry.kind}`)), el('span', { class: 'muted' }, formatTime(entry.at)), el('span', { class: 'muted' }, entry.actor)),
        el('div', { class: entry.kind === 'comment' ? 'comment-text' : 'small' }, timelineText(entry, users)),
      ),
    ),
  );
}
