// Hash routes (#/incidents/…): the server serves one page; each route renders into <main id="view">.
const routes = [];

/** `pattern` like '/incidents/:id'; `render(view, params)` may be async and may return a cleanup function. */
export function route(pattern, render) {
  const names = [];
  const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name) => (names.push(name), '([^/]+)'))}$`);
  routes.push({ regex, names, render });
}

let cleanup = null;

export async function navigate() {
  const path = location.hash.replace(/^#/, '') || '/';
  const view = document.getElementById('view');
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  for (const { regex, names, render } of routes) {
    const match = regex.exec(path);
    if (!match) continue;
    const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
    cleanup = (await render(view, params)) ?? null;
    return;
  }
  view.replaceChildren(document.createTextNode('404'));
}

export function go(path) {
  if (location.hash === `#${path}`) void navigate();
  else location.hash = path;
}
