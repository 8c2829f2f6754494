// The incident's clocks: response SLA (acknowledge, resolve) and legal reporting deadlines, counting down live.
import { el } from '../../dom.js';
import { addStrings, formatTime, lang, t } from '../../i18n.js';
import { timeLeft } from '../../widgets.js';

addStrings({
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
});

function bilingual(value) {
  if (!value) return '';
  return typeof value === 'string' ? value : (value[lang()] ?? value.vi ?? '');
}

function countdown(iso) {
  return el('span', { class: 'countdown', 'data-countdown': iso }, timeLeft(iso));
}

/** Moves every countdown under `root` on to now. */
export function tickCountdowns(root) {
  for (const node of root.querySelectorAll('[data-countdown]')) node.textContent = timeLeft(node.dataset.countdown);
}

export function renderClocks(slaList, deadlineList, detail) {
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
