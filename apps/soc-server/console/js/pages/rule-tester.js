// #/rules/test — "thử luật", like wazuh-logtest: paste raw lines, see what parsing makes of each one, which
// rules it matches on which fields and values, and the alerts the whole sample would raise. Nothing is stored.
// The API (POST /api/v1/rules/test {lines, timeZone?}) tests against the rules in force: it takes no format
// hint (the parser recognises the format itself) and no custom rule YAML, so the page offers neither.
import { api } from '../api.js';
import { el } from '../dom.js';
import { addStrings, formatTime, t } from '../i18n.js';
import { route } from '../router.js';

addStrings({
  'rules.title': ['Thử luật phát hiện', 'Rule tester'],
  'rules.intro': [
    'Dán các dòng log thô (mỗi dòng một bản ghi, theo thứ tự đến). Hệ thống cho biết kết quả phân tích từng dòng, luật nào khớp và trên trường nào, và cảnh báo mà cả mẫu sẽ tạo ra. Không có gì được lưu lại.',
    'Paste raw log lines (one record per line, in arrival order). You see how each line parses, which rules it matches on which fields, and the alerts the whole sample would raise. Nothing is stored.',
  ],
  'rules.input': ['Dòng log thô', 'Raw log lines'],
  'rules.timeZone': ['Múi giờ cho dòng log không ghi múi giờ', 'Time zone for lines without one'],
  'rules.run': ['Kiểm tra', 'Test'],
  'rules.sample': ['Chèn ví dụ (SSH)', 'Insert an example (SSH)'],
  'rules.clear': ['Xóa', 'Clear'],
  'rules.running': ['Đang kiểm tra…', 'Testing…'],
  'rules.emptyInput': ['Hãy dán ít nhất một dòng log.', 'Paste at least one log line.'],
  'rules.tooMany': ['Tối đa 1000 dòng mỗi lần (đang có {n}).', 'At most 1000 lines at a time ({n} given).'],
  'rules.summary': ['{lines} dòng: {parsed} phân tích được, {failed} lỗi; {matched} dòng khớp luật; {alerts} cảnh báo.', '{lines} lines: {parsed} parsed, {failed} failed; {matched} lines match a rule; {alerts} alerts.'],
  'rules.line': ['Dòng {n}', 'Line {n}'],
  'rules.parsed': ['Phân tích được', 'Parsed'],
  'rules.notParsed': ['Không phân tích được', 'Not parsed'],
  'rules.reason': ['Lý do: {reason}', 'Reason: {reason}'],
  'rules.fields': ['Các trường chính', 'Key fields'],
  'rules.fullEvent': ['Toàn bộ sự kiện (JSON)', 'Full event (JSON)'],
  'rules.noMatch': ['Không khớp luật nào.', 'Matches no rule.'],
  'rules.matches': ['Luật khớp', 'Matching rules'],
  'rules.notAlerted': [
    'Mẫu này không tạo cảnh báo riêng từ luật này (luật có thể chỉ là đầu vào cho luật tương quan).',
    'This sample raises no alert of its own from this rule (it may only feed a correlation).',
  ],
  'rules.alerted': ['Tạo cảnh báo', 'Raises an alert'],
  'rules.col.selection': ['Điều kiện', 'Selection'],
  'rules.col.field': ['Trường', 'Field'],
  'rules.col.value': ['Giá trị', 'Value'],
  'rules.keyword': ['(từ khóa)', '(keyword)'],
  'rules.alerts': ['Cảnh báo mà mẫu tạo ra', 'Alerts the sample raises'],
  'rules.alertsNone': ['Mẫu này không tạo cảnh báo nào.', 'This sample raises no alert.'],
  'rules.alert.kind.rule': ['Luật đơn', 'Single-event rule'],
  'rules.alert.kind.correlation': ['Luật tương quan', 'Correlation'],
  'rules.alert.kind.intel': ['Tình báo mối đe dọa', 'Threat intelligence'],
  'rules.alert.events': ['{n} sự kiện, {first} → {last}', '{n} events, {first} → {last}'],
  'rules.alert.groupBy': ['Nhóm theo', 'Grouped by'],
  'rules.alert.author': ['Tác giả luật: {author}', 'Rule author: {author}'],
  'field.timestamp': ['Thời điểm', 'Time'],
  'field.dataset': ['Loại dữ liệu', 'Dataset'],
  'field.action': ['Hành động', 'Action'],
  'field.outcome': ['Kết quả', 'Outcome'],
  'field.category': ['Nhóm sự kiện', 'Category'],
  'field.host': ['Máy', 'Host'],
  'field.process': ['Tiến trình', 'Process'],
  'field.user': ['Người dùng', 'User'],
  'field.source': ['Nguồn', 'Source'],
  'field.destination': ['Đích', 'Destination'],
  'field.url': ['URL', 'URL'],
  'field.status': ['Mã HTTP', 'HTTP status'],
  'field.eventId': ['Event ID', 'Event ID'],
  'field.rule': ['Luật thiết bị', 'Device rule'],
  'field.observer': ['Thiết bị', 'Observer'],
  'field.message': ['Nội dung', 'Message'],
});

const SAMPLE = [
  '<38>Nov 30 09:59:01 web01 sshd[1234]: Failed password for root from 203.0.113.7 port 52514 ssh2',
  '<38>Nov 30 09:59:05 web01 sshd[1236]: Failed password for invalid user admin from 203.0.113.7 port 52530 ssh2',
  '<38>Nov 30 09:59:09 web01 sshd[1240]: Accepted password for vanhanh from 10.10.1.5 port 50122 ssh2',
].join('\n');

const endpoint = (ep) => (ep?.ip ? (ep.port ? `${ep.ip}:${ep.port}` : ep.ip) : null);

/** The fields a person reads first, in that order; absent ones are left out. */
function keyFields(event) {
  const pairs = [
    ['field.timestamp', event['@timestamp'] ? formatTime(event['@timestamp']) : null],
    ['field.dataset', event.event?.dataset],
    ['field.action', event.event?.action],
    ['field.outcome', event.event?.outcome],
    ['field.category', event.event?.category?.join(', ')],
    ['field.host', event.host?.name ?? event.host?.hostname],
    ['field.process', event.process?.name ? `${event.process.name}${event.process.pid ? `[${event.process.pid}]` : ''}` : null],
    ['field.user', event.user?.name],
    ['field.source', endpoint(event.source) ?? endpoint(event.client)],
    ['field.destination', endpoint(event.destination) ?? endpoint(event.server)],
    ['field.url', event.url?.original],
    ['field.status', event.http?.response?.status_code],
    ['field.eventId', event.winlog?.event_id],
    ['field.rule', event.rule?.name],
    ['field.observer', [event.observer?.vendor, event.observer?.product].filter(Boolean).join(' ') || null],
    ['field.message', event.message],
  ];
  return pairs.filter(([, value]) => value !== undefined && value !== null && value !== '');
}

function matchView(match, alertedRules) {
  const alerted = alertedRules.has(match.ruleId);
  return el(
    'div',
    { class: 'rule-match', 'data-testid': 'rule-match', 'data-rule-id': match.ruleId, 'data-alerted': alerted ? 'true' : 'false' },
    el('div', { class: 'row' }, el('strong', {}, match.title), el('code', {}, match.ruleId), el('span', { class: 'spacer' }), alerted ? el('span', { class: 'status-missing small' }, t('rules.alerted')) : null),
    el(
      'table',
      { class: 'selections' },
      el('thead', {}, el('tr', {}, el('th', {}, t('rules.col.selection')), el('th', {}, t('rules.col.field')), el('th', {}, t('rules.col.value')))),
      el(
        'tbody',
        {},
        ...match.selections.map((s) => el('tr', { 'data-testid': 'rule-selection' }, el('td', {}, s.selection), el('td', {}, el('code', {}, s.field ?? t('rules.keyword'))), el('td', {}, el('code', {}, s.value ?? '—')))),
      ),
    ),
    alerted ? null : el('p', { class: 'muted small', 'data-testid': 'rule-not-alerted' }, t('rules.notAlerted')),
  );
}

function lineView(verdict, raw, alertedRules) {
  const head = el(
    'div',
    { class: 'row' },
    el('strong', {}, t('rules.line', { n: verdict.line })),
    el('span', { class: verdict.parsed ? 'status-ok' : 'status-missing' }, verdict.parsed ? t('rules.parsed') : t('rules.notParsed')),
    verdict.parsed && verdict.event?.event?.dataset ? el('code', { 'data-testid': 'rule-dataset' }, verdict.event.event.dataset) : null,
  );
  const body = [el('pre', { class: 'raw-line' }, raw.length > 600 ? `${raw.slice(0, 600)}…` : raw)];
  if (!verdict.parsed) {
    body.push(el('p', { class: 'error', 'data-testid': 'parse-error' }, t('rules.reason', { reason: verdict.reason ?? '—' })));
  } else {
    body.push(
      el('dl', { class: 'fields parse-fields', 'data-testid': 'parse-fields' }, ...keyFields(verdict.event).map(([key, value]) => el('div', { class: 'field' }, el('dt', {}, t(key)), el('dd', {}, String(value))))),
      el('details', {}, el('summary', {}, t('rules.fullEvent')), el('pre', {}, JSON.stringify(verdict.event, null, 2))),
      verdict.matches.length === 0 ? el('p', { class: 'muted' }, t('rules.noMatch')) : el('div', { class: 'matches' }, el('h3', {}, t('rules.matches')), ...verdict.matches.map((m) => matchView(m, alertedRules))),
    );
  }
  return el('div', { class: `card rule-result ${verdict.parsed ? '' : 'failed'}`, 'data-testid': 'rule-result', 'data-line': verdict.line, 'data-parsed': verdict.parsed ? 'true' : 'false' }, head, ...body);
}

function alertView(alert) {
  return el(
    'div',
    { class: 'rule-alert', 'data-testid': 'rule-alert', 'data-rule-id': alert.ruleId, 'data-severity': alert.severity },
    el(
      'div',
      { class: 'row' },
      el('span', { class: `sev sev-${alert.severity}` }, alert.severity),
      el('strong', {}, alert.title),
      el('code', {}, alert.ruleId),
      alert.kind ? el('span', { class: 'muted' }, t(`rules.alert.kind.${alert.kind}`)) : null,
    ),
    el('div', { class: 'muted small' }, t('rules.alert.events', { n: alert.eventCount, first: formatTime(alert.firstSeen), last: formatTime(alert.lastSeen) })),
    alert.explanation ? el('p', {}, alert.explanation) : null,
    alert.groupBy && Object.keys(alert.groupBy).length
      ? el('div', { class: 'small' }, `${t('rules.alert.groupBy')}: `, ...Object.entries(alert.groupBy).flatMap(([field, value], i) => [i ? ', ' : '', el('code', {}, `${field}=${value}`)]))
      : null,
    alert.author ? el('div', { class: 'muted small' }, t('rules.alert.author', { author: alert.author })) : null,
  );
}

function render(view) {
  const input = el('textarea', { rows: 8, spellcheck: 'false', class: 'rule-input', 'data-testid': 'rule-input', placeholder: SAMPLE.split('\n')[0] });
  const timeZone = el(
    'select',
    { 'data-testid': 'rule-timezone' },
    el('option', { value: 'Asia/Ho_Chi_Minh' }, 'Asia/Ho_Chi_Minh (UTC+7)'),
    el('option', { value: 'UTC' }, 'UTC'),
  );
  const status = el('p', { class: 'muted', role: 'status', 'data-testid': 'rule-status' });
  const results = el('div', { class: 'rule-results', 'data-testid': 'rule-results' });
  const run = el('button', { type: 'submit', 'data-testid': 'rule-run' }, t('rules.run'));

  const submit = async (event) => {
    event.preventDefault();
    const raw = input.value.split(/\r?\n/).filter((line) => line.trim() !== '');
    results.replaceChildren();
    status.className = 'muted';
    if (raw.length === 0) return void (status.textContent = t('rules.emptyInput'));
    if (raw.length > 1000) {
      status.className = 'error';
      return void (status.textContent = t('rules.tooMany', { n: raw.length }));
    }
    run.disabled = true;
    status.textContent = t('rules.running');
    try {
      const outcome = await api.post('/api/v1/rules/test', { lines: raw, timeZone: timeZone.value });
      const alertedRules = new Set(outcome.alerts.map((a) => a.ruleId));
      const parsed = outcome.lines.filter((l) => l.parsed).length;
      status.textContent = t('rules.summary', {
        lines: outcome.lines.length,
        parsed,
        failed: outcome.lines.length - parsed,
        matched: outcome.lines.filter((l) => l.matches.length > 0).length,
        alerts: outcome.alerts.length,
      });
      results.replaceChildren(
        el(
          'section',
          { class: 'card rule-alerts', 'data-testid': 'rule-alerts', 'data-count': outcome.alerts.length },
          el('h2', {}, t('rules.alerts')),
          outcome.alerts.length === 0 ? el('p', { class: 'muted' }, t('rules.alertsNone')) : outcome.alerts.map(alertView),
        ),
        ...outcome.lines.map((verdict) => lineView(verdict, raw[verdict.line - 1] ?? '', alertedRules)),
      );
    } catch (failure) {
      status.className = 'error';
      status.textContent = t('app.error', { message: failure.message });
    } finally {
      run.disabled = false;
    }
  };

  view.replaceChildren(
    el(
      'div',
      { class: 'rule-tester' },
      el('h1', {}, t('rules.title')),
      el('p', { class: 'muted' }, t('rules.intro')),
      el(
        'form',
        { class: 'card rule-form', onsubmit: submit },
        el('label', {}, t('rules.input'), input),
        el(
          'div',
          { class: 'row' },
          el('label', { class: 'inline' }, t('rules.timeZone'), timeZone),
          el('span', { class: 'spacer' }),
          el('button', { type: 'button', class: 'secondary', onclick: () => ((input.value = SAMPLE), input.focus()) }, t('rules.sample')),
          el('button', { type: 'button', class: 'secondary', onclick: () => ((input.value = ''), results.replaceChildren(), (status.textContent = ''), input.focus()) }, t('rules.clear')),
          run,
        ),
        status,
      ),
      results,
    ),
  );
  // Ctrl+Enter in the text area runs the test, as in most log tools.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) run.click();
  });
  input.focus();
}

route('/rules/test', render);
