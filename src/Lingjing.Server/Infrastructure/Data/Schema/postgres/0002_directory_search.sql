-- Lingjing schema 0002 (PostgreSQL): directory search.
-- Trigram GIN indexes over each directory table's search_text answer LIKE '%term%' (substring
-- matching for Chinese and English) for terms of three or more characters.
-- Never edit an applied script: add a new numbered one.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX ix_parks_search_text_trgm ON parks USING gin (search_text gin_trgm_ops);
CREATE INDEX ix_enterprises_search_text_trgm ON enterprises USING gin (search_text gin_trgm_ops);
CREATE INDEX ix_institutions_search_text_trgm ON institutions USING gin (search_text gin_trgm_ops);
CREATE INDEX ix_spaces_search_text_trgm ON spaces USING gin (search_text gin_trgm_ops);

-- Filters and sorts of the enterprise directory.
CREATE INDEX ix_enterprises_name_zh ON enterprises (name_zh);
CREATE INDEX ix_enterprises_founded_on ON enterprises (founded_on);
CREATE INDEX ix_enterprises_employees ON enterprises (employees);
CREATE INDEX ix_enterprises_latest_revenue_yuan ON enterprises (latest_revenue_yuan);
-- Everything a search reads about the rows it matches before it picks a page (filters, sort keys,
-- names for relevance), so counting and ordering thousands of matches never touches the wide rows.
CREATE INDEX ix_enterprises_directory ON enterprises (id, category, park_id, above_designated_size, founded_on, employees,
    latest_revenue_yuan, name_en, name_zh);
