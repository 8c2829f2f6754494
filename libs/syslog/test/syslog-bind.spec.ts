import { createSocket } from 'node:dgram';
import { MetricsService } from '@soc/observability';
import { createLogger, loadConfig, systemClock } from '@soc/shared';
import { SyslogReceiver } from '@soc/syslog';

describe('syslog receiver start', () => {
  it('fails the start, instead of hanging, when the UDP port is taken', async () => {
    const squatter = createSocket('udp4');
    await new Promise<void>((resolve) => squatter.bind(0, '127.0.0.1', resolve));
    try {
      const config = loadConfig({ NODE_ENV: 'test', SYSLOG_PORT: String(squatter.address().port), SYSLOG_HOST: '127.0.0.1' });
      const receiver = new SyslogReceiver(undefined as never, undefined as never, new MetricsService(), config, createLogger('silent'), systemClock);
      await expect(receiver.onApplicationBootstrap()).rejects.toThrow(/EADDRINUSE/);
      expect(receiver.port()).toBeUndefined();
      await receiver.onApplicationShutdown();
    } finally {
      squatter.close();
    }
  });
});
