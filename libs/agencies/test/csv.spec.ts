import { fromSpreadsheetCell, readCsv, readCsvTable, toSpreadsheetCell, writeCsv } from '../src/csv';

describe('readCsv (RFC 4180)', () => {
  it('drops a BOM and reads CRLF, LF and CR records, skipping blank lines', () => {
    expect(readCsv('\uFEFFa,b\r\n1,2\n\n3,4\r5,6').records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 4, cells: ['3', '4'] },
      { line: 5, cells: ['5', '6'] },
    ]);
  });

  it('reads quoted fields with separators, doubled quotes and line breaks, numbering records by their first line', () => {
    const { records, problems } = readCsv('id,note\r\n1,"Sở Y tế, ""cơ sở 2""\r\ndòng hai"\r\n2,cuối\r\n');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, cells: ['id', 'note'] },
      { line: 2, cells: ['1', 'Sở Y tế, "cơ sở 2"\r\ndòng hai'] },
      { line: 4, cells: ['2', 'cuối'] },
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(readCsv('a,,c,\n').records[0]!.cells).toEqual(['a', '', 'c', '']);
    expect(readCsv('"",x').records[0]!.cells).toEqual(['', 'x']);
  });

  it('reports an unterminated quote and text after a closing quote with their line', () => {
    expect(readCsv('a\n"open,\nmore').problems).toEqual([{ line: 2, reason: 'unterminated quoted field: lines 2–3 were not read' }]);
    const broken = readCsv('a,b\n"x"y,2\n3,4');
    expect(broken.problems).toEqual([{ line: 2, reason: expect.stringContaining('text after a closing quote') }]);
    expect(broken.records.map((r) => r.line)).toEqual([1, 3]);
  });
});

describe('writeCsv', () => {
  it('starts with a BOM, ends records with CRLF and quotes only what needs it', () => {
    expect(writeCsv(['id', 'name'], [['a', 'Sở "Tài chính", Kho bạc'], ['b', 'hai\ndòng'], ['c', ' lề ']])).toBe(
      '\uFEFFid,name\r\na,"Sở ""Tài chính"", Kho bạc"\r\nb,"hai\ndòng"\r\nc," lề "\r\n',
    );
  });

  it('round-trips through readCsv', () => {
    const rows = [['1', 'Ủy ban nhân dân tỉnh', 'a,b', '"q"', 'x\r\ny', '']];
    expect(readCsv(writeCsv(['a', 'b', 'c', 'd', 'e', 'f'], rows)).records.map((r) => r.cells)).toEqual([['a', 'b', 'c', 'd', 'e', 'f'], ...rows]);
  });

  it('defuses spreadsheet formulas and restores them on import', () => {
    expect(toSpreadsheetCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(toSpreadsheetCell('+84 912')).toBe("'+84 912");
    expect(toSpreadsheetCell('Sở A')).toBe('Sở A');
    expect(fromSpreadsheetCell("'=1+1")).toBe('=1+1');
    expect(fromSpreadsheetCell("'bình thường")).toBe("'bình thường");
  });
});

describe('readCsvTable', () => {
  const COLUMNS = ['id', 'name', 'note'] as const;

  it('gives cells by column name, undefined for a column the file lacks', () => {
    const table = readCsvTable('\uFEFFName,ID\r\nSở A,so-a\r\n', COLUMNS, ['id']);
    expect(table.problems).toEqual([]);
    expect([...table.columns]).toEqual(['name', 'id']);
    expect(table.rows.map((row) => [row.line, row.cell('id'), row.cell('name'), row.cell('note')])).toEqual([[2, 'so-a', 'Sở A', undefined]]);
  });

  it('reports unknown, repeated and missing columns and rows of the wrong width', () => {
    const table = readCsvTable('name,nam,name\nA,B,C\nshort\n', COLUMNS, ['id']);
    expect(table.problems).toEqual([
      { line: 1, reason: "unknown column 'nam' (known: id, name, note)" },
      { line: 1, reason: "column 'name' appears twice" },
      { line: 1, reason: "missing column 'id'" },
      { line: 3, reason: '1 fields but the header has 3; quote fields that contain a comma' },
    ]);
  });

  it('reports an empty file', () => {
    expect(readCsvTable('\uFEFF\r\n', COLUMNS, ['id']).problems).toEqual([{ line: 1, reason: expect.stringContaining('empty file') }]);
  });
});
