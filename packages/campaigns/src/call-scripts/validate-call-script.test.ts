import { type ScriptAnswer, validateCallScript } from '@frontline/campaigns';
import { describe, expect, it } from 'vitest';
import { winback } from '../../test/call-scripts';
import { issuePaths } from '../../test/issue-paths';

describe('validateCallScript', () => {
  it('accepts a script whose objection loops back to the offer, since the loop has a way out', () => {
    expect(validateCallScript(winback()).nodes.price).toMatchObject({ kind: 'objection' });
  });

  it('refuses a jump to an unknown node and an unknown start, at the jump', () => {
    const script = winback();
    script.nodes.offer = {
      ...script.nodes.offer,
      answers: [{ id: 'accept', label: 'Accepts', next: 'sael' }],
    } as never;
    expect(issuePaths(() => validateCallScript(script))).toContainEqual([
      'nodes',
      'offer',
      'answers',
      0,
      'next',
    ]);
    expect(issuePaths(() => validateCallScript({ ...winback(), start: 'hello' }))).toContainEqual(['start']);
  });

  it('refuses an unreachable node, naming it', () => {
    const script = winback();
    script.nodes.survey = {
      kind: 'question',
      text: 'How did we do?',
      answers: [{ id: 'ok', label: 'Fine', next: 'sale' }],
    };
    expect(issuePaths(() => validateCallScript(script))).toEqual([['nodes', 'survey']]);
  });

  it('refuses a dead end — a node other than an outcome with no way on — and not the nodes before it again', () => {
    const script = winback();
    script.nodes.price = { kind: 'objection', objection: 'Too expensive', text: 'Hm.', answers: [] };
    expect(issuePaths(() => validateCallScript(script))).toEqual([['nodes', 'price', 'answers']]);
  });

  it('refuses a cycle with no way out, naming every node caught in it', () => {
    const script = winback();
    script.nodes.price = {
      kind: 'objection',
      objection: 'Too expensive',
      text: 'The first three months are free.',
      answers: [{ id: 'reconsider', label: 'Listens again', next: 'again' }],
    };
    script.nodes.again = { kind: 'say', text: 'Let me say it again.', next: 'price' };
    expect(issuePaths(() => validateCallScript(script))).toEqual([
      ['nodes', 'price'],
      ['nodes', 'again'],
    ]);
    const selfLoop = winback();
    selfLoop.nodes.greet = { kind: 'say', text: 'Hello?', next: 'greet' };
    expect(issuePaths(() => validateCallScript(selfLoop))).toEqual(
      expect.arrayContaining([
        ['nodes', 'greet'],
        ['nodes', 'holder'],
      ]),
    );
  });

  it('refuses a node of the wrong shape and an answer offered twice, at their paths', () => {
    const script = winback();
    script.nodes.sale = { kind: 'outcome', outcome: 'sold' } as never;
    script.nodes.wrong = { kind: 'outcome', outcome: 'wrong_number', answers: [] } as never;
    expect(issuePaths(() => validateCallScript(script))).toEqual([
      ['nodes', 'sale', 'outcome'],
      ['nodes', 'wrong'],
    ]);
    const twice = winback();
    const price = twice.nodes.price as { answers: ScriptAnswer[] };
    price.answers.push({ id: 'no', label: 'No again', next: 'offer' });
    expect(issuePaths(() => validateCallScript(twice))).toEqual([['nodes', 'price', 'answers', 2, 'id']]);
  });

  it('refuses the reserved node id __proto__', () => {
    const script = JSON.parse(
      '{"id":"s","start":"__proto__","nodes":{"__proto__":{"kind":"outcome","outcome":"sale"}}}',
    );
    expect(issuePaths(() => validateCallScript(script))).toEqual(expect.arrayContaining([['start']]));
  });
});
