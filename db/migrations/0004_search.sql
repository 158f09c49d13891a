-- Full-text search over articles (title, excerpt, body, author name, tag names), kept in sync by
-- the triggers below. Every article is indexed, drafts too: visibility is decided at query time.
-- The row id of an index row is the article id.
CREATE VIRTUAL TABLE `article_search` USING fts5(
	title, excerpt, body, author, tags,
	tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `article_search` (rowid, title, excerpt, body, author, tags)
SELECT a.id, a.title, a.excerpt, a.body,
	coalesce((SELECT u.display_name FROM users u WHERE u.id = a.author_id), ''),
	coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), '')
FROM articles a;
--> statement-breakpoint
CREATE TRIGGER `article_search_article_insert` AFTER INSERT ON `articles` BEGIN
	INSERT INTO `article_search` (rowid, title, excerpt, body, author, tags)
	VALUES (new.id, new.title, new.excerpt, new.body,
		coalesce((SELECT u.display_name FROM users u WHERE u.id = new.author_id), ''),
		coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = new.id), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `article_search_article_update` AFTER UPDATE OF id, title, excerpt, body, author_id ON `articles` BEGIN
	DELETE FROM `article_search` WHERE rowid = old.id;
	INSERT INTO `article_search` (rowid, title, excerpt, body, author, tags)
	VALUES (new.id, new.title, new.excerpt, new.body,
		coalesce((SELECT u.display_name FROM users u WHERE u.id = new.author_id), ''),
		coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = new.id), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `article_search_article_delete` AFTER DELETE ON `articles` BEGIN
	DELETE FROM `article_search` WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `article_search_author_rename` AFTER UPDATE OF display_name ON `users` BEGIN
	UPDATE `article_search` SET author = new.display_name
	WHERE rowid IN (SELECT a.id FROM articles a WHERE a.author_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `article_search_tag_rename` AFTER UPDATE OF name ON `tags` BEGIN
	UPDATE `article_search`
	SET tags = coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = `article_search`.rowid), '')
	WHERE rowid IN (SELECT at.article_id FROM article_tags at WHERE at.tag_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `article_search_article_tag_insert` AFTER INSERT ON `article_tags` BEGIN
	UPDATE `article_search`
	SET tags = coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = new.article_id), '')
	WHERE rowid = new.article_id;
END;
--> statement-breakpoint
CREATE TRIGGER `article_search_article_tag_update` AFTER UPDATE ON `article_tags` BEGIN
	UPDATE `article_search`
	SET tags = coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = `article_search`.rowid), '')
	WHERE rowid IN (old.article_id, new.article_id);
END;
--> statement-breakpoint
CREATE TRIGGER `article_search_article_tag_delete` AFTER DELETE ON `article_tags` BEGIN
	UPDATE `article_search`
	SET tags = coalesce((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = old.article_id), '')
	WHERE rowid = old.article_id;
END;
