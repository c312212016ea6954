import type { ActorInput, FixedClock, Store } from '@frontline/core';
import { createSequentialIds } from '@frontline/core';
import {
  createKnowledgeBase,
  type KnowledgeArticle,
  type KnowledgeBase,
  type KnowledgeSearch,
  type SolvedTicketFactsInput,
} from '@frontline/core/service-desk';
import { KnowledgeArticles, KnowledgeVotes } from '@frontline/core/storage';
import { suiteCase } from './suite-harness';

/** The names of the knowledge suite's tests, for {@link KnowledgeSuiteOptions.skip}. */
export type KnowledgeSuiteTest =
  | 'draft-from-ticket'
  | 'review-cycle'
  | 'author-may-not-review'
  | 'permissions'
  | 'invalid-transitions'
  | 'rejection'
  | 'edit-draft'
  | 'unpublished-not-searchable'
  | 'archived-leaves-index'
  | 'votes'
  | 'vote-ranking'
  | 'concurrent-votes'
  | 'index-from-store'
  | 'serialize-restore'
  | 'review-queue'
  | 'read-permissions'
  | 'unknown-keys';

/** What the knowledge suite needs from an adapter: the shape of the storage conformance suite's options. */
export interface KnowledgeSuiteOptions {
  /** The adapter's name, used in test titles. */
  name: string;
  /** A fresh, empty store reading time from `clock`; called once per test. */
  createStore: (context: { clock: FixedClock }) => Promise<Store> | Store;
  /** Called after each test with the store it used. */
  dispose?: (store: Store) => Promise<void> | void;
  /** Tests to leave out, each with the reason why (printed in the test title). */
  skip?: Partial<Record<KnowledgeSuiteTest, string>>;
  /**
   * The search engine the knowledge bases run on (default: the in-memory one). The suite checks what every engine
   * owes, and what its kind owes: an in-process one follows other processes only when synced and persists its
   * index; a database one sees every commit at once and refuses to persist.
   */
  search?: KnowledgeSearch;
}

/**
 * Actors the knowledge suite works with: a writer, a reviewer, the writer holding publish rights too (who
 * still may not review her own article), an agent with no knowledge rights and one who may only read.
 * @category Testing
 */
export const knowledgeActors = {
  writer: { id: 'agent-anna', roles: ['agent'], permissions: ['knowledge.write', 'ticket.write'] },
  reviewer: { id: 'lead-bela', roles: ['team-lead'], permissions: ['knowledge.write', 'knowledge.publish'] },
  writerWhoPublishes: {
    id: 'agent-anna',
    roles: ['agent', 'team-lead'],
    permissions: ['knowledge.write', 'knowledge.publish'],
  },
  outsider: { id: 'agent-csaba', roles: ['agent'], permissions: ['ticket.write'] },
  /** A first-level agent who may search and read articles, not write them. */
  reader: { id: 'agent-dora', roles: ['agent'], permissions: ['knowledge.read', 'ticket.write'] },
} as const satisfies Record<string, ActorInput>;

/**
 * Facts of a solved ticket with sensible Hungarian defaults, for tests.
 * @category Testing
 */
export function solvedTicket(
  ticketId: string,
  overrides: Partial<SolvedTicketFactsInput> = {},
): SolvedTicketFactsInput {
  return {
    ticketId,
    subject: 'A router nem kapcsol be',
    problem: 'Az ügyfél routere nem kapcsol be, a LED nem világít.',
    cause: 'Hibás tápegység.',
    solution: 'Tápegység cseréje, majd a router újraindítása.',
    product: 'router',
    category: 'hibabejelentés',
    locale: 'hu',
    solvedBy: knowledgeActors.writer.id,
    ...overrides,
  };
}

/** The content of a draft written from scratch, from the default solved-ticket facts. */
export function draftContent(title: string) {
  const { ticketId: _ticket, subject: _subject, solvedBy: _by, ...content } = solvedTicket('x');
  return { ...content, title };
}

/**
 * A complete article (published unless overridden), for index tests that need no store.
 * @category Testing
 */
export function knowledgeArticle(id: string, overrides: Partial<KnowledgeArticle> = {}): KnowledgeArticle {
  const at = new Date('2026-01-05T08:00:00.000Z');
  return {
    id,
    title: 'A router nem kapcsol be',
    problem: 'Az ügyfél routere nem kapcsol be.',
    cause: '',
    solution: 'Tápegység cseréje.',
    product: 'router',
    category: 'hibabejelentés',
    tags: [],
    locale: 'hu',
    status: 'published',
    sourceTicketId: null,
    authorId: knowledgeActors.writer.id,
    reviewerId: knowledgeActors.reviewer.id,
    rejectionReason: null,
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    publishedAt: at,
    archivedAt: null,
    helpfulVotes: 0,
    notHelpfulVotes: 0,
    ...overrides,
  };
}

export interface KnowledgeSuiteContext {
  store: Store;
  clock: FixedClock;
  kb: KnowledgeBase;
  /** Another knowledge base over the same store and engine (another process, say). */
  another: (ids: string) => KnowledgeBase;
  /** True when the engine keeps its index in this process (the default). */
  inProcess: boolean;
}

export { expectFrontlineError as expectCode } from './interactions-suite-fixtures';

/** Everything a command may write, so a test can prove a failed command wrote nothing. */
export async function footprint(
  store: Store,
): Promise<{ articles: string[]; votes: number; audit: number; outbox: number }> {
  const articles: string[] = [];
  for await (const row of store.repository(KnowledgeArticles).scan()) {
    articles.push(`${row.data.id}@${row.version}:${row.data.status}`);
  }
  let audit = 0;
  for await (const _ of store.audit.read()) audit++;
  const stats = await store.outbox.stats();
  return {
    articles,
    votes: await store.repository(KnowledgeVotes).count(),
    audit,
    outbox: stats.pending + stats.claimed + stats.done + stats.dead,
  };
}

export async function publish(kb: KnowledgeBase, facts: SolvedTicketFactsInput) {
  const { writer, reviewer } = knowledgeActors;
  const draft = await kb.draftFromSolvedTicket({ actor: writer, ...facts });
  await kb.submitForReview({ actor: writer, articleId: draft.article.id });
  return kb.approveArticle({ actor: reviewer, articleId: draft.article.id });
}

export const ids = (hits: readonly { article: { id: string } }[]) => hits.map((h) => h.article.id);

/** Registers one knowledge-suite case on a fresh store with a knowledge base. */
export function knowledgeCase(options: KnowledgeSuiteOptions) {
  return (name: KnowledgeSuiteTest, title: string, body: (ctx: KnowledgeSuiteContext) => Promise<void>) =>
    suiteCase(
      options,
      name,
      title,
      '2026-03-02T08:00:00.000Z',
      ({ store, clock }) => ({
        store,
        clock,
        inProcess: options.search?.inProcess ?? true,
        another: (prefix: string) =>
          createKnowledgeBase({
            store,
            clock,
            ids: createSequentialIds(prefix),
            ...(options.search === undefined ? {} : { search: options.search }),
          }),
        kb: createKnowledgeBase({
          store,
          clock,
          ids: createSequentialIds('kb'),
          ...(options.search === undefined ? {} : { search: options.search }),
        }),
      }),
      body,
    );
}
