-- Full-text search (docs/decisions/028): external-content FTS5 indexes over posts, visible
-- comments and users, kept in step by triggers so every write path stays covered without
-- the services knowing. Only visible comments are indexed: the triggers add and drop a
-- comment's words as its status changes, and an external-content index must only ever be
-- told to forget exactly what it was given, hence the status conditions on both sides.
CREATE VIRTUAL TABLE search_posts USING fts5(title, markdown, content='posts', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE VIRTUAL TABLE search_comments USING fts5(markdown, content='comments', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE VIRTUAL TABLE search_users USING fts5(handle, display_name, content='users', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
INSERT INTO search_posts(rowid, title, markdown) SELECT id, title, markdown FROM posts;
--> statement-breakpoint
INSERT INTO search_comments(rowid, markdown) SELECT id, markdown FROM comments WHERE status = 'visible';
--> statement-breakpoint
INSERT INTO search_users(rowid, handle, display_name) SELECT id, handle, display_name FROM users;
--> statement-breakpoint
CREATE TRIGGER search_posts_ai AFTER INSERT ON posts BEGIN
  INSERT INTO search_posts(rowid, title, markdown) VALUES (new.id, new.title, new.markdown);
END;
--> statement-breakpoint
CREATE TRIGGER search_posts_ad AFTER DELETE ON posts BEGIN
  INSERT INTO search_posts(search_posts, rowid, title, markdown) VALUES ('delete', old.id, old.title, old.markdown);
END;
--> statement-breakpoint
CREATE TRIGGER search_posts_au AFTER UPDATE OF title, markdown ON posts BEGIN
  INSERT INTO search_posts(search_posts, rowid, title, markdown) VALUES ('delete', old.id, old.title, old.markdown);
  INSERT INTO search_posts(rowid, title, markdown) VALUES (new.id, new.title, new.markdown);
END;
--> statement-breakpoint
CREATE TRIGGER search_comments_ai AFTER INSERT ON comments WHEN new.status = 'visible' BEGIN
  INSERT INTO search_comments(rowid, markdown) VALUES (new.id, new.markdown);
END;
--> statement-breakpoint
CREATE TRIGGER search_comments_ad AFTER DELETE ON comments WHEN old.status = 'visible' BEGIN
  INSERT INTO search_comments(search_comments, rowid, markdown) VALUES ('delete', old.id, old.markdown);
END;
--> statement-breakpoint
-- One trigger, forget then add, in that order: two triggers would fire in an unspecified order.
CREATE TRIGGER search_comments_au AFTER UPDATE OF markdown, status ON comments BEGIN
  INSERT INTO search_comments(search_comments, rowid, markdown) SELECT 'delete', old.id, old.markdown WHERE old.status = 'visible';
  INSERT INTO search_comments(rowid, markdown) SELECT new.id, new.markdown WHERE new.status = 'visible';
END;
--> statement-breakpoint
CREATE TRIGGER search_users_ai AFTER INSERT ON users BEGIN
  INSERT INTO search_users(rowid, handle, display_name) VALUES (new.id, new.handle, new.display_name);
END;
--> statement-breakpoint
CREATE TRIGGER search_users_ad AFTER DELETE ON users BEGIN
  INSERT INTO search_users(search_users, rowid, handle, display_name) VALUES ('delete', old.id, old.handle, old.display_name);
END;
--> statement-breakpoint
CREATE TRIGGER search_users_au AFTER UPDATE OF handle, display_name ON users BEGIN
  INSERT INTO search_users(search_users, rowid, handle, display_name) VALUES ('delete', old.id, old.handle, old.display_name);
  INSERT INTO search_users(rowid, handle, display_name) VALUES (new.id, new.handle, new.display_name);
END;
