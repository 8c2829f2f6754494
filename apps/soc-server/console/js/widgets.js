// Small pieces the pages share: priority badge, state chip, time left, agency names, role checks,
// and the words for them (states, severities, spans of time, table columns).
import { api, currentUser } from './api.js';
import { el } from './dom.js';
import { addStrings, t } from './i18n.js';

addStrings({
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
  'serious.flag': ['Nghiêm trọng', 'Serious'],
  'state.new': ['Mới', 'New'],
  'state.acknowledged': ['Đã tiếp nhận', 'Acknowledged'],
  'state.investigating': ['Đang điều tra', 'Investigating'],
  'state.contained': ['Đã ngăn chặn', 'Contained'],
  'state.resolved': ['Đã xử lý', 'Resolved'],
  'state.closed': ['Đã đóng', 'Closed'],
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
