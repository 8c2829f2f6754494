import { ApiError, currentUser, login, logout, onSessionChange } from './api.js';
import { clear, el } from './dom.js';
import { addStrings, lang, onLangChange, setLang, t } from './i18n.js';
import { connect, disconnect, onStatus } from './live-feed.js';
import { go, navigate, route } from './router.js';
import './pages/alerts/index.js';
import './pages/incident/index.js';
import './pages/posture.js';
import './pages/system.js';
import './pages/rule-tester.js';

addStrings({
  'login.title': ['Đăng nhập', 'Sign in'],
  'login.username': ['Tên đăng nhập', 'Username'],
  'login.password': ['Mật khẩu', 'Password'],
  'login.submit': ['Đăng nhập', 'Sign in'],
  'login.failed': ['Sai tên đăng nhập hoặc mật khẩu', 'Wrong username or password'],
  'nav.alerts': ['Cảnh báo & sự cố', 'Alerts & incidents'],
  'nav.posture': ['Tình trạng ATTT', 'Security posture'],
  'nav.rules': ['Thử luật', 'Rule tester'],
  'conn.offline': ['Ngoại tuyến', 'Offline'],
  'conn.connecting': ['Đang kết nối…', 'Connecting…'],
  'conn.live': ['Trực tuyến', 'Live'],
  'conn.reconnecting': ['Mất kết nối, đang kết nối lại…', 'Disconnected, reconnecting…'],
});

/** Agency IT staff have no alert queue: they land on their own systems' posture. */
function home() {
  const roles = currentUser()?.roles ?? [];
  return roles.length > 0 && roles.every((role) => role === 'agency_it') ? '/posture' : '/alerts';
}

function renderNav() {
  const nav = document.getElementById('nav');
  const user = currentUser();
  nav.hidden = !user;
  document.getElementById('logout').hidden = !user;
  if (!user) return clear(nav);
  const agencyOnly = home() === '/posture';
  nav.replaceChildren(
    ...(agencyOnly ? [] : [el('a', { href: '#/alerts', 'data-testid': 'nav-alerts' }, t('nav.alerts'))]),
    el('a', { href: '#/posture', 'data-testid': 'nav-posture' }, t('nav.posture')),
    ...(agencyOnly ? [] : [el('a', { href: '#/rules/test', 'data-testid': 'nav-rules' }, t('nav.rules'))]),
    el('span', { class: 'user', 'data-testid': 'current-user' }, user.username),
  );
}

function renderStatic() {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  document.getElementById('lang').textContent = t('app.lang');
  renderNav();
}

function loginView(view) {
  const error = el('p', { class: 'error', role: 'alert', 'data-testid': 'login-error' });
  const username = el('input', { name: 'username', autocomplete: 'username', required: true, 'data-testid': 'login-username' });
  const password = el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'login-password' });
  const form = el(
    'form',
    {
      class: 'card login',
      onsubmit: async (event) => {
        event.preventDefault();
        error.textContent = '';
        try {
          await login(username.value.trim(), password.value);
          go(home());
        } catch (failure) {
          error.textContent = failure instanceof ApiError && failure.status === 401 ? t('login.failed') : t('app.error', { message: failure.message });
        }
      },
    },
    el('h1', {}, t('login.title')),
    el('label', {}, t('login.username'), username),
    el('label', {}, t('login.password'), password),
    el('button', { type: 'submit', 'data-testid': 'login-submit' }, t('login.submit')),
    error,
  );
  view.replaceChildren(form);
  username.focus();
}

route('/login', loginView);
route('/', () => go(currentUser() ? home() : '/login'));

// Every other route needs a session; without one, sign in first.
window.addEventListener('hashchange', () => {
  if (!currentUser() && location.hash !== '#/login') return go('/login');
  void navigate();
});

onSessionChange((user) => {
  renderNav();
  if (user) connect();
  else {
    disconnect();
    go('/login');
  }
});
onStatus((state) => {
  const node = document.getElementById('connection');
  node.dataset.state = state;
  node.textContent = t(`conn.${state}`);
});
onLangChange(() => {
  renderStatic();
  void navigate();
});

document.getElementById('lang').addEventListener('click', () => setLang(lang() === 'vi' ? 'en' : 'vi'));
document.getElementById('logout').addEventListener('click', () => void logout());
document.documentElement.lang = lang();
renderStatic();
document.getElementById('connection').textContent = t('conn.offline');
if (!currentUser()) go('/login');
else void navigate();
