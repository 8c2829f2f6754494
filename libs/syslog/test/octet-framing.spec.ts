import { SyslogFramer } from '@soc/syslog';

describe('SyslogFramer (RFC 6587)', () => {
  it('splits newline-delimited messages across arbitrary chunk boundaries', () => {
    const framer = new SyslogFramer(1024);
    expect(framer.push(Buffer.from('<13>Nov 30 16:40:00 h a: one\n<13>Nov 30 16:40:01 h a: t'))).toEqual(['<13>Nov 30 16:40:00 h a: one']);
    expect(framer.push(Buffer.from('wo\r\n\n'))).toEqual(['<13>Nov 30 16:40:01 h a: two']);
    expect(framer.end()).toEqual([]);
  });

  it('reads octet-counted frames, including ones that contain newlines, split anywhere', () => {
    const message = '<13>1 2026-11-30T09:40:00Z h app - - - multi\nline';
    const frame = `${Buffer.byteLength(message)} ${message}`;
    const framer = new SyslogFramer(1024);
    const bytes = Buffer.from(frame + frame);
    const out: string[] = [];
    for (let i = 0; i < bytes.length; i += 7) out.push(...framer.push(bytes.subarray(i, i + 7)));
    expect(out).toEqual([message, message]);
  });

  it('counts bytes, not characters, in octet-counted UTF-8 frames', () => {
    const message = 'Đăng nhập thất bại';
    const framer = new SyslogFramer(1024);
    expect(framer.push(Buffer.from(`${Buffer.byteLength(message)} ${message}`))).toEqual([message]);
  });

  it('treats a line starting with a digit but no length prefix as a plain line', () => {
    const framer = new SyslogFramer(1024);
    expect(framer.push(Buffer.from('2026-11-30T09:40:00Z host app: x\n'))).toEqual(['2026-11-30T09:40:00Z host app: x']);
  });

  it('keeps a last unterminated line when the peer closes', () => {
    const framer = new SyslogFramer(1024);
    expect(framer.push(Buffer.from('tail without newline'))).toEqual([]);
    expect(framer.end()).toEqual(['tail without newline']);
  });

  it('refuses frames over the limit instead of buffering without bound', () => {
    expect(() => new SyslogFramer(16).push(Buffer.from('x'.repeat(17)))).toThrow(/longer than 16/);
    expect(() => new SyslogFramer(16).push(Buffer.from('99 short'))).toThrow(/longer than 16/);
  });
});
