import type { IncomingHttpHeaders } from 'node:http';
import { credentialOf } from '@soc/auth';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl';
const KEY = 'soc_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd';

const request = (headers: IncomingHttpHeaders, url = '/api/alerts') => ({ headers, url });

describe('credentialOf', () => {
  it('reads a Bearer JWT as an access token', () => {
    expect(credentialOf(request({ authorization: `Bearer ${JWT}` }), false)).toEqual({ kind: 'access-token', token: JWT });
  });

  it('reads a Bearer soc_ key as an API key', () => {
    expect(credentialOf(request({ authorization: `Bearer ${KEY}` }), false)).toEqual({ kind: 'api-key', key: KEY });
  });

  it.each(['bearer', 'BEARER', 'BeArEr'])('accepts the scheme spelled %s', (scheme) => {
    expect(credentialOf(request({ authorization: `${scheme}   ${JWT}  ` }), false)).toEqual({ kind: 'access-token', token: JWT });
  });

  it('reads the X-Api-Key header as an API key', () => {
    expect(credentialOf(request({ 'x-api-key': ` ${KEY} ` }), false)).toEqual({ kind: 'api-key', key: KEY });
  });

  it('prefers the Authorization header over X-Api-Key', () => {
    expect(credentialOf(request({ authorization: `Bearer ${JWT}`, 'x-api-key': KEY }), false)).toEqual({ kind: 'access-token', token: JWT });
  });

  it('reads ?access_token= only when the query token is allowed', () => {
    const url = `/live?access_token=${JWT}`;
    expect(credentialOf(request({}, url), true)).toEqual({ kind: 'access-token', token: JWT });
    expect(credentialOf(request({}, url), false)).toEqual({ kind: 'none' });
  });

  it('prefers a header over the query token', () => {
    expect(credentialOf(request({ authorization: `Bearer ${KEY}` }, `/live?access_token=${JWT}`), true)).toEqual({ kind: 'api-key', key: KEY });
  });

  it('finds nothing without a credential', () => {
    expect(credentialOf(request({}), true)).toEqual({ kind: 'none' });
    expect(credentialOf({ headers: {}, url: undefined }, true)).toEqual({ kind: 'none' });
    expect(credentialOf(request({}, '/live?access_token='), true)).toEqual({ kind: 'none' });
  });

  it('ignores other authorization schemes', () => {
    expect(credentialOf(request({ authorization: 'Basic YWxpY2U6c2VjcmV0' }), false)).toEqual({ kind: 'none' });
    expect(credentialOf(request({ authorization: `Bearer${JWT}` }), false)).toEqual({ kind: 'none' });
  });
});
