// Vietnamese by default, English on request; each page module adds its own strings with `addStrings`.
const strings = { vi: {}, en: {} };
let language = sessionStorage.getItem('soc.lang') === 'en' ? 'en' : 'vi';
const listeners = new Set();

export function addStrings(table) {
  for (const [key, [vi, en]] of Object.entries(table)) {
    strings.vi[key] = vi;
    strings.en[key] = en;
  }
}

/** The text for `key` in the current language, with `{name}` placeholders filled. */
export function t(key, values = {}) {
  const text = strings[language][key] ?? strings.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

export function lang() {
  return language;
}

export function setLang(next) {
  language = next;
  sessionStorage.setItem('soc.lang', next);
  document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

export function onLangChange(listener) {
  listeners.add(listener);
}

/** Dates and times as people here read them: Hà Nội time, dd/mm/yyyy. */
export function formatTime(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}

addStrings({
  'app.title': ['SOC tỉnh', 'Provincial SOC'],
  'app.logout': ['Đăng xuất', 'Sign out'],
  'app.lang': ['English', 'Tiếng Việt'],
  'app.loading': ['Đang tải…', 'Loading…'],
  'app.error': ['Lỗi: {message}', 'Error: {message}'],
  'app.notFound': ['Không tìm thấy trang', 'Page not found'],
});
