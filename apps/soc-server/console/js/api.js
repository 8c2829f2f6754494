// The REST API with the signed-in user's tokens. Tokens live in memory only (never localStorage): a reload asks
// to sign in again, and a script injected into the page later cannot read a stored token.
let session = null;
const listeners = new Set();

export class ApiError extends Error {
  constructor(status, message, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function onSessionChange(listener) {
  listeners.add(listener);
}

export function currentUser() {
  return session?.user ?? null;
}

export function accessToken() {
  return session?.accessToken ?? null;
}

function setSession(next) {
  session = next;
  for (const listener of listeners) listener(currentUser());
}

export async function login(username, password) {
  const tokens = await request('POST', '/api/v1/auth/login', { username, password }, false);
  setSession({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user: await request('GET', '/api/v1/auth/me', undefined, true, tokens.accessToken).catch(() => ({ username })) });
}

export async function logout() {
  if (session) await request('POST', '/api/v1/auth/logout').catch(() => undefined);
  setSession(null);
}

async function refresh() {
  const tokens = await request('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken }, false);
  session = { ...session, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
}

/** JSON in, JSON out; one retry after refreshing an expired access token. */
export async function request(method, path, body, authenticated = true, token = session?.accessToken) {
  const send = (bearer) =>
    fetch(path, {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(authenticated && bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  let res = await send(token);
  if (res.status === 401 && authenticated && session?.refreshToken) {
    try {
      await refresh();
      res = await send(session.accessToken);
    } catch {
      setSession(null);
    }
  }
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new ApiError(res.status, data?.message ?? res.statusText, data?.code);
  return data;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body ?? {}),
  patch: (path, body) => request('PATCH', path, body),
  put: (path, body) => request('PUT', path, body),
};
