import { copyField, copyRow } from '../src/copy-text';

describe('COPY text-format rows', () => {
  it('writes NULL as \\N and escapes only backslash, tab, newline and carriage return', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField(42)).toBe('42');
    expect(copyField('{"a":"b \\"q\\""}')).toBe('{"a":"b \\\\"q\\\\""}');
    expect(copyField('a\tb\nc\rd')).toBe('a\\tb\\nc\\rd');
    expect(copyField('\\N')).toBe('\\\\N'); // a literal backslash-N is data, not NULL
    expect(copyRow(['x', null, 'y z'])).toBe('x\t\\N\ty z\n');
  });
});
