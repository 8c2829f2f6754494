import { parseRaw } from '@soc/parsers';

describe('RFC 5424 through the dispatcher', () => {
  it('keeps MSGID and structured data under log.syslog', () => {
    const line = '<165>1 2026-11-30T09:40:00.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application"] An application event';
    const outcome = parseRaw({ sourceId: 's', receivedAt: new Date('2026-11-30T10:00:00Z'), transport: 'syslog', payload: line }, { timeZone: 'UTC' });
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.event.log?.syslog).toMatchObject({
      priority: 165,
      msgid: 'ID47',
      structured_data: { 'exampleSDID@32473': { iut: '3', eventSource: 'Application' } },
    });
    expect(outcome.event.host?.name).toBe('mymachine.example.com');
    expect(outcome.event.message).toBe('An application event');
  });
});
