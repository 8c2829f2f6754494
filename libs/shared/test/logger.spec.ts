import { Writable } from 'node:stream';
import { createLogger, redactUrl } from '@soc/shared';

describe('structured logging', () => {
  const capture = () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    return { logger: createLogger('info', sink), lines };
  };

  it('redacts secrets and raw log content (which carries personal data)', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: 'hunter2-secret',
        headers: { authorization: 'Bearer eyJsecret' },
        apiKey: 'soc_secret_key',
        event: { original: 'Failed password for nguyen.van.a from 203.0.113.5' },
        user: { password: 'nested-secret' },
        kept: 'visible',
      },
      'something happened',
    );
    const line = lines.join('');
    for (const secret of ['hunter2-secret', 'eyJsecret', 'soc_secret_key', 'nguyen.van.a', 'nested-secret']) expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({ msg: 'something happened', kept: 'visible', password: '[redacted]' });
  });

  it('hides the password of connection URLs', () => {
    expect(redactUrl('postgres://soc:s3cret@db:5432/soc')).toBe('postgres://soc:***@db:5432/soc');
    expect(redactUrl('not a url')).toBe('[unparseable url]');
  });
});
