// #/posture — the province overview (or, for agency IT staff, their own agencies'): KPIs, systems by level and
// one row per visible system with its four layers. Everything shown comes from the API, which scopes it.
import { api, currentUser } from '../api.js';
import { el } from '../dom.js';
import { addStrings, formatTime, lang, t } from '../i18n.js';
import { go, route } from '../router.js';

addStrings({
  'posture.title': ['Tình trạng bảo đảm an toàn thông tin', 'Security posture'],
  'posture.scope.province': ['Toàn tỉnh', 'Whole province'],
  'posture.scope.agency': ['Đơn vị của bạn: {names}', 'Your agency: {names}'],
  'posture.asOf': ['Số liệu lúc {time}', 'As of {time}'],
  'posture.kpis': ['Chỉ tiêu', 'Indicators'],
  'kpi.approvedLevel': ['Đã phê duyệt cấp độ', 'Security level approved'],
  'kpi.fullyImplemented': ['Triển khai đầy đủ phương án', 'Fully implemented'],
  'kpi.partiallyImplemented': ['Triển khai một phần', 'Partially implemented'],
  'kpi.notImplemented': ['Chưa triển khai', 'Not implemented'],
  'kpi.regulationIssued': ['Đã ban hành Quy chế ATTT', 'Security regulation issued'],
  'kpi.allFourLayersOk': ['Đủ mô hình 4 lớp', 'All four layers ok'],
  'kpi.level3PlusAssessed': ['Cấp độ 3+ đã đánh giá trong kỳ', 'Level 3+ assessed this cycle'],
  'kpi.of': ['{count}/{of} hệ thống', '{count} of {of} systems'],
  'kpi.ofApproved': ['{count}/{of} hệ thống đã phê duyệt', '{count} of {of} approved systems'],
  'kpi.ofUpper': ['{count}/{of} hệ thống cấp độ 3 trở lên', '{count} of {of} systems at level 3+'],
  'posture.byLevel': ['Hệ thống theo cấp độ', 'Systems by level'],
  'posture.levelN': ['Cấp độ {level}', 'Level {level}'],
  'posture.levelNone': ['Chưa phê duyệt', 'Not approved'],
  'posture.systems': ['Hệ thống thông tin', 'Information systems'],
  'posture.filter.agency': ['Cơ quan', 'Agency'],
  'posture.filter.level': ['Cấp độ', 'Level'],
  'posture.filter.all': ['Tất cả', 'All'],
  'posture.count': ['{shown}/{total} hệ thống', '{shown} of {total} systems'],
  'posture.empty': ['Không có hệ thống nào', 'No systems'],
  'posture.col.system': ['Hệ thống', 'System'],
  'posture.col.agency': ['Cơ quan', 'Agency'],
  'posture.col.level': ['Cấp độ', 'Level'],
  'posture.col.dossier': ['Hồ sơ', 'Dossier'],
  'posture.col.requirements': ['Đáp ứng yêu cầu', 'Requirements met'],
  'posture.col.layers': ['4 lớp', 'Four layers'],
  'posture.col.incidents': ['Sự cố đang mở', 'Open incidents'],
  'posture.col.deadline': ['Hạn tiếp theo', 'Next deadline'],
  'posture.proposed': ['đề xuất {level}', 'proposed {level}'],
  'posture.none': ['không có', 'none'],
  'posture.daysLeft': ['còn {n} ngày', '{n} days left'],
  'posture.dueToday': ['đến hạn hôm nay', 'due today'],
  'posture.overdue': ['quá hạn {n} ngày', '{n} days overdue'],
  'layer.1': ['Lớp 1 — lực lượng tại chỗ', 'Layer 1 — on-site unit'],
  'layer.2': ['Lớp 2 — giám sát chuyên nghiệp', 'Layer 2 — professional monitoring'],
  'layer.3': ['Lớp 3 — đánh giá độc lập', 'Layer 3 — independent assessment'],
  'layer.4': ['Lớp 4 — kết nối giám sát quốc gia', 'Layer 4 — national monitoring center'],
  'layer.status.ok': ['Đạt', 'OK'],
  'layer.status.warning': ['Cần chú ý', 'Warning'],
  'layer.status.missing': ['Thiếu', 'Missing'],
  'dossier.draft': ['Dự thảo', 'Draft'],
  'dossier.submitted': ['Đã trình', 'Submitted'],
  'dossier.appraised': ['Đã thẩm định', 'Appraised'],
  'dossier.approved': ['Đã phê duyệt', 'Approved'],
  'dossier.returned': ['Trả lại', 'Returned'],
});

/** True when every role the user has is agency_it: they see their own agencies only, never the province's. */
export function agencyOnly() {
  const roles = currentUser()?.roles ?? [];
  return roles.length > 0 && roles.every((role) => role === 'agency_it');
}

const numberFormat = () => new Intl.NumberFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });

export function formatPercent(percent) {
  return percent === null || percent === undefined ? '—' : `${numberFormat().format(percent)}%`;
}

/** A calendar day (yyyy-mm-dd) as dd/mm/yyyy, without any time-zone shift. */
export function formatDay(day) {
  if (!day) return '—';
  const [year, month, date] = day.slice(0, 10).split('-');
  return `${date}/${month}/${year}`;
}

export function daysLeftText(daysLeft) {
  if (daysLeft < 0) return t('posture.overdue', { n: -daysLeft });
  if (daysLeft === 0) return t('posture.dueToday');
  return t('posture.daysLeft', { n: daysLeft });
}

export function dossierLabel(status) {
  const key = `dossier.${status}`;
  const text = t(key);
  return text === key ? status : text;
}

const SYMBOL = { ok: '✓', warning: '!', missing: '✗' };

/** One coloured marker per layer; the reasons are its tooltip. */
export function layerMarker(layer) {
  return el(
    'span',
    {
      class: `layer-marker status-${layer.status}`,
      'data-testid': `layer-${layer.layer}`,
      'data-status': layer.status,
      title: `${t(`layer.${layer.layer}`)}: ${t(`layer.status.${layer.status}`)}\n${layer.reasons.join('\n')}`,
      'aria-label': `${t(`layer.${layer.layer}`)}: ${t(`layer.status.${layer.status}`)}`,
    },
    `${layer.layer}${SYMBOL[layer.status] ?? ''}`,
  );
}

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];

/** Open incidents per priority: a badge for each priority that has some, else a muted 0. */
export function incidentBadges(counts, testid) {
  const open = PRIORITIES.filter((p) => (counts?.[p] ?? 0) > 0);
  if (open.length === 0) return el('span', { class: 'muted', 'data-testid': testid }, '0');
  return el('span', { class: 'row', 'data-testid': testid }, ...open.map((p) => el('span', { class: `badge ${p}`, 'data-priority': p, title: p }, `${p}: ${counts[p]}`)));
}

function levelText(system) {
  if (system.securityLevel) return String(system.securityLevel);
  return ['—', system.dossier?.proposedLevel ? el('div', { class: 'muted small' }, t('posture.proposed', { level: system.dossier.proposedLevel })) : null];
}

/** Bar widths through the CSSOM (not a style attribute), so a strict CSP without 'unsafe-inline' still draws them. */
export function widthOf(node, percent) {
  node.style.width = `${Math.max(0, Math.min(100, percent))}%`;
  return node;
}

export function completenessBar(percent) {
  const value = percent ?? 0;
  return el(
    'span',
    { class: 'completeness', title: formatPercent(percent) },
    el('span', { class: 'completeness-track' }, widthOf(el('span', { class: `completeness-fill ${value >= 100 ? 'full' : value > 0 ? 'part' : 'none'}` }), value)),
    el('span', { class: 'completeness-text' }, formatPercent(percent)),
  );
}

function nextDeadline(system) {
  const [first] = [...(system.deadlines ?? [])].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  if (!first) return el('span', { class: 'muted' }, '—');
  return el(
    'span',
    { title: first.label, class: first.daysLeft < 0 ? 'overdue' : undefined },
    formatDay(first.dueOn),
    el('br'),
    el('small', { class: first.daysLeft < 0 ? 'overdue' : 'muted' }, daysLeftText(first.daysLeft)),
  );
}

const KPI_NAMES = ['approvedLevel', 'fullyImplemented', 'partiallyImplemented', 'notImplemented', 'regulationIssued', 'allFourLayersOk', 'level3PlusAssessed'];
const KPI_OF = { fullyImplemented: 'kpi.ofApproved', partiallyImplemented: 'kpi.ofApproved', notImplemented: 'kpi.ofApproved', level3PlusAssessed: 'kpi.ofUpper' };

function kpiCard(name, ratio) {
  return el(
    'div',
    { class: `card kpi kpi-${name}`, 'data-testid': `kpi-${name}`, 'data-count': ratio.count, 'data-of': ratio.of, 'data-percent': ratio.percent ?? '' },
    el('div', { class: 'kpi-label' }, t(`kpi.${name}`)),
    el('div', { class: 'kpi-percent' }, formatPercent(ratio.percent)),
    el('div', { class: 'kpi-count muted' }, t(KPI_OF[name] ?? 'kpi.of', { count: ratio.count, of: ratio.of })),
  );
}

function byLevelCard(byLevel) {
  const keys = ['1', '2', '3', '4', '5', 'none'];
  const max = Math.max(1, ...keys.map((k) => byLevel[k] ?? 0));
  return el(
    'div',
    { class: 'card by-level', 'data-testid': 'posture-by-level' },
    el('h2', {}, t('posture.byLevel')),
    ...keys.map((key) =>
      el(
        'div',
        { class: 'by-level-row', 'data-testid': `level-count-${key}`, 'data-count': byLevel[key] ?? 0 },
        el('span', { class: 'by-level-label' }, key === 'none' ? t('posture.levelNone') : t('posture.levelN', { level: key })),
        el('span', { class: 'by-level-track' }, widthOf(el('span', { class: `by-level-fill level-${key}` }), ((byLevel[key] ?? 0) / max) * 100)),
        el('span', { class: 'by-level-count' }, String(byLevel[key] ?? 0)),
      ),
    ),
  );
}

function systemRow(system) {
  const href = `#/systems/${encodeURIComponent(system.systemId)}`;
  return el(
    'tr',
    {
      class: 'clickable',
      'data-testid': 'posture-row',
      'data-system-id': system.systemId,
      'data-agency-id': system.agencyId,
      onclick: (event) => {
        if (event.target.closest('a')) return;
        go(`/systems/${encodeURIComponent(system.systemId)}`);
      },
    },
    el('td', {}, el('a', { href }, system.name), el('div', { class: 'muted small' }, system.systemId)),
    el('td', {}, system.agencyName),
    el('td', { class: 'num', 'data-testid': 'row-level' }, levelText(system)),
    el('td', { class: 'dossier' }, dossierLabel(system.dossier?.status)),
    el('td', {}, system.requirements ? completenessBar(system.requirements.percent) : el('span', { class: 'muted' }, '—')),
    el('td', { class: 'layers' }, ...(system.layers ?? []).map(layerMarker)),
    el('td', {}, incidentBadges(system.openIncidents, 'row-incidents')),
    el('td', {}, nextDeadline(system)),
  );
}

function levelKey(system) {
  return system.securityLevel ? String(system.securityLevel) : 'none';
}

async function render(view) {
  const stamp = location.hash;
  view.replaceChildren(el('p', { class: 'muted' }, t('app.loading')));
  let kpis;
  let systems;
  try {
    [kpis, systems] = await Promise.all([api.get('/api/v1/posture/kpis'), api.get('/api/v1/posture/systems')]);
  } catch (failure) {
    if (location.hash === stamp) view.replaceChildren(el('p', { class: 'error', role: 'alert' }, t('app.error', { message: failure.message })));
    return;
  }
  if (location.hash !== stamp) return;

  const own = agencyOnly();
  systems.sort((a, b) => (b.securityLevel ?? 0) - (a.securityLevel ?? 0) || a.agencyName.localeCompare(b.agencyName, 'vi') || a.name.localeCompare(b.name, 'vi'));
  const agencies = [...new Map(systems.map((s) => [s.agencyId, s.agencyName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
  const scopeLabel = own ? t('posture.scope.agency', { names: agencies.map(([, name]) => name).join(', ') || '—' }) : t('posture.scope.province');

  const agencySelect = el('select', { 'data-testid': 'filter-agency' }, el('option', { value: '' }, t('posture.filter.all')), ...agencies.map(([id, name]) => el('option', { value: id }, name)));
  const levelSelect = el(
    'select',
    { 'data-testid': 'filter-level' },
    el('option', { value: '' }, t('posture.filter.all')),
    ...['1', '2', '3', '4', '5'].map((level) => el('option', { value: level }, t('posture.levelN', { level }))),
    el('option', { value: 'none' }, t('posture.levelNone')),
  );
  const count = el('span', { class: 'muted', 'data-testid': 'posture-count' });
  const tbody = el('tbody');
  const fill = () => {
    const shown = systems.filter((s) => (!agencySelect.value || s.agencyId === agencySelect.value) && (!levelSelect.value || levelKey(s) === levelSelect.value));
    tbody.replaceChildren(...(shown.length ? shown.map(systemRow) : [el('tr', {}, el('td', { colspan: 8, class: 'muted' }, t('posture.empty')))]));
    count.textContent = t('posture.count', { shown: shown.length, total: systems.length });
  };
  agencySelect.addEventListener('change', fill);
  levelSelect.addEventListener('change', fill);
  fill();

  const figures = kpis.province;
  view.replaceChildren(
    el(
      'div',
      { class: 'posture' },
      el(
        'div',
        { class: 'page-head' },
        el('h1', {}, t('posture.title')),
        el('span', { class: 'scope-label', 'data-testid': 'posture-scope', 'data-scope': own ? 'agency' : 'province' }, scopeLabel),
        el('span', { class: 'spacer' }),
        el('span', { class: 'muted' }, t('posture.asOf', { time: formatTime(kpis.asOf) })),
      ),
      el(
        'div',
        { class: 'posture-summary' },
        el('div', { class: 'kpi-grid', 'data-testid': 'posture-kpis' }, ...KPI_NAMES.map((name) => kpiCard(name, figures[name]))),
        byLevelCard(figures.byLevel),
      ),
      el(
        'section',
        { class: 'card' },
        el(
          'div',
          { class: 'row table-head' },
          el('h2', {}, t('posture.systems')),
          el('span', { class: 'spacer' }),
          el('label', { class: 'inline' }, t('posture.filter.agency'), agencySelect),
          el('label', { class: 'inline' }, t('posture.filter.level'), levelSelect),
          count,
        ),
        el(
          'table',
          { class: 'posture-table', 'data-testid': 'posture-table' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ...['system', 'agency', 'level', 'dossier', 'requirements', 'layers', 'incidents', 'deadline'].map((col) => el('th', {}, t(`posture.col.${col}`))),
            ),
          ),
          tbody,
        ),
      ),
    ),
  );
}

route('/posture', render);
