/** Which server wrote a web log: decides `event.dataset` (`apache.access`, `nginx.error`…) and the vendor key. */
export type WebProduct = 'apache' | 'nginx' | 'web';

const APPS: Readonly<Record<string, WebProduct>> = {
  nginx: 'nginx',
  apache: 'apache',
  apache2: 'apache',
  httpd: 'apache',
};

/** The product named by a syslog program name (`nginx`, `httpd`…); `fallback` for any other. */
export function productForApp(app: string | undefined, fallback: WebProduct): WebProduct {
  return (app === undefined ? undefined : APPS[app.toLowerCase()]) ?? fallback;
}
