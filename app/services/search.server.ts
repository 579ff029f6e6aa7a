// Search over posts, visible comments and users (docs/decisions/028). One interface, two
// engines: SQLite answers from FTS5 indexes kept in step by triggers (db/migrations
// 0010_search), PostgreSQL from expression GIN indexes (db/migrations-pg 0003_search). Both
// take the same sanitized terms (discussion/search.ts) and hand back the same shapes, with
// snippets built in JS so escaping and highlighting are identical on either store.
import { and, eq, gte, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import type { Store } from "../../db/store";
import { fts5Query, narrowsWriting, searchTerms, tsQuery, type SearchFilters } from "../discussion/search";
import { commentHit, postHit, userHit, type CommentRow, type PostRow, type UserRow } from "./search-hits.server";
import type { SearchResults } from "./types";

/**
 * An unfiltered query ranks only its newest RANK_WINDOW matches: ranking every match of a word
 * in most comments costs tens of milliseconds, finding where the newest few thousand start
 * costs one or two (docs/decisions/028). Filtered queries rank everything they keep.
 */
export const RANK_WINDOW = 2000;

/** What differs between the engines: how a match is found and ranked. */
interface Engine {
  posts(terms: string[], scope: SQL | undefined, limit: number): Promise<PostRow[]>;
  comments(terms: string[], scope: SQL | undefined, limit: number): Promise<CommentRow[]>;
  users(terms: string[], limit: number): Promise<UserRow[]>;
}

export function createSearchService(store: Store) {
  const { t } = store;
  const { comments, posts, users } = t;
  const engine = store.dialect === "sqlite" ? sqliteEngine(store) : postgresEngine(store);

  /** Conditions on a post (for a post hit, or the post a comment sits on). A tag filter adds one here. */
  function postScope(f: SearchFilters): SQL[] {
    const out: SQL[] = [];
    if (f.hasForecast) out.push(isNotNull(posts.forecastId));
    return out;
  }
  function writingScope(f: SearchFilters, createdAt: typeof posts.createdAt | typeof comments.createdAt): SQL[] {
    const out: SQL[] = [];
    if (f.authorHandle !== undefined) out.push(eq(users.handle, f.authorHandle));
    if (f.since !== undefined) out.push(gte(createdAt, f.since));
    if (f.until !== undefined) out.push(lt(createdAt, f.until));
    return out;
  }

  return {
    /** Ranked hits of each kind, at most `limit` of each. `q` must already have passed searchQuerySchema. */
    async search(q: string, filters: SearchFilters, limit = 20): Promise<SearchResults> {
      const terms = searchTerms(q);
      const empty: SearchResults = {
        terms,
        posts: [],
        comments: [],
        users: [],
      };
      if (terms.length === 0) return empty;
      const want = (k: SearchFilters["kind"]) => filters.kind === "all" || filters.kind === k;
      const postWhere = and(...postScope(filters), ...writingScope(filters, posts.createdAt));
      // A fork reply "has a forecast" by its own; the post's forecast does not make it one.
      const commentWhere = and(...writingScope(filters, comments.createdAt), filters.hasForecast ? isNotNull(comments.forecastId) : undefined);
      const [postRows, commentRows, userRows] = await Promise.all([
        want("posts") ? engine.posts(terms, postWhere, limit) : [],
        want("comments") ? engine.comments(terms, commentWhere, limit) : [],
        want("users") && !narrowsWriting(filters) ? engine.users(terms, limit) : [],
      ]);
      return {
        terms,
        posts: postRows.map((r) => postHit(r, terms)),
        comments: commentRows.map((r) => commentHit(r, terms)),
        users: userRows.map((r) => userHit(r, terms)),
      };
    },
  };

  function sqliteEngine(s: Store): Engine {
    // The lowest rowid among the newest RANK_WINDOW matches: FTS5 walks matches in rowid order without ranking them.
    const ftsWindow = (table: "search_posts" | "search_comments", terms: string[]) =>
      sql`coalesce((SELECT rowid FROM ${sql.raw(table)} WHERE ${sql.raw(table)} MATCH ${fts5Query(terms)} ORDER BY rowid DESC LIMIT 1 OFFSET ${RANK_WINDOW - 1}), 0)`;
    return {
      posts: (terms, scope, limit) =>
        s.rows<PostRow>(sql`
          SELECT ${posts.id} AS id, ${posts.slug} AS slug, ${posts.title} AS title, ${posts.markdown} AS markdown,
                 ${posts.createdAt} AS created_at, ${posts.forecastId} AS forecast_id, ${users.handle} AS handle, ${users.displayName} AS display_name
          FROM search_posts
          JOIN ${posts} ON ${posts.id} = search_posts.rowid
          JOIN ${users} ON ${users.id} = ${posts.authorId}
          WHERE search_posts MATCH ${fts5Query(terms)} ${scope ? sql`AND ${scope}` : sql`AND search_posts.rowid >= ${ftsWindow("search_posts", terms)}`}
          ORDER BY bm25(search_posts, 10.0, 1.0), ${posts.id} DESC
          LIMIT ${limit}`),
      comments: (terms, scope, limit) =>
        s.rows<CommentRow>(sql`
          SELECT ${comments.id} AS comment_id, ${comments.markdown} AS comment_markdown, ${comments.createdAt} AS comment_created_at,
                 ${comments.forecastId} AS comment_forecast_id, ${posts.slug} AS slug, ${posts.title} AS title,
                 ${users.handle} AS handle, ${users.displayName} AS display_name
          FROM search_comments
          JOIN ${comments} ON ${comments.id} = search_comments.rowid
          JOIN ${posts} ON ${posts.id} = ${comments.postId}
          JOIN ${users} ON ${users.id} = ${comments.authorId}
          WHERE search_comments MATCH ${fts5Query(terms)} AND ${comments.status} = 'visible' ${scope ? sql`AND ${scope}` : sql`AND search_comments.rowid >= ${ftsWindow("search_comments", terms)}`}
          ORDER BY bm25(search_comments), ${comments.id} DESC
          LIMIT ${limit}`),
      users: (terms, limit) =>
        s.rows<UserRow>(sql`
          SELECT ${users.id} AS id, ${users.handle} AS handle, ${users.displayName} AS display_name, ${users.bio} AS bio, ${users.createdAt} AS created_at
          FROM search_users
          JOIN ${users} ON ${users.id} = search_users.rowid
          WHERE search_users MATCH ${fts5Query(terms)}
          ORDER BY bm25(search_users, 10.0, 5.0), ${users.id}
          LIMIT ${limit}`),
    };
  }

  function postgresEngine(s: Store): Engine {
    // Exactly the indexed expressions of db/migrations-pg 0003_search.
    const postVector = sql`(setweight(to_tsvector('simple'::regconfig, ${posts.title}), 'A') || setweight(to_tsvector('simple'::regconfig, ${posts.markdown}), 'B'))`;
    const commentVector = sql`to_tsvector('simple'::regconfig, ${comments.markdown})`;
    const userVector = sql`(setweight(to_tsvector('simple'::regconfig, ${users.handle}), 'A') || setweight(to_tsvector('simple'::regconfig, ${users.displayName}), 'B'))`;
    const query = (terms: string[]) => sql`to_tsquery('simple'::regconfig, ${tsQuery(terms)})`;
    return {
      posts: (terms, scope, limit) =>
        s.rows<PostRow>(sql`
          SELECT ${posts.id} AS id, ${posts.slug} AS slug, ${posts.title} AS title, ${posts.markdown} AS markdown,
                 ${posts.createdAt} AS created_at, ${posts.forecastId} AS forecast_id, ${users.handle} AS handle, ${users.displayName} AS display_name
          FROM ${posts}
          JOIN ${users} ON ${users.id} = ${posts.authorId}
          WHERE ${postVector} @@ ${query(terms)} ${
          scope
            ? sql`AND ${scope}`
            : sql`AND ${posts.id} >= coalesce((SELECT ${posts.id} FROM ${posts} WHERE ${postVector} @@ ${query(terms)} ORDER BY ${posts.id} DESC OFFSET ${RANK_WINDOW - 1} LIMIT 1), 0)`
        }
          ORDER BY ts_rank(${postVector}, ${query(terms)}) DESC, ${posts.id} DESC
          LIMIT ${limit}`),
      comments: (terms, scope, limit) =>
        s.rows<CommentRow>(sql`
          SELECT ${comments.id} AS comment_id, ${comments.markdown} AS comment_markdown, ${comments.createdAt} AS comment_created_at,
                 ${comments.forecastId} AS comment_forecast_id, ${posts.slug} AS slug, ${posts.title} AS title,
                 ${users.handle} AS handle, ${users.displayName} AS display_name
          FROM ${comments}
          JOIN ${posts} ON ${posts.id} = ${comments.postId}
          JOIN ${users} ON ${users.id} = ${comments.authorId}
          WHERE ${commentVector} @@ ${query(terms)} AND ${comments.status} = 'visible' ${
          scope
            ? sql`AND ${scope}`
            : sql`AND ${comments.id} >= coalesce((SELECT ${comments.id} FROM ${comments} WHERE ${commentVector} @@ ${query(terms)} AND ${comments.status} = 'visible' ORDER BY ${
                comments.id
              } DESC OFFSET ${RANK_WINDOW - 1} LIMIT 1), 0)`
        }
          ORDER BY ts_rank(${commentVector}, ${query(terms)}) DESC, ${comments.id} DESC
          LIMIT ${limit}`),
      users: (terms, limit) =>
        s.rows<UserRow>(sql`
          SELECT ${users.id} AS id, ${users.handle} AS handle, ${users.displayName} AS display_name, ${users.bio} AS bio, ${users.createdAt} AS created_at
          FROM ${users}
          WHERE ${userVector} @@ ${query(terms)}
          ORDER BY ts_rank(${userVector}, ${query(terms)}) DESC, ${users.id}
          LIMIT ${limit}`),
    };
  }
}

export type SearchService = ReturnType<typeof createSearchService>;
