// Reporting and sharing an incident: the initial report as PDF, recording it as sent, and the STIX 2.1 export.
import { accessToken, api, ApiError } from '../../api.js';
import { el } from '../../dom.js';
import { addStrings, t } from '../../i18n.js';

addStrings({
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
});

const CHANNELS = ['email', 'letter', 'portal', 'fax', 'phone'];

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

/**
 * `ctx.id`/`ctx.base` name the incident, `ctx.manage` says whether the caller may record a submission,
 * `ctx.act` runs an action and re-reads the incident, `ctx.error`/`ctx.notice` are the page's message lines and
 * `ctx.detail` is read when needed. Returns the section's parts and `dispose()` for the object URLs it made.
 */
export function reportAndSharing(ctx) {
  const { id, base, manage, act, error, notice } = ctx;
  let objectUrls = [];

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
      const file = `${fileSafe(ctx.detail?.ref ?? id)}-stix.json`;
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

  function dispose() {
    for (const url of objectUrls) URL.revokeObjectURL(url);
  }

  const parts = [el('div', { class: 'row' }, reportPdf, exportStix), reportResult, exportResult, manage ? submitForm : null];
  return { parts, dispose };
}
