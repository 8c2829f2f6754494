// The work on an incident: move it on (asking for a resolution when it ends), assign it, comment on it.
import { api } from '../../api.js';
import { el } from '../../dom.js';
import { addStrings, t } from '../../i18n.js';
import { responders, userLabel } from './people.js';

addStrings({
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
  'inc.assign': ['Giao cho', 'Assign to'],
  'inc.assignSubmit': ['Giao việc', 'Assign'],
  'inc.comment': ['Ghi chú', 'Comment'],
  'inc.commentSubmit': ['Thêm ghi chú', 'Add comment'],
  'inc.commentPlaceholder': ['Ví dụ: Đã chặn IP trên tường lửa biên.', 'E.g. Blocked the IP at the border firewall.'],
});

const RESOLVING = new Set(['resolved', 'closed']);
const RESOLUTIONS = ['true_positive', 'false_positive', 'duplicate', 'benign'];

/**
 * `ctx.base` is the incident's API path, `ctx.act(action)` runs an action and re-reads the incident (true when it
 * worked), `ctx.detail` and `ctx.users` are read at render time. Returns the section's parts and `render()`.
 */
export function incidentActions(ctx) {
  const { base, act } = ctx;
  let resolutionTarget = null;

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

  function closeResolution() {
    resolutionTarget = null;
    resolutionForm.hidden = true;
    resolutionReason.value = '';
  }

  function render() {
    const { detail, users } = ctx;
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
      assignSelect.replaceChildren(
        el('option', { value: '' }, t('inc.unassigned')),
        ...responders(users).map((user) => el('option', { value: user.id, selected: user.id === detail.assigneeId }, userLabel(user))),
      );
      assignForm.hidden = false;
    }
  }

  const parts = [el('div', { class: 'muted small' }, t('inc.transition')), transitions, resolutionForm, assignForm, commentForm];
  return { parts, render };
}
