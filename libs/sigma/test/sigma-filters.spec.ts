import { compileDocuments, loadSigmaText } from '@soc/sigma';
import { ruleYaml, TEST_MAPPINGS, matches } from './sigma-test-kit';

const RULE = ruleYaml({ selection: { 'CommandLine|contains': 'rar.exe a' }, condition: 'selection' }, { product: 'test' }, { id: 'rar-rule' });

const filter = (logsource: string, rules: string) => `title: Admin backups
logsource:
    ${logsource}
filter:
    rules:
${rules}
    selection:
        User|startswith: 'adm_'
    condition: selection
`;

describe('meta-filters', () => {
  it("suppress the named rule's matches where the filter holds", () => {
    const { documents } = loadSigmaText(`${RULE}---\n${filter('product: test', '        - rar-rule')}`);
    const { rules, failures, filterIssues } = compileDocuments(documents, { mappings: TEST_MAPPINGS });
    expect([failures, filterIssues]).toEqual([[], []]);
    const [rule] = rules;
    expect(matches(rule!, { CommandLine: 'rar.exe a backup.rar', User: 'bob' })).toBe(true);
    expect(matches(rule!, { CommandLine: 'rar.exe a backup.rar', User: 'adm_bob' })).toBe(false);
  });

  it('report a filter for another logsource, and filters naming rules that are not loaded', () => {
    const { documents } = loadSigmaText(`${RULE}---\n${filter('product: other', '        - rar-rule\n        - missing-rule')}`);
    const { rules, failures, filterIssues } = compileDocuments(documents, { mappings: TEST_MAPPINGS });
    expect(rules).toEqual([]);
    expect(failures[0]?.reasons).toEqual([{ code: 'invalid-filter', message: "filter 'Admin backups' has logsource 'product=other', the rule 'product=test'" }]);
    expect(filterIssues.map((i) => i.reason.message)).toEqual(["filter 'Admin backups' names rule 'missing-rule', which is not loaded"]);
  });
});
