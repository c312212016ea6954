import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { KnowledgeArticle } from './article.schema';
import { createIndexInternals, type KnowledgeIndex, restoreIndexInternals } from './knowledge-index';

const Iterable = z.custom<Iterable<unknown>>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function',
  'Expected an iterable of articles',
);

/**
 * A new in-memory index holding the published ones among `articles` (others are skipped).
 * @example
 * const index = createKnowledgeIndex(publishedArticles);
 * index.search({ query: 'arvizturo' }); // finds "árvíztűrő"
 * @category Knowledge
 */
export function createKnowledgeIndex(articles: Iterable<KnowledgeArticle> = []): KnowledgeIndex {
  const list = parseInput(
    z.array(KnowledgeArticle),
    [...parseInput(Iterable, articles, 'articles')],
    'articles',
  );
  const index = createIndexInternals();
  for (const article of list) index.upsertTrusted(article);
  return index;
}

/**
 * Rebuilds an index from what {@link KnowledgeIndex.serialize} (or `KnowledgeBase.serializeIndex`) wrote,
 * without reading a single article — a host persists the string and restores it at start-up. A string of
 * another format, version or a damaged one fails with a `ValidationError`.
 * @example
 * await fs.writeFile('kb-index.json', index.serialize());
 * const restored = restoreKnowledgeIndex(await fs.readFile('kb-index.json', 'utf8'));
 * @category Knowledge
 */
export function restoreKnowledgeIndex(serialized: string): KnowledgeIndex {
  return restoreIndexInternals(serialized);
}
