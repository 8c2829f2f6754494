import { compileYaml, event, ruleYaml, sysmonEvent } from './sigma-test-kit';

describe('match explanation', () => {
  it('names the selections that held, with fields, event paths, event values and the rule values that matched', () => {
    const rule = compileYaml(
      ruleYaml(
        {
          selection_img: { 'Image|endswith': ['\\rundll32.exe', '\\regsvr32.exe'] },
          selection_cli: { 'CommandLine|contains|all': ['javascript:', 'RunHTMLApplication'] },
          filter_signed: { 'Image|startswith': 'C:\\Program Files\\' },
          condition: 'all of selection_* and not filter_signed',
        },
        { product: 'windows', category: 'process_creation' },
      ),
      {},
    );
    const match = rule.evaluate(
      sysmonEvent(1, { Image: 'C:\\Windows\\System32\\RUNDLL32.EXE', CommandLine: 'rundll32 javascript:"\\..\\mshtml,RunHTMLApplication"' }),
    );
    expect(match?.rule).toMatchObject({ id: 'test-rule', title: 'test rule', level: 'high', author: 'SOC tests', tags: ['attack.t1059'] });
    expect(match?.selections).toEqual([
      {
        name: 'selection_img',
        fields: [{ field: 'Image', modifiers: ['endswith'], path: 'winlog.event_data.Image', value: 'C:\\Windows\\System32\\RUNDLL32.EXE', expected: ['\\rundll32.exe'] }],
      },
      {
        name: 'selection_cli',
        fields: [
          {
            field: 'CommandLine',
            modifiers: ['contains', 'all'],
            path: 'winlog.event_data.CommandLine',
            value: 'rundll32 javascript:"\\..\\mshtml,RunHTMLApplication"',
            expected: ['javascript:', 'RunHTMLApplication'],
          },
        ],
      },
    ]);
    expect(rule.evaluate(sysmonEvent(1, { Image: 'C:\\Program Files\\rundll32.exe', CommandLine: 'javascript: RunHTMLApplication' }))).toBeNull();
  });

  it('explains keywords, null and exists tests', () => {
    const rule = compileYaml(
      ruleYaml({ keywords: ['Failed password'], no_tty: { tty: null }, has_user: { 'user.name|exists': true }, condition: 'keywords and no_tty and has_user' }),
    );
    const match = rule.evaluate(event({ message: 'sshd: FAILED PASSWORD for root', user: { name: 'root' } }));
    expect(match?.selections).toEqual([
      { name: 'keywords', fields: [{ field: null, modifiers: [], path: 'message', value: 'sshd: FAILED PASSWORD for root', expected: ['Failed password'] }] },
      { name: 'no_tty', fields: [{ field: 'tty', modifiers: [], path: 'tty', value: null, expected: ['null'] }] },
      { name: 'has_user', fields: [{ field: 'user.name', modifiers: ['exists'], path: 'user.name', value: 'root', expected: ['true'] }] },
    ]);
  });
});
