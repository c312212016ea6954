import { FrontlineError } from '@frontline/core';
import {
  allowedArticleCommands,
  articleTransition,
  KNOWLEDGE_ARTICLE_TRANSITIONS,
  KnowledgeArticleCommand,
  KnowledgeArticleStatus,
} from '@frontline/core/service-desk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('knowledge article machine', () => {
  it('runs draft → in_review → published → archived, with rejection back to draft', () => {
    expect(articleTransition('draft', 'submit').to).toBe('in_review');
    expect(articleTransition('in_review', 'approve').to).toBe('published');
    expect(articleTransition('in_review', 'reject').to).toBe('draft');
    expect(articleTransition('published', 'archive').to).toBe('archived');
    expect(articleTransition('draft', 'archive').to).toBe('archived');
  });

  it('allows editing only drafts and voting only on published articles', () => {
    expect(allowedArticleCommands('draft')).toEqual(['edit', 'submit', 'archive']);
    expect(allowedArticleCommands('in_review')).toEqual(['approve', 'reject']);
    expect(allowedArticleCommands('published')).toEqual(['vote', 'archive']);
    expect(allowedArticleCommands('archived')).toEqual([]);
  });

  it('guards both review commands with the four-eyes rule and knowledge.publish', () => {
    for (const command of ['approve', 'reject'] as const) {
      expect(articleTransition('in_review', command)).toMatchObject({
        permission: 'knowledge.publish',
        fourEyes: true,
      });
    }
  });

  it('names the state and command of a refused transition', () => {
    let caught: unknown;
    try {
      articleTransition('published', 'edit');
    } catch (error) {
      caught = error;
    }
    expect(FrontlineError.is(caught, 'INVALID_TRANSITION')).toBe(true);
    expect((caught as FrontlineError).details).toEqual({
      machine: 'knowledge article',
      state: 'published',
      command: 'edit',
    });
  });

  it('answers every state × command from the table: a row or INVALID_TRANSITION (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KnowledgeArticleStatus.options),
        fc.constantFrom(...KnowledgeArticleCommand.options),
        (state, command) => {
          const row = KNOWLEDGE_ARTICLE_TRANSITIONS.find((t) => t.from === state && t.command === command);
          if (row) expect(articleTransition(state, command)).toBe(row);
          else
            expect(() => articleTransition(state, command)).toThrow(
              expect.objectContaining({ code: 'INVALID_TRANSITION' }),
            );
        },
      ),
    );
  });

  it('refuses unknown states and commands as VALIDATION, never a TypeError (property)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (state, command) => {
        for (const call of [
          () => articleTransition(state as never, command as never),
          () => allowedArticleCommands(state as never),
        ]) {
          try {
            call();
          } catch (error) {
            expect(FrontlineError.is(error), String(error)).toBe(true);
          }
        }
      }),
    );
  });
});
