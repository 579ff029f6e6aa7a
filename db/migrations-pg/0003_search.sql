-- Full-text search (docs/decisions/028): expression GIN indexes, so there is nothing to keep
-- in step; the queries in app/services/search.server.ts repeat these expressions exactly
-- (the planner only uses an expression index for an identical expression). The 'simple'
-- configuration (no stemming, no stop words) matches what SQLite's unicode61 index finds.
-- Only visible comments are indexed: removed and deleted ones cannot be found at all.
CREATE INDEX search_posts_idx ON posts USING gin ((setweight(to_tsvector('simple'::regconfig, title), 'A') || setweight(to_tsvector('simple'::regconfig, markdown), 'B')));
--> statement-breakpoint
CREATE INDEX search_comments_idx ON comments USING gin (to_tsvector('simple'::regconfig, markdown)) WHERE status = 'visible';
--> statement-breakpoint
CREATE INDEX search_users_idx ON users USING gin ((setweight(to_tsvector('simple'::regconfig, handle), 'A') || setweight(to_tsvector('simple'::regconfig, display_name), 'B')));
