// The queue's P1/P2 sound and desktop notification: off unless the analyst turns them on; remembered for the session.
import { el } from '../../dom.js';
import { addStrings, lang, t } from '../../i18n.js';

addStrings({
  'queue.sound.on': ['Âm báo P1/P2: bật', 'P1/P2 sound: on'],
  'queue.sound.off': ['Âm báo P1/P2: tắt', 'P1/P2 sound: off'],
  'queue.notifyTitle': ['{priority} — {title}', '{priority} — {title}'],
});

const SOUND_KEY = 'soc.queue.sound';
let audio = null;
let lastBeep = 0;

function soundOn() {
  return sessionStorage.getItem(SOUND_KEY) === '1';
}

function beep() {
  try {
    audio ??= new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.4);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.4);
  } catch {
    // no audio device: the highlight in the list is still there
  }
}

export function announce(priority, title) {
  if (!soundOn() || !['P1', 'P2'].includes(priority)) return;
  const now = Date.now();
  if (now - lastBeep < 2000) return;
  lastBeep = now;
  beep();
  if ('Notification' in window && Notification.permission === 'granted') {
    try {
      new Notification(t('queue.notifyTitle', { priority, title }), { tag: 'soc-queue', lang: lang() });
    } catch {
      // some browsers only allow notifications from a service worker
    }
  }
}

export function soundToggle() {
  const button = el('button', {
    type: 'button',
    class: 'secondary',
    'data-testid': 'sound-toggle',
    onclick: () => {
      const next = !soundOn();
      sessionStorage.setItem(SOUND_KEY, next ? '1' : '0');
      if (next) {
        // Created within the click, so the browser lets it play later.
        audio ??= new AudioContext();
        void audio.resume?.();
        if ('Notification' in window && Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
      }
      paint();
    },
  });
  const paint = () => {
    button.textContent = t(soundOn() ? 'queue.sound.on' : 'queue.sound.off');
    button.setAttribute('aria-pressed', String(soundOn()));
  };
  paint();
  return button;
}
