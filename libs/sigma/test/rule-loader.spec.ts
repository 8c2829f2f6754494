import { loadSigmaText } from '@soc/sigma';

const RULE = `title: Suspicious Thing
id: 11111111-2222-3333-4444-555555555555
status: test
level: high
author: Jane Doe
description: Finds a thing
references:
    - https://example.org/thing
tags:
    - attack.execution
    - attack.t1059
logsource:
    product: Windows
    category: process_creation
detection:
    selection:
        Image|endswith: '\\thing.exe'
    condition: selection
falsepositives: Admins
fields:
    - CommandLine
`;

describe('rule loader', () => {
  it('loads a rule into the validated model', () => {
    const { documents, issues } = loadSigmaText(RULE, 'rules/thing.yml');
    expect(issues).toEqual([]);
    expect(documents).toEqual([
      {
        kind: 'rule',
        title: 'Suspicious Thing',
        id: '11111111-2222-3333-4444-555555555555',
        status: 'test',
        level: 'high',
        author: 'Jane Doe',
        description: 'Finds a thing',
        references: ['https://example.org/thing'],
        tags: ['attack.execution', 'attack.t1059'],
        // Taxonomy values are lower case whatever the rule wrote.
        logsource: { product: 'windows', category: 'process_creation' },
        detection: { searches: { selection: { 'Image|endswith': '\\thing.exe' } }, conditions: ['selection'] },
        falsepositives: ['Admins'],
        fields: ['CommandLine'],
        origin: 'rules/thing.yml',
      },
    ]);
  });

  it('loads every document of a multi-document text, and filters', () => {
    const text = `${RULE}---
title: Filter admins
logsource:
    product: windows
    category: process_creation
filter:
    rules:
        - 11111111-2222-3333-4444-555555555555
    selection:
        User|startswith: 'adm_'
    condition: selection
---
`;
    const { documents, issues } = loadSigmaText(text);
    expect(issues).toEqual([]);
    expect(documents.map((d) => d.kind)).toEqual(['rule', 'filter']);
    expect(documents[1]).toMatchObject({ kind: 'filter', rules: ['11111111-2222-3333-4444-555555555555'], detection: { searches: { selection: { 'User|startswith': 'adm_' } } } });
  });

  it('reports invalid documents with a reason and keeps the valid ones', () => {
    const text = `${RULE}---
title: No detection
logsource:
    product: windows
---
title: Bad level
level: urgent
logsource: { product: windows }
detection: { selection: { a: 1 }, condition: selection }
---
title: Nested value
logsource: { product: windows }
detection: { selection: { a: { b: 1 } }, condition: selection }
`;
    const { documents, issues } = loadSigmaText(text, 'mixed.yml');
    expect(documents).toHaveLength(1);
    expect(issues.map((i) => [i.index, i.title, i.reason.code, i.reason.message])).toEqual([
      [1, 'No detection', 'invalid-document', "missing 'detection'"],
      [2, 'Bad level', 'invalid-document', "'level' must be one of informational, low, medium, high, critical, not 'urgent'"],
      [3, 'Nested value', 'invalid-document', "search 'selection': 'a' must be a value or a list of values"],
    ]);
  });

  it('reports correlation rules, rule collections and Sigma 1 timeframes as unsupported documents', () => {
    const text = `title: Many failures
correlation: { type: event_count, rules: [x], timespan: 5m, condition: { gte: 10 } }
---
action: global
logsource: { product: windows }
---
title: Old aggregation
logsource: { product: windows }
detection: { selection: { a: 1 }, timeframe: 5m, condition: 'selection | count() > 5' }
`;
    expect(loadSigmaText(text).issues.map((i) => [i.reason.code, i.reason.message])).toEqual([
      ['unsupported-document', 'correlation rules are not supported yet'],
      ['unsupported-document', "rule collections ('action: global/reset/repeat', Sigma 1) are not supported"],
      ['unsupported-document', "'detection.timeframe' (Sigma 1 aggregation) is not supported"],
    ]);
  });

  it('reports YAML errors and never throws, whatever the input', () => {
    expect(loadSigmaText('title: [unclosed\n').issues[0]?.reason.code).toBe('yaml-syntax');
    expect(loadSigmaText('- just\n- a list\n').issues[0]?.reason).toEqual({ code: 'invalid-document', message: 'a Sigma document must be a YAML map' });
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const alphabet = 'ab:-\n |{}[]\'"&*!%@`#\t\\x0';
    for (let i = 0; i < 500; i++) {
      const cut = Math.floor(random() * RULE.length);
      const noise = Array.from({ length: 8 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const mutated = RULE.slice(0, cut) + noise + RULE.slice(cut + 4);
      // Each mutated text still holds a document: it loads or says why not.
      const result = loadSigmaText(mutated);
      expect(result.documents.length + result.issues.length).toBeGreaterThanOrEqual(1);
    }
  });
});
