import { z } from 'zod';
import { CustomerCollection } from '../customers/customer-collections';
import {
  type CustomerIdentifiers,
  identifiersOf,
  redactIdentifiers,
} from '../customers/identifier-redaction';
import { checkSourceCall, type PersonalDataSource } from '../customers/personal-data-source';
import { parseInput } from '../errors/validate';
import { defineEvent, emit } from '../kit/define-event';
import type { Store, Stored } from '../ports/storage';
import { type DomainEvent, recordEvents, redactEventMessages } from '../services/domain-events';
import { ticketsOfCustomer } from '../tickets/ticket-personal-data';
import {
  type KnowledgeArticle,
  KnowledgeArticle as KnowledgeArticleSchema,
  KnowledgeArticles,
} from './article.schema';
import { changeOf, type KnowledgeSearch } from './knowledge-search-engine';

/** The entity type of knowledge-article events (the knowledge base's `KNOWLEDGE_ARTICLE_ENTITY`). */
const ARTICLE_ENTITY = 'knowledge_article';

/**
 * `knowledge.article_redacted.v1`: an erasure unlinked an article from the customer's ticket and took their
 * identifiers out of its text. Ids only; a host syncs its search index on it (`knowledge.syncArticle(id)`).
 * @category Knowledge
 */
export const KnowledgeArticleRedacted = defineEvent({
  type: 'knowledge.article_redacted.v1',
  description:
    "An erasure unlinked the article from the data subject's ticket and redacted their identifiers; sync search indexes.",
  payload: z.strictObject({ version: z.int().min(1), reason: z.literal('personal-data-erasure') }),
});

/** Articles drawn from the customer's tickets (the `source_ticket` index, one query per ticket). */
async function articlesOfCustomer(
  tx: Store,
  customerId: string,
): Promise<{ ticketIds: string[]; articles: Stored<KnowledgeArticle>[] }> {
  const ticketIds: string[] = [];
  for await (const row of ticketsOfCustomer(tx, customerId)) ticketIds.push(row.data.id);
  const articles: Stored<KnowledgeArticle>[] = [];
  const repo = tx.repository(KnowledgeArticles);
  for (const ticketId of ticketIds) {
    for await (const row of repo.query({ index: 'source_ticket', equals: ticketId })) articles.push(row);
  }
  return { ticketIds, articles };
}

/**
 * An article drawn from a customer's ticket, unlinked from it and with the customer's identifiers (names,
 * e-mail addresses, phone numbers) taken out of its title, problem, cause, solution and tags. The knowledge —
 * what the problem was and what solved it — stays.
 */
export function unlinkArticle(record: KnowledgeArticle, identifiers: CustomerIdentifiers): KnowledgeArticle {
  const article = parseInput(KnowledgeArticleSchema, record, 'knowledge article');
  const clean = (text: string) => redactIdentifiers(text, identifiers);
  return {
    ...article,
    sourceTicketId: null,
    title: clean(article.title),
    problem: clean(article.problem),
    cause: clean(article.cause),
    solution: clean(article.solution),
    tags: [...new Set(article.tags.map(clean))],
  };
}

/**
 * The knowledge base's part of data-subject requests (CS-4, CS-7): articles drafted from the customer's solved
 * tickets (`draftFromSolvedTicket` copies the ticket's subject and the customer's account of the problem).
 * **Keeps the articles, unlinked and redacted** (see {@link unlinkArticle}): the solution is the company's
 * knowledge, not the customer's data, but the link to the ticket and any quoted identifier go. Found through
 * the customer's tickets (`customer_opened_at`) and the articles' `source_ticket` index; the outbox messages
 * naming the tickets as a source are redacted.
 *
 * Each changed article is announced as `knowledge.article_redacted.v1` (ids only): the search index a running
 * knowledge base holds in memory is not storage, so a host syncs it on that message (`knowledge.syncArticle(id)`)
 * and rebuilds any serialized index.
 * Votes are not covered: a self-service host that votes with the customer's id keeps that link.
 * @category Knowledge
 */
export const knowledgePersonalData: PersonalDataSource = knowledgePersonalDataWith();

/**
 * {@link knowledgePersonalData} for a knowledge base whose search index lives in the database: the redacted
 * articles are re-indexed in the erasure's unit of work, so no erased identifier stays searchable.
 */
export function knowledgePersonalDataWith(search?: KnowledgeSearch): PersonalDataSource {
  return {
    name: 'knowledge',
    async export(customerId, tx) {
      const { customerId: id } = checkSourceCall(customerId);
      return (await articlesOfCustomer(tx, id)).articles.map((row) => row.data);
    },
    async erase(customerId, tx, context) {
      const checked = checkSourceCall(customerId, context);
      const customer = await tx.repository(CustomerCollection).find(checked.customerId);
      const { ticketIds, articles } = await articlesOfCustomer(tx, checked.customerId);
      if (articles.length > 0) {
        const identifiers = customer ? identifiersOf(customer.data) : { names: [], emails: [], phones: [] };
        const repo = tx.repository(KnowledgeArticles);
        const events: DomainEvent[] = [];
        for (const row of articles) {
          const saved = await repo.update(unlinkArticle(row.data, identifiers), row.version);
          if (saved.data.status === 'published') await search?.write?.(tx, changeOf(saved.data));
          events.push(
            emit(
              KnowledgeArticleRedacted,
              { entityType: ARTICLE_ENTITY, entityId: saved.data.id },
              { version: saved.version, reason: 'personal-data-erasure' },
            ),
          );
        }
        const { at, actorId } = checked.context!;
        await recordEvents(tx, { now: () => at }, actorId, events);
      }
      if (ticketIds.length > 0) {
        const at = checked.context!.at;
        await redactEventMessages(tx, { field: 'data.sourceTicketId', ids: ticketIds, at });
      }
      return { anonymised: articles.length, retained: [] };
    },
  };
}
