import { StorageError, type Store, ValidationError } from '@frontline/core';
import type {
  KnowledgeEngineQuery,
  KnowledgeSearch,
  KnowledgeSearchChange,
  KnowledgeSearchContext,
  KnowledgeSearchDocument,
  KnowledgeSearchEngine,
  KnowledgeSearchHit,
  KnowledgeSummaryJson,
} from '@frontline/core/service-desk';
import { atomically, type Ctx, contextOf, run, toNumber } from './context';

/** Title, product and tag matches ranked on the whole document, at most (tier 1 of a query). */
const HEAD_CANDIDATES = 200;
/** Matches in the problem or solution only, taken when tier 1 found too few (tier 2). */
const BODY_CANDIDATES = 1_000;
/** Rows written per statement when an index is rebuilt. */
const BATCH = 500;
/** Prefix matching from this many letters, as the in-memory engine does. */
const MIN_PREFIX_LENGTH = 3;
/**
 * `ts_rank_cd` weights {D, C, B, A}: solution and problem 1, product and tags 1.5, title 3 — the in-memory
 * engine's field boosts, scaled into [0, 1].
 */
const WEIGHTS = '{0.3333,0.3333,0.5,1}';
const FIELDS: Record<string, string> = { A: 'title', B: 'keywords', C: 'problem', D: 'solution' };

function sqlContext(store: Store, what: string): Ctx {
  const ctx = contextOf(store);
  if (!ctx) {
    throw new StorageError(
      `${what}: the PostgreSQL knowledge search runs on a store of @frontline/postgres (createPgliteStore or createPostgresStore), not on this one.`,
    );
  }
  return ctx;
}

/** A search term as a tsquery operand: quoted, and a prefix from three letters. */
const operand = (term: string) =>
  `'${term.replaceAll("'", "''").replaceAll('\\', '\\\\')}'${term.length >= MIN_PREFIX_LENGTH ? ':*' : ''}`;

/** Writes documents and removes ids, one statement each (the documents' text is folded and weighed in SQL). */
async function writeChange(ctx: Ctx, change: KnowledgeSearchChange): Promise<void> {
  const { tables } = ctx.shared;
  const docs = change.index;
  if (docs.length > 0) {
    const cfg = tables.knowledgeSearchConfig;
    const fold = tables.knowledgeSearchFold;
    const vector = (column: string, weight: string) =>
      `setweight(to_tsvector('${cfg}'::regconfig, ${fold}(d.${column})), '${weight}')`;
    await run(
      ctx,
      'index knowledge articles',
      `INSERT INTO ${tables.knowledgeSearch} (tenant, article_id, locale, product_key, category_key, boost, summary, head, document)
       SELECT $1, d.id, d.locale, d.product_key, d.category_key, d.boost, d.summary, d.head,
              d.head || ${vector('problem', 'C')} || ${vector('solution', 'D')}
       FROM (SELECT *, ${vector('title', 'A')} || ${vector('keywords', 'B')} AS head FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::real[], $7::jsonb[],
                   $8::text[], $9::text[], $10::text[], $11::text[])
            AS d(id, locale, product_key, category_key, boost, summary, title, keywords, problem, solution)) AS d
       ON CONFLICT (tenant, article_id) DO UPDATE SET locale = EXCLUDED.locale, product_key = EXCLUDED.product_key,
         category_key = EXCLUDED.category_key, boost = EXCLUDED.boost, summary = EXCLUDED.summary,
         head = EXCLUDED.head, document = EXCLUDED.document`,
      [
        ctx.tenant,
        docs.map((d) => d.id),
        docs.map((d) => d.locale),
        docs.map((d) => d.productKey),
        docs.map((d) => d.categoryKey),
        docs.map((d) => d.boost),
        docs.map((d) => JSON.stringify(d.summary)),
        docs.map((d) => d.title),
        docs.map((d) => d.keywords),
        docs.map((d) => d.problem),
        docs.map((d) => d.solution),
      ],
    );
  }
  if (change.remove.length > 0) {
    await run(
      ctx,
      'remove knowledge articles from search',
      `DELETE FROM ${tables.knowledgeSearch} WHERE tenant = $1 AND article_id = ANY($2::text[])`,
      [ctx.tenant, [...change.remove]],
    );
  }
}

type HitRow = {
  article_id: string;
  summary: KnowledgeSummaryJson | string;
  score: number | string;
  matched: string[];
};

/**
 * The ranked top-k of one query in one statement, with work bounded whatever the words. PostgreSQL's GIN index
 * finds matching rows but cannot hand them over best first, and ranking every row a common word matches (half the
 * base) reads every long document. So the candidates come in two tiers:
 * 1. articles whose title, product or tags match (the small `head` vector; title matches weigh most), ranked by
 *    `ts_rank_cd` on `head` × the helpfulness boost — the best {@link HEAD_CANDIDATES};
 * 2. only when tier 1 found fewer than `limit`: up to {@link BODY_CANDIDATES} articles matching in the problem or
 *    solution only, as the index returns them.
 * The candidates are then ranked on the whole document (`ts_rank_cd` over the weighted fields, emphasised terms
 * once more, × boost × preferences) and only the best `limit` leave the database, each with which term matched in
 * which field group. `match: 'all'` keeps the articles whose whole document matches every term.
 */
async function runQuery(ctx: Ctx, q: KnowledgeEngineQuery): Promise<KnowledgeSearchHit[]> {
  if (q.terms.length === 0) return [];
  const { tables } = ctx.shared;
  const cfg = `'${tables.knowledgeSearchConfig}'::regconfig`;
  const operands = q.terms.map(operand);
  // per term, an operand a field weight can be appended to (`'router':*` + `A`, `'tv':` + `A`)
  const weighable = operands.map((o) => (o.endsWith(':*') ? o : `${o}:`));
  const params: unknown[] = [
    ctx.tenant,
    operands.join(' | '),
    q.limit,
    weighable,
    HEAD_CANDIDATES,
    BODY_CANDIDATES,
  ];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const any = `to_tsquery(${cfg}, $2)`;
  const filters: string[] = [];
  if (q.filter.locale !== undefined) filters.push(`locale = ${param(q.filter.locale)}`);
  if (q.filter.productKey !== undefined) filters.push(`product_key = ${param(q.filter.productKey)}`);
  if (q.filter.categoryKey !== undefined) filters.push(`category_key = ${param(q.filter.categoryKey)}`);
  if (q.match === 'all' && operands.length > 1) {
    filters.push(`document @@ to_tsquery(${cfg}, ${param(operands.join(' & '))})`);
  }
  const filtered = filters.map((f) => ` AND ${f}`).join('');
  let rank = `ts_rank_cd('${WEIGHTS}', s.document, ${any})`;
  const emphasis = q.emphasis.filter((t) => q.terms.includes(t));
  if (emphasis.length > 0 && q.emphasisBoost !== 1) {
    const emphasised = param(emphasis.map(operand).join(' | '));
    rank = `(${rank} + ${param(q.emphasisBoost - 1)}::float8 * ts_rank_cd('${WEIGHTS}', s.document, to_tsquery(${cfg}, ${emphasised})))`;
  }
  let score = `${rank} * s.boost`;
  if (q.prefer.productKey !== undefined && q.prefer.productBoost !== 1) {
    score += ` * CASE WHEN s.product_key = ${param(q.prefer.productKey)} THEN ${param(q.prefer.productBoost)}::float8 ELSE 1 END`;
  }
  if (q.prefer.locale !== undefined && q.prefer.localeBoost !== 1) {
    score += ` * CASE WHEN s.locale = ${param(q.prefer.locale)} THEN ${param(q.prefer.localeBoost)}::float8 ELSE 1 END`;
  }
  const table = tables.knowledgeSearch;
  const rows = await run<HitRow>(
    ctx,
    'search knowledge articles',
    `WITH head AS (
       SELECT article_id FROM ${table}
       WHERE tenant = $1 AND head @@ ${any}${filtered}
       ORDER BY ts_rank_cd('${WEIGHTS}', head, ${any}) * boost DESC, article_id
       LIMIT $5
     ), body AS (
       SELECT article_id FROM ${table}
       WHERE tenant = $1 AND document @@ ${any}${filtered} AND NOT (head @@ ${any})
         AND (SELECT count(*) FROM head) < $3
       LIMIT $6
     ), top AS (
       SELECT s.article_id, s.summary, s.document, (${score})::float8 AS score
       FROM (SELECT article_id FROM head UNION ALL SELECT article_id FROM body) AS c
       JOIN ${table} AS s ON s.tenant = $1 AND s.article_id = c.article_id
       ORDER BY score DESC, s.article_id
       LIMIT $3
     )
     SELECT top.article_id, top.summary, top.score,
            ARRAY(SELECT (u.n - 1) || w.w FROM unnest($4::text[]) WITH ORDINALITY AS u(operand, n),
                    unnest('{A,B,C,D}'::text[]) AS w(w)
                  WHERE top.document @@ to_tsquery(${cfg}, u.operand || w.w)) AS matched
     FROM top
     ORDER BY top.score DESC, top.article_id`,
    params,
  );
  return rows.map((row) => toHit(row, q.terms));
}

function toHit(row: HitRow, terms: readonly string[]): KnowledgeSearchHit {
  const s = (typeof row.summary === 'string' ? JSON.parse(row.summary) : row.summary) as KnowledgeSummaryJson;
  const match: Record<string, string[]> = {};
  for (const entry of row.matched) {
    const term = terms[Number(entry.slice(0, -1))]!;
    const fields = match[term] ?? [];
    fields.push(FIELDS[entry.slice(-1)]!);
    match[term] = fields;
  }
  const matched = terms.filter((t) => match[t] !== undefined);
  return {
    article: {
      id: row.article_id,
      title: s.title,
      product: s.product,
      category: s.category,
      tags: [...s.tags],
      locale: s.locale,
      excerpt: s.excerpt,
      sourceTicketId: s.sourceTicketId,
      helpfulVotes: s.helpfulVotes,
      notHelpfulVotes: s.notHelpfulVotes,
      publishedAt: s.publishedAt === null ? null : new Date(s.publishedAt),
    },
    score: toNumber(row.score),
    terms: matched,
    queryTerms: matched,
    match,
  };
}

async function countRows(ctx: Ctx): Promise<number> {
  const [row] = await run<{ n: unknown }>(
    ctx,
    'count indexed knowledge articles',
    `SELECT count(*) AS n FROM ${ctx.shared.tables.knowledgeSearch} WHERE tenant = $1`,
    [ctx.tenant],
  );
  return toNumber(row?.n ?? 0);
}

function open(context: KnowledgeSearchContext): KnowledgeSearchEngine {
  const { store } = context;
  const root = () => sqlContext(store, 'knowledge search');
  sqlContext(store, 'knowledge search');
  let loading: Promise<{ articles: number }> | undefined;

  /** Re-derives this tenant's rows from its published articles, in one unit of work. */
  const rebuild = () =>
    store.transaction(async (tx) => {
      const ctx = sqlContext(tx, 'knowledge search rebuild');
      await run(
        ctx,
        'clear knowledge search',
        `DELETE FROM ${ctx.shared.tables.knowledgeSearch} WHERE tenant = $1`,
        [ctx.tenant],
      );
      let batch: KnowledgeSearchDocument[] = [];
      let articles = 0;
      for await (const stored of context.published(tx)) {
        batch.push(context.document(stored.data));
        if (batch.length >= BATCH) {
          await writeChange(ctx, { index: batch, remove: [] });
          articles += batch.length;
          batch = [];
        }
      }
      await writeChange(ctx, { index: batch, remove: [] });
      return { articles: articles + batch.length };
    });

  /**
   * Ready when the table holds rows for this tenant; an empty one is back-filled when the store holds published
   * articles (a schema migrated under articles published before, or a base that searched in memory until now).
   */
  const load = () => {
    loading ??= (async () => {
      const ctx = root();
      const rows = await countRows(ctx);
      if (rows > 0) return { articles: rows };
      let any = false;
      for await (const _ of context.published()) {
        any = true;
        break;
      }
      return any ? rebuild() : { articles: 0 };
    })().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };

  const refuse = (what: string) =>
    new ValidationError(
      `${what}: the PostgreSQL knowledge search keeps its index in the database, beside the articles; there is nothing to persist or restore (rebuild() re-derives it).`,
      [{ path: [], message: `${what} is for in-process search engines`, code: 'custom' }],
    );

  return {
    committed: () => {},
    query: async (q) => {
      await load();
      return runQuery(root(), q);
    },
    load: async () => {
      await load();
      return { articles: await countRows(root()) };
    },
    rebuild: async () => {
      const stats = await rebuild();
      loading = Promise.resolve(stats);
      return stats;
    },
    sync: async (articleId) => {
      const stored = await context.find(articleId);
      await atomically(root(), (ctx) =>
        writeChange(
          ctx,
          stored && stored.data.status === 'published'
            ? { index: [context.document(stored.data)], remove: [] }
            : { index: [], remove: [articleId] },
        ),
      );
    },
    serialize: async () => {
      throw refuse('serializeIndex');
    },
    restore: () => {
      throw refuse('restoreIndex');
    },
  };
}

/**
 * The knowledge base's search in PostgreSQL full-text search, for a large base: each published article is one
 * row of `knowledge_search` (migration 3) with a weighted `tsvector` (title, product and tags, problem,
 * solution) folded by an `unaccent` text search configuration, found through a GIN index and ranked top-k in the
 * database by `ts_rank_cd` × the helpfulness boost. Rows are written in the unit of work of the command that
 * publishes, votes on, archives or redacts the article, so every process sees every commit at once and nothing
 * needs syncing; memory stays flat whatever the size of the base.
 *
 * Matching follows the in-memory engine — folded terms, stop words dropped, prefixes from three letters
 * (`nyomt` → `nyomtató`), `match: 'all'` for every term — except that it forgives no typos, and a hit's `match`
 * names the field groups `title`, `keywords` (product and tags), `problem` and `solution`.
 * Runs on the stores of this package only (PGlite or a server); a table left empty by a migration under existing
 * articles is back-filled on first use.
 * @example
 * const frontline = await createFrontline({ store, modules: [serviceDesk({ knowledgeSearch: postgresKnowledgeSearch() })] });
 * @category Knowledge
 */
export function postgresKnowledgeSearch(): KnowledgeSearch {
  return {
    name: 'postgres',
    inProcess: false,
    write: (tx, change) => writeChange(sqlContext(tx, 'knowledge search write'), change),
    open,
  };
}
