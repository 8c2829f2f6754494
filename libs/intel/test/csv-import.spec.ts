import { importCsv, latestPerValue } from '@soc/intel';

const summary = (text: string) => {
  const result = importCsv(text);
  return {
    indicators: result.indicators.map((i) => [i.where, i.type, i.value, i.severity ?? '-', i.description ?? '-', i.validUntil?.toISOString() ?? '-'].join(' | ')),
    rejected: result.rejected.map((r) => `${r.where}: ${r.reason}`),
  };
};

describe('CSV import', () => {
  it('reads typed rows with optional severity, description and expiry', () => {
    const csv = [
      'type,value,severity,description,valid_until',
      'ip,203.0.113.5,high,C2 server,2026-12-31T00:00:00Z',
      'domain,Evil.Example.,,"Phishing, đánh cắp mật khẩu",',
      'url,http://dl.example:80/a.exe#x,critical,,2026-06-30',
      'hash,D41D8CD98F00B204E9800998ECF8427E,LOW,,',
      'cidr,198.51.100.0/24,medium,"say ""hi""",',
    ].join('\r\n');
    expect(summary(csv)).toEqual({
      indicators: [
        'line 2 | ip | 203.0.113.5 | high | C2 server | 2026-12-31T00:00:00.000Z',
        'line 3 | domain | evil.example | - | Phishing, đánh cắp mật khẩu | -',
        'line 4 | url | http://dl.example/a.exe | critical | - | 2026-06-30T17:00:00.000Z',
        'line 5 | md5 | d41d8cd98f00b204e9800998ecf8427e | low | - | -',
        'line 6 | ip | 198.51.100.0/24 | medium | say "hi" | -',
      ],
      rejected: [],
    });
  });

  it('infers the type when the column is missing or empty, in any column order, ignoring unknown columns', () => {
    const csv = 'first_seen,Value,Type\n2025-01-01,203.0.113.9,\n2025-01-01,evil.example,domain\n';
    expect(summary(csv).indicators).toEqual(['line 2 | ip | 203.0.113.9 | - | - | -', 'line 3 | domain | evil.example | - | - | -']);
  });

  it('accepts semicolon- and tab-separated files', () => {
    expect(summary('type;value;severity\nip;203.0.113.5;high').indicators).toEqual(['line 2 | ip | 203.0.113.5 | high | - | -']);
    expect(summary('value\tdescription\nevil.example\tbad').indicators).toEqual(['line 2 | domain | evil.example | - | bad | -']);
  });

  it('reads a one-column list without header, inferring types, skipping comments and blank lines', () => {
    const text = '\uFEFF# feed of the day\n203.0.113.5\n\nhttp://dl.example/a?x=1,2\n"evil.example"\n  44d88612fea8a8f36de82e1278abb02f  \nhxxp://phish[.]example/login\n';
    expect(summary(text)).toEqual({
      indicators: [
        'line 2 | ip | 203.0.113.5 | - | - | -',
        'line 4 | url | http://dl.example/a?x=1,2 | - | - | -',
        'line 5 | domain | evil.example | - | - | -',
        'line 6 | md5 | 44d88612fea8a8f36de82e1278abb02f | - | - | -',
        'line 7 | url | http://phish.example/login | - | - | -',
      ],
      rejected: [],
    });
  });

  it('reads a quoted field spanning lines, numbering rows by the line they start on', () => {
    expect(summary('value,description\nevil.example,"two\nlines"\n203.0.113.5,x').indicators).toEqual(['line 2 | domain | evil.example | - | two\nlines | -', 'line 4 | ip | 203.0.113.5 | - | x | -']);
  });

  it('rejects each unusable row with its line and reason, keeping the rest', () => {
    const csv = [
      'type,value,severity,description,valid_until',
      'ip,203.0.113.300,,,',
      'email,bad@evil.example,,,',
      'domain,evil.example,urgent,,',
      'domain,evil.example,,,next week',
      'md5,da39a3ee5e6b4b0d3255bfef95601890afd80709,,,',
      ',,,,',
      'domain,ok.example,high,a,b,c',
      ',nothing-to-infer,,,',
      'domain,fine.example,,,',
    ].join('\n');
    expect(summary(csv)).toEqual({
      indicators: ['line 10 | domain | fine.example | - | - | -'],
      rejected: [
        "line 2: '203.0.113.300' is not an IP address or CIDR network",
        "line 3: unknown type 'email' (ip, domain, url, md5, sha1, sha256 or hash)",
        "line 4: unknown severity 'urgent' (low, medium, high, critical)",
        "line 5: valid_until 'next week' is not a date (YYYY-MM-DD) or ISO 8601 time",
        "line 6: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' has 40 hex digits: a sha1, not a md5",
        'line 7: empty value',
        "line 8: 6 fields but the header has 5; quote fields that contain ','",
        expect.stringMatching(/^line 9: cannot tell the type of 'nothing-to-infer'/),
      ],
    });
  });

  it('rejects headerless lines that are not one value, pointing at the header', () => {
    expect(summary('ip,203.0.113.5\nevil.example').rejected).toEqual([expect.stringMatching(/^line 1: cannot tell the type .* needs a header row \(type,value,severity,description,valid_until\)$/)]);
  });

  it('reports an unterminated quote instead of guessing, keeping the rows before it', () => {
    expect(summary('value,description\nevil.example,ok\nbad.example,"never closed\nmore.example,x')).toEqual({
      indicators: ['line 2 | domain | evil.example | - | ok | -'],
      rejected: ['line 3: unterminated quoted field: lines 3–4 were not read'],
    });
  });

  it('returns nothing, without error, for an empty file or a header alone', () => {
    expect(summary('')).toEqual({ indicators: [], rejected: [] });
    expect(summary('type,value\n')).toEqual({ indicators: [], rejected: [] });
  });

  it('keeps the last row when a value is listed twice', () => {
    const { indicators } = importCsv('value,severity\nevil.example,low\nEVIL.example,high');
    expect(latestPerValue(indicators).map((i) => `${i.value} ${i.severity}`)).toEqual(['evil.example high']);
  });
});
