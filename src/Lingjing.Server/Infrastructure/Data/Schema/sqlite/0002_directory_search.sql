-- Lingjing schema 0002 (SQLite): directory search.
-- An FTS5 trigram index over each directory table's search_text (substring matching for Chinese
-- and English), external-content over a view that appends two spaces: every character of the
-- text then starts a trigram, so a term of one or two characters is found through the index's
-- vocabulary ({table}_fts_vocab: the trigrams that start with the term) instead of a table scan.
-- Triggers keep the index current for rows written later (the demo seeder, profile edits);
-- DirectorySearchIndex.BulkLoadAsync/RebuildAsync serve bulk loads.
-- Never edit an applied script: add a new numbered one.

CREATE VIEW parks_search AS SELECT id, search_text || '  ' AS search_text FROM parks;
CREATE VIRTUAL TABLE parks_fts USING fts5(search_text, content='parks_search', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE parks_fts_vocab USING fts5vocab(parks_fts, 'row');
CREATE TRIGGER parks_fts_insert AFTER INSERT ON parks BEGIN
    INSERT INTO parks_fts (rowid, search_text) VALUES (new.id, new.search_text || '  ');
END;
CREATE TRIGGER parks_fts_delete AFTER DELETE ON parks BEGIN
    INSERT INTO parks_fts (parks_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text || '  ');
END;
CREATE TRIGGER parks_fts_update AFTER UPDATE OF id, search_text ON parks BEGIN
    INSERT INTO parks_fts (parks_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text || '  ');
    INSERT INTO parks_fts (rowid, search_text) VALUES (new.id, new.search_text || '  ');
END;
INSERT INTO parks_fts (parks_fts) VALUES ('rebuild');

CREATE VIEW enterprises_search AS SELECT id, search_text || '  ' AS search_text FROM enterprises;
CREATE VIRTUAL TABLE enterprises_fts USING fts5(search_text, content='enterprises_search', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE enterprises_fts_vocab USING fts5vocab(enterprises_fts, 'row');
CREATE TRIGGER enterprises_fts_insert AFTER INSERT ON enterprises BEGIN
    INSERT INTO enterprises_fts (rowid, search_text) VALUES (new.id, new.search_text || '  ');
END;
CREATE TRIGGER enterprises_fts_delete AFTER DELETE ON enterprises BEGIN
    INSERT INTO enterprises_fts (enterprises_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text || '  ');
END;
CREATE TRIGGER enterprises_fts_update AFTER UPDATE OF id, search_text ON enterprises BEGIN
    INSERT INTO enterprises_fts (enterprises_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text || '  ');
    INSERT INTO enterprises_fts (rowid, search_text) VALUES (new.id, new.search_text || '  ');
END;
INSERT INTO enterprises_fts (enterprises_fts) VALUES ('rebuild');

CREATE VIEW institutions_search AS SELECT id, search_text || '  ' AS search_text FROM institutions;
CREATE VIRTUAL TABLE institutions_fts USING fts5(search_text, content='institutions_search', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE institutions_fts_vocab USING fts5vocab(institutions_fts, 'row');
CREATE TRIGGER institutions_fts_insert AFTER INSERT ON institutions BEGIN
    INSERT INTO institutions_fts (rowid, search_text) VALUES (new.id, new.search_text || '  ');
END;
CREATE TRIGGER institutions_fts_delete AFTER DELETE ON institutions BEGIN
    INSERT INTO institutions_fts (institutions_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text || '  ');
END;
CREATE TRIGGER institutions_fts_update AFTER UPDATE OF id, search_text ON institutions BEGIN
    INSERT INTO institutions_fts (institutions_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text || '  ');
    INSERT INTO institutions_fts (rowid, search_text) VALUES (new.id, new.search_text || '  ');
END;
INSERT INTO institutions_fts (institutions_fts) VALUES ('rebuild');

CREATE VIEW spaces_search AS SELECT id, search_text || '  ' AS search_text FROM spaces;
CREATE VIRTUAL TABLE spaces_fts USING fts5(search_text, content='spaces_search', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE spaces_fts_vocab USING fts5vocab(spaces_fts, 'row');
CREATE TRIGGER spaces_fts_insert AFTER INSERT ON spaces BEGIN
    INSERT INTO spaces_fts (rowid, search_text) VALUES (new.id, new.search_text || '  ');
END;
CREATE TRIGGER spaces_fts_delete AFTER DELETE ON spaces BEGIN
    INSERT INTO spaces_fts (spaces_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text || '  ');
END;
CREATE TRIGGER spaces_fts_update AFTER UPDATE OF id, search_text ON spaces BEGIN
    INSERT INTO spaces_fts (spaces_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text || '  ');
    INSERT INTO spaces_fts (rowid, search_text) VALUES (new.id, new.search_text || '  ');
END;
INSERT INTO spaces_fts (spaces_fts) VALUES ('rebuild');

-- Filters and sorts of the enterprise directory.
CREATE INDEX ix_enterprises_name_zh ON enterprises (name_zh);
CREATE INDEX ix_enterprises_founded_on ON enterprises (founded_on);
CREATE INDEX ix_enterprises_employees ON enterprises (employees);
CREATE INDEX ix_enterprises_latest_revenue_yuan ON enterprises (latest_revenue_yuan);
-- Everything a search reads about the rows it matches before it picks a page (filters, sort keys,
-- names for relevance), so counting and ordering thousands of matches never touches the wide rows.
CREATE INDEX ix_enterprises_directory ON enterprises (id, category, park_id, above_designated_size, founded_on, employees,
    latest_revenue_yuan, name_en, name_zh);
