import { failures, lineWith, parsed, wazuhPassLines } from './corpus-lines';

const LINES = wazuhPassLines('fortiauth.ini');

describe('FortiAuthenticator (wazuh fortiauth.ini)', () => {
  it('reads a failed RADIUS authentication and keeps the free text as the message', () => {
    const event = parsed(lineWith(LINES, 'status="Failed"'));
    // RFC 3339 header with its own offset: 11:00:56-03:00.
    expect(event['@timestamp']).toBe('2021-07-08T14:00:56.000Z');
    expect(event.event).toMatchObject({
      dataset: 'fortinet_fortiauthenticator.log',
      category: ['authentication'],
      type: ['start'],
      action: 'Authentication',
      outcome: 'failure',
      code: '20001',
      severity: 6,
    });
    expect(event.user).toEqual({ name: 'user1' });
    expect(event.message).toBe('Remote RADIUS user authentication with invalid token');
    expect(event.observer).toMatchObject({ vendor: 'Fortinet', product: 'FortiAuthenticator' });
    // The NAS address is masked (XXX.XXX.XXX.XXX) in the corpus, so it is not kept as an IP.
    expect(event.client).toBeUndefined();
    expect(event.vendor?.fortinet).toMatchObject({ nas: 'XXX.XXX.XXX.XXX', subcategory: 'Authentication' });
  });

  it.each([
    ['status="Success"', 'success'],
    ['status="Pending"', 'unknown'],
  ])('reads %s as %s', (needle, outcome) => {
    expect(parsed(lineWith(LINES, needle)).event.outcome).toBe(outcome);
  });

  it('reads a system event as host information', () => {
    const event = parsed(lineWith(LINES, 'subcategory="System"'));
    expect(event.event).toMatchObject({ category: ['host'], type: ['info'], code: '30101' });
    expect(event.event.outcome).toBeUndefined();
    expect(event.message).toBe('RADIUS server running in full edition');
  });

  it('parses every pass line', () => {
    expect(failures(LINES)).toEqual([]);
    expect(LINES).toHaveLength(4);
    expect(LINES.every((line) => parsed(line).event.dataset === 'fortinet_fortiauthenticator.log')).toBe(true);
  });
});
