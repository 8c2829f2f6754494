// #/systems/:id — one information system's posture: level and dossier, requirement completeness per group,
// the four layers with every reason, source health, incidents, vulnerabilities, reviews and deadlines.
import { api, ApiError } from '../api.js';
import { el } from '../dom.js';
import { addStrings, formatTime, lang, t } from '../i18n.js';
import { route } from '../router.js';
import { completenessBar, daysLeftText, dossierLabel, formatDay, formatPercent, incidentBadges, PRIORITIES } from './posture.js';

addStrings({
  'system.back': ['← Tình trạng ATTT', '← Security posture'],
  'system.notFound': ['Không tìm thấy hệ thống thông tin này, hoặc bạn không có quyền xem.', 'No such information system, or you may not see it.'],
  'system.level': ['Cấp độ', 'Security level'],
  'system.levelApproved': ['Cấp độ đã phê duyệt', 'Approved level'],
  'system.levelNone': ['Chưa phê duyệt', 'Not approved'],
  'system.proposed': ['Cấp độ đề xuất', 'Proposed level'],
  'system.dossier': ['Hồ sơ đề xuất cấp độ', 'Security-level dossier'],
  'system.dossierStatus': ['Trạng thái', 'Status'],
  'system.decision': ['Quyết định phê duyệt', 'Approval decision'],
  'system.approver': ['Người phê duyệt', 'Approver'],
  'system.regime': ['Văn bản áp dụng', 'Legal regime'],
  'system.regulation': ['Quy chế ATTT', 'Security regulation'],
  'regulation.none': ['Chưa có', 'None'],
  'regulation.draft': ['Dự thảo', 'Draft'],
  'regulation.issued': ['Đã ban hành', 'Issued'],
  'system.layers': ['Mô hình bảo vệ 4 lớp', 'Four-layer protection'],
  'system.requirements': ['Mức đáp ứng yêu cầu theo cấp độ', 'Requirements for the level'],
  'system.requirementsNone': ['Chưa có cấp độ để đối chiếu yêu cầu.', 'No level to check requirements against yet.'],
  'system.catalogue': ['Bộ yêu cầu {catalogue} (phiên bản {version}), cấp độ {level}', 'Catalogue {catalogue} (version {version}), level {level}'],
  'system.levelSource.proposed': ['theo cấp độ đề xuất', 'against the proposed level'],
  'system.tally': ['Đáp ứng {met}, một phần {partial}, chưa đáp ứng {notMet}, chưa đánh giá {notAssessed}, không áp dụng {notApplicable} / {applicable} mục', 'Met {met}, partial {partial}, not met {notMet}, not assessed {notAssessed}, not applicable {notApplicable} of {applicable} items'],
  'implementation.full': ['Triển khai đầy đủ', 'Fully implemented'],
  'implementation.partial': ['Triển khai một phần', 'Partially implemented'],
  'implementation.none': ['Chưa triển khai', 'Not implemented'],
  'group.management': ['Quản lý', 'Management'],
  'group.technical': ['Kỹ thuật', 'Technical'],
  'req.col.item': ['Yêu cầu', 'Requirement'],
  'req.col.status': ['Trạng thái', 'Status'],
  'req.col.evidence': ['Bằng chứng', 'Evidence'],
  'req.col.owner': ['Phụ trách / hạn khắc phục', 'Owner / remediation by'],
  'req.col.updated': ['Cập nhật', 'Updated'],
  'req.status.met': ['Đáp ứng', 'Met'],
  'req.status.partial': ['Một phần', 'Partially met'],
  'req.status.not_met': ['Chưa đáp ứng', 'Not met'],
  'req.status.not_applicable': ['Không áp dụng', 'Not applicable'],
  'req.status.null': ['Chưa đánh giá', 'Not assessed'],
  'system.sources': ['Nguồn log (7 ngày qua)', 'Log sources (last 7 days)'],
  'system.sourcesNone': ['Không có nguồn log nào gửi về hệ thống này trong 7 ngày qua.', 'No log source reported on this system in the last 7 days.'],
  'source.col.name': ['Nguồn', 'Source'],
  'source.col.last': ['Nhận lần cuối', 'Last received'],
  'source.col.health': ['Tình trạng', 'Health'],
  'source.reporting': ['Đang gửi', 'Reporting'],
  'source.silent': ['Ngừng gửi từ {time}', 'Silent since {time}'],
  'system.incidents': ['Sự cố đang mở', 'Open incidents'],
  'system.vulnerabilities': ['Lỗ hổng chưa xử lý', 'Open vulnerabilities'],
  'system.vulnerabilitiesNone': ['Không có', 'None'],
  'severity.critical': ['Nghiêm trọng', 'Critical'],
  'severity.high': ['Cao', 'High'],
  'severity.medium': ['Trung bình', 'Medium'],
  'severity.low': ['Thấp', 'Low'],
  'system.reviews': ['Yêu cầu xác định lại cấp độ', 'Open re-determination reviews'],
  'system.reviewsNone': ['Không có', 'None'],
  'system.deadlines': ['Hạn sắp tới', 'Upcoming deadlines'],
  'system.deadlinesNone': ['Không có hạn nào trong 120 ngày tới.', 'No deadline in the next 120 days.'],
  'deadline.col.what': ['Nội dung', 'What'],
  'deadline.col.due': ['Hạn', 'Due on'],
  'deadline.col.left': ['Còn lại', 'Days left'],
  'deadline.col.responsible': ['Trách nhiệm', 'Responsible'],
  'responsible.agency': ['Cơ quan', 'Agency'],
  'responsible.province': ['Tỉnh', 'Province'],
});

function field(label, value, testid) {
  return el('div', { class: 'field' }, el('dt', {}, label), el('dd', { 'data-testid': testid }, value ?? '—'));
}

function levelCard(posture) {
  const { dossier } = posture;
  return el(
    'section',
    { class: 'card' },
    el('h2', {}, t('system.dossier')),
    el(
      'div',
      { class: 'level-box' },
      el('div', { class: 'level-big', 'data-testid': 'system-level', 'data-level': posture.securityLevel ?? '' }, posture.securityLevel ? String(posture.securityLevel) : '—'),
      el('div', { class: 'muted' }, posture.securityLevel ? t('system.levelApproved') : t('system.levelNone')),
    ),
    el(
      'dl',
      { class: 'fields' },
      field(t('system.proposed'), dossier.proposedLevel ? String(dossier.proposedLevel) : '—'),
      field(t('system.dossierStatus'), dossierLabel(dossier.status), 'dossier-status'),
      field(t('system.decision'), dossier.decisionNumber ? `${dossier.decisionNumber}${dossier.decisionDate ? ` (${formatDay(dossier.decisionDate)})` : ''}` : '—', 'dossier-decision'),
      field(t('system.approver'), dossier.approver ?? '—'),
      field(t('system.regulation'), t(`regulation.${dossier.regulationStatus}`)),
      field(t('system.regime'), dossier.regimeName ?? dossier.regimeId),
    ),
  );
}

function layersCard(layers) {
  return el(
    'section',
    { class: 'card' },
    el('h2', {}, t('system.layers')),
    el(
      'div',
      { class: 'layer-grid' },
      ...layers.map((layer) =>
        el(
          'div',
          { class: `layer-detail layer-${layer.status}`, 'data-testid': 'layer-detail', 'data-layer': layer.layer, 'data-status': layer.status },
          el('div', { class: 'row' }, el('strong', {}, t(`layer.${layer.layer}`)), el('span', { class: 'spacer' }), el('span', { class: `layer-chip status-${layer.status}` }, t(`layer.status.${layer.status}`))),
          el('div', { class: 'muted small' }, layer.name),
          el('ul', { class: 'reasons' }, ...layer.reasons.map((reason) => el('li', {}, reason))),
        ),
      ),
    ),
  );
}

function itemTitle(item) {
  return item.title?.[lang()] ?? item.title?.vi ?? item.id;
}

function requirementsCard(requirements, fallback) {
  const section = el('section', { class: 'card', 'data-testid': 'requirements' }, el('h2', {}, t('system.requirements')));
  if (!requirements && !fallback) {
    section.append(el('p', { class: 'muted' }, t('system.requirementsNone')));
    return section;
  }
  const completeness = requirements?.completeness ?? fallback;
  const tallyOf = new Map((completeness.groups ?? []).map((g) => [g.groupId, g]));
  section.append(
    el(
      'div',
      { class: 'row' },
      completenessBar(completeness.percent),
      el('strong', {}, t(`implementation.${completeness.implementation}`)),
      el('span', { class: 'muted' }, t('system.catalogue', { catalogue: completeness.catalogueId, version: completeness.catalogueVersion, level: completeness.level })),
      requirements?.levelSource === 'proposed' ? el('span', { class: 'status-warning' }, t('system.levelSource.proposed')) : null,
    ),
    el('p', { class: 'muted small' }, t('system.tally', completeness)),
  );
  const groups = requirements?.groups ?? (completeness.groups ?? []).map((g) => ({ id: g.groupId, name: g.name, kind: g.kind, items: [] }));
  section.append(
    ...groups.map((group) => {
      const tally = tallyOf.get(group.id);
      return el(
        'details',
        { class: 'requirement-group', 'data-testid': 'requirement-group', 'data-group-id': group.id, 'data-percent': tally?.percent ?? '' },
        el(
          'summary',
          {},
          el('span', { class: 'group-name' }, group.name),
          el('span', { class: 'muted small' }, t(`group.${group.kind}`)),
          el('span', { class: 'spacer' }),
          tally ? el('span', { class: 'muted small' }, `${tally.met}/${tally.applicable - tally.notApplicable}`) : null,
          tally ? completenessBar(tally.percent) : null,
        ),
        group.items.length
          ? el(
              'table',
              { class: 'items' },
              el('thead', {}, el('tr', {}, ...['item', 'status', 'evidence', 'owner', 'updated'].map((col) => el('th', {}, t(`req.col.${col}`))))),
              el(
                'tbody',
                {},
                ...group.items.map((item) =>
                  el(
                    'tr',
                    { 'data-testid': 'requirement-item', 'data-item-id': item.id, 'data-status': item.status ?? 'not_assessed' },
                    el('td', {}, itemTitle(item), el('div', { class: 'muted small' }, item.id)),
                    el('td', {}, el('span', { class: `req-status req-${item.status ?? 'not_assessed'}` }, t(`req.status.${item.status}`))),
                    el('td', {}, item.evidence ?? '—'),
                    el('td', {}, item.owner ?? '—', item.remediationDate ? el('div', { class: 'muted small' }, formatDay(item.remediationDate)) : null),
                    el('td', { class: 'small' }, item.updatedAt ? formatTime(item.updatedAt) : '—', item.updatedBy ? el('div', { class: 'muted' }, item.updatedBy) : null),
                  ),
                ),
              ),
            )
          : null,
      );
    }),
  );
  return section;
}

function sourcesCard(sources) {
  return el(
    'section',
    { class: 'card', 'data-testid': 'sources' },
    el('h2', {}, t('system.sources')),
    sources.length === 0
      ? el('p', { class: 'status-warning' }, t('system.sourcesNone'))
      : el(
          'table',
          {},
          el('thead', {}, el('tr', {}, el('th', {}, t('source.col.name')), el('th', {}, t('source.col.last')), el('th', {}, t('source.col.health')))),
          el(
            'tbody',
            {},
            ...sources.map((source) =>
              el(
                'tr',
                { 'data-testid': 'source-row', 'data-source-id': source.sourceId, 'data-silent': source.silentSince ? 'true' : 'false' },
                el('td', {}, source.name ?? source.sourceId, el('div', { class: 'muted small' }, source.sourceId)),
                el('td', {}, formatTime(source.lastReceivedAt)),
                el('td', {}, source.silentSince ? el('span', { class: 'status-missing' }, t('source.silent', { time: formatTime(source.silentSince) })) : el('span', { class: 'status-ok' }, t('source.reporting'))),
              ),
            ),
          ),
        ),
  );
}

const SEVERITIES = ['critical', 'high', 'medium', 'low'];

function activityCard(posture) {
  const vulns = SEVERITIES.filter((s) => (posture.openVulnerabilities?.[s] ?? 0) > 0);
  return el(
    'section',
    { class: 'card' },
    el('h2', {}, t('system.incidents')),
    el(
      'div',
      { class: 'row', 'data-testid': 'system-incidents', dataset: Object.fromEntries(PRIORITIES.map((p) => [p.toLowerCase(), String(posture.openIncidents?.[p] ?? 0)])) },
      ...PRIORITIES.map((p) => el('span', { class: (posture.openIncidents?.[p] ?? 0) > 0 ? `badge ${p}` : 'badge muted-badge' }, `${p}: ${posture.openIncidents?.[p] ?? 0}`)),
    ),
    el('h2', {}, t('system.vulnerabilities')),
    el(
      'div',
      { class: 'row', 'data-testid': 'system-vulnerabilities' },
      vulns.length === 0 ? el('span', { class: 'muted' }, t('system.vulnerabilitiesNone')) : vulns.map((s) => el('span', { class: `sev sev-${s}` }, `${t(`severity.${s}`)}: ${posture.openVulnerabilities[s]}`)),
    ),
    el('h2', {}, t('system.reviews')),
    (posture.reviews ?? []).length === 0
      ? el('p', { class: 'muted' }, t('system.reviewsNone'))
      : el('ul', { class: 'reasons', 'data-testid': 'system-reviews' }, ...posture.reviews.map((review) => el('li', {}, `${formatTime(review.createdAt)} — ${review.reason}`))),
  );
}

function deadlinesCard(deadlines) {
  const sorted = [...deadlines].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return el(
    'section',
    { class: 'card' },
    el('h2', {}, t('system.deadlines')),
    sorted.length === 0
      ? el('p', { class: 'muted' }, t('system.deadlinesNone'))
      : el(
          'table',
          {},
          el('thead', {}, el('tr', {}, ...['what', 'due', 'left', 'responsible'].map((col) => el('th', {}, t(`deadline.col.${col}`))))),
          el(
            'tbody',
            {},
            ...sorted.map((deadline) =>
              el(
                'tr',
                { 'data-testid': 'deadline-row', 'data-deadline-id': deadline.id, 'data-days-left': deadline.daysLeft, class: deadline.daysLeft < 0 ? 'overdue' : undefined },
                el('td', {}, deadline.label),
                el('td', { class: 'nowrap' }, formatDay(deadline.dueOn)),
                el('td', { class: `nowrap ${deadline.daysLeft < 0 ? 'overdue' : deadline.daysLeft <= 14 ? 'status-warning' : ''}` }, daysLeftText(deadline.daysLeft)),
                el('td', {}, t(`responsible.${deadline.responsible}`)),
              ),
            ),
          ),
        ),
  );
}

async function render(view, { id }) {
  const stamp = location.hash;
  view.replaceChildren(el('p', { class: 'muted' }, t('app.loading')));
  const back = el('a', { href: '#/posture', class: 'back' }, t('system.back'));
  const path = `/api/v1/systems/${encodeURIComponent(id)}`;
  let posture;
  let requirements = null;
  try {
    [posture, requirements] = await Promise.all([
      api.get(`${path}/posture`),
      // 409: the system has neither an approved nor a proposed level, so there is nothing to check against.
      api.get(`${path}/requirements`).catch((failure) => {
        if (failure instanceof ApiError && (failure.status === 409 || failure.status === 404)) return null;
        throw failure;
      }),
    ]);
  } catch (failure) {
    if (location.hash !== stamp) return;
    const message =
      failure instanceof ApiError && (failure.status === 404 || failure.status === 400)
        ? el('p', { class: 'error', role: 'alert', 'data-testid': 'not-found' }, t('system.notFound'))
        : el('p', { class: 'error', role: 'alert' }, t('app.error', { message: failure.message }));
    view.replaceChildren(el('div', { class: 'system' }, back, message));
    return;
  }
  if (location.hash !== stamp) return;

  view.replaceChildren(
    el(
      'div',
      { class: 'system', 'data-testid': 'system-page', 'data-system-id': posture.systemId },
      back,
      el(
        'div',
        { class: 'page-head' },
        el('h1', { 'data-testid': 'system-name' }, posture.name),
        el('span', { class: 'muted' }, `${posture.agencyName} · ${posture.systemId}`),
        el('span', { class: 'spacer' }),
        el('span', { class: 'muted' }, t('system.requirements'), ': ', el('strong', {}, formatPercent(posture.requirements?.percent ?? null))),
      ),
      el('div', { class: 'system-top' }, levelCard(posture), layersCard(posture.layers ?? [])),
      requirementsCard(requirements, posture.requirements),
      el('div', { class: 'system-bottom' }, sourcesCard(posture.sources ?? []), activityCard(posture), deadlinesCard(posture.deadlines ?? [])),
    ),
  );
}

route('/systems/:id', render);
