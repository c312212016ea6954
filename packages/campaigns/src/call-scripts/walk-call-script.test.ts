import { walkCallScript } from '@frontline/campaigns';
import { describe, expect, it } from 'vitest';
import { winback } from '../../test/call-scripts';
import { issuePaths } from '../../test/issue-paths';

describe('walkCallScript', () => {
  it('replays a call through an objection and back to the offer, to a sale', () => {
    expect(walkCallScript(winback(), ['yes', 'too-expensive', 'reconsider', 'accept'])).toEqual({
      ended: true,
      outcome: 'sale',
      path: [
        { node: 'greet' },
        { node: 'holder', answer: 'yes' },
        { node: 'offer', answer: 'too-expensive' },
        { node: 'price', answer: 'reconsider' },
        { node: 'offer', answer: 'accept' },
        { node: 'sale' },
      ],
    });
    expect(walkCallScript(winback(), ['never'])).toMatchObject({ ended: true, outcome: 'do_not_call' });
  });

  it('says which node awaits an answer when the answers run out before an outcome', () => {
    expect(walkCallScript(winback(), [])).toEqual({
      ended: false,
      awaiting: 'holder',
      path: [{ node: 'greet' }],
    });
    expect(walkCallScript(winback(), ['yes'])).toMatchObject({ ended: false, awaiting: 'offer' });
  });

  it('refuses an answer the node does not offer, naming the answer', () => {
    expect(issuePaths(() => walkCallScript(winback(), ['yes', 'maybe']))).toEqual([['answers', 1]]);
    expect(() => walkCallScript(winback(), ['yes', 'maybe'])).toThrow(
      /"offer" does not offer the answer "maybe"/,
    );
  });

  it('refuses an answer after the call ended', () => {
    expect(issuePaths(() => walkCallScript(winback(), ['no', 'yes']))).toEqual([['answers', 1]]);
  });

  it('refuses to walk a script that does not validate', () => {
    const script = winback();
    script.start = 'nowhere';
    expect(issuePaths(() => walkCallScript(script, ['yes']))).toContainEqual(['script', 'start']);
  });
});
