import { accessToken } from './api.js';

// The /ws live feed: reconnects with backoff and resumes from the last seq it saw, so nothing is missed.
const listeners = new Set();
const statusListeners = new Set();
let socket = null;
let lastSeq = 0;
let retryMs = 500;
let wanted = false;
let filters = {};

export function onMessage(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function onStatus(listener) {
  statusListeners.add(listener);
}

function setStatus(state) {
  for (const listener of statusListeners) listener(state);
}

export function connect(nextFilters = filters) {
  filters = nextFilters;
  wanted = true;
  if (socket) socket.close(1000, 'reconnecting with new filters');
  else open();
}

export function disconnect() {
  wanted = false;
  socket?.close(1000, 'signed out');
  socket = null;
  lastSeq = 0;
  setStatus('offline');
}

function open() {
  const token = accessToken();
  if (!token || !wanted) return;
  setStatus('connecting');
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  // Browsers cannot set headers on a WebSocket: the server accepts the token as a query parameter on /ws only.
  const ws = new WebSocket(`${scheme}://${location.host}/ws?access_token=${encodeURIComponent(token)}`);
  socket = ws;
  ws.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    if (message.type === 'hello') {
      // First connection: live from now; a reconnection: everything after the last message seen.
      ws.send(JSON.stringify({ type: 'subscribe', ...(lastSeq > 0 ? { since: lastSeq } : {}), filters }));
      return;
    }
    if (message.type === 'subscribed' || message.type === 'replay.complete') {
      retryMs = 500;
      setStatus('live');
      return;
    }
    if (typeof message.seq === 'number') {
      lastSeq = Math.max(lastSeq, message.seq);
      for (const listener of listeners) listener(message);
    }
  });
  ws.addEventListener('close', () => {
    if (socket === ws) socket = null;
    if (!wanted) return;
    setStatus('reconnecting');
    setTimeout(open, retryMs);
    retryMs = Math.min(retryMs * 2, 15_000);
  });
}
