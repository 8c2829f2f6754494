import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { copyMembers, setMember, withoutEmpty, withoutUndefined } from '../src/plain-object';

const SRC = join(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('plain objects', () => {
  it('drop undefined (and empty) members like the entries/filter/fromEntries they replace', () => {
    const value = { b: 1, a: undefined, c: '', 2: 'x', d: null };
    const fromEntries = (keep: (v: unknown) => boolean) => Object.fromEntries(Object.entries(value).filter(([, v]) => keep(v)));
    expect(JSON.stringify(withoutUndefined(value))).toBe(JSON.stringify(fromEntries((v) => v !== undefined)));
    expect(JSON.stringify(withoutEmpty(value))).toBe(JSON.stringify(fromEntries((v) => v !== undefined && v !== '')));
    expect(withoutUndefined({ a: undefined })).toBeUndefined();
    expect(withoutEmpty({ a: '' })).toEqual({});
  });

  it('copy members as a spread does, keeping a __proto__ key from the wire as a member', () => {
    const wire = JSON.parse('{"__proto__":"x","b":"1"}') as Record<string, unknown>;
    const copied: Record<string, unknown> = copyMembers(copyMembers({}, { b: '0', a: '2' }), wire);
    const spread = { ...{ b: '0', a: '2' }, ...wire };
    expect(Object.keys(copied)).toEqual(Object.keys(spread));
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copied, '__proto__')?.value).toBe('x');
    const target: Record<string, unknown> = {};
    setMember(target, '__proto__', { polluted: true });
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
  });

  it('no parser builds an object literal that opens with a spread and adds members (the slow form)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      const visit = (node: ts.Node): void => {
        if (ts.isObjectLiteralExpression(node) && node.properties.length > 1 && ts.isSpreadAssignment(node.properties[0]!)) {
          offenders.push(`${relative(SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(offenders).toEqual([]);
  });
});
