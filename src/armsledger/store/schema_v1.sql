-- armsledger store, schema version 1 (frozen: later versions add migrate_vN.sql files, never edit this one).
--
-- Portable SQL: the same statements run on DuckDB and PostgreSQL. Lists and small objects are kept as
-- JSON text because they are only ever read back whole; TEXT keeps both backends byte-identical.
-- Dates from articles stay TEXT ("2019", "2019-05", "2019-05-14") because their precision matters.

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per distinct article content. Rows are never updated: re-ingesting the same hash is a no-op.
-- seq is the insertion order (records() streams by it); id is unique, base_id is the id the source gave
-- (a second text under one id is stored as "<id>~v2" with base_id "<id>").
CREATE TABLE articles (
    seq BIGINT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    base_id TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    outlet TEXT,
    published TEXT,
    title TEXT,
    url TEXT,
    language TEXT,
    text TEXT NOT NULL,
    source_path TEXT,
    ingested_at TIMESTAMP NOT NULL, -- UTC
    systems TEXT NOT NULL,   -- JSON list, from extraction
    countries TEXT NOT NULL, -- JSON list
    cited TEXT NOT NULL,     -- JSON list
    origin TEXT NOT NULL     -- JSON list, per-article origin as extracted
);
CREATE INDEX articles_base_id ON articles (base_id);

-- The events of each article (one claim each), in article order.
CREATE TABLE claims (
    article_seq BIGINT NOT NULL,
    seq INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    type TEXT NOT NULL,
    supplier TEXT,
    recipient TEXT,
    system TEXT,
    date TEXT,
    factuality TEXT NOT NULL,
    source TEXT NOT NULL,
    evidence TEXT NOT NULL,
    quantity TEXT,
    value TEXT,
    sentence INTEGER,
    start_char INTEGER,
    end_char INTEGER,
    source_kind TEXT,
    PRIMARY KEY (article_seq, seq)
);

-- Everything below is the latest linking result; save_link() replaces all of it in one transaction.

-- Per-article linking output (story, origin, conflicts), keyed by the article's seq.
CREATE TABLE article_links (
    article_seq BIGINT PRIMARY KEY,
    story TEXT,
    origin TEXT,             -- JSON list or NULL (then the extracted origin stands)
    conflicts TEXT NOT NULL  -- JSON list of Conflict
);
-- Staging area: linking identifies articles by content hash; one join maps them to seq.
CREATE TABLE article_links_stage (
    hash TEXT NOT NULL,
    story TEXT,
    origin TEXT,
    conflicts TEXT NOT NULL
);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    title TEXT NOT NULL,
    origin TEXT NOT NULL,    -- JSON list
    first_published TEXT,
    last_published TEXT,
    systems TEXT NOT NULL,   -- JSON list
    countries TEXT NOT NULL, -- JSON list
    edges TEXT NOT NULL      -- JSON list of [from, to, kind]
);
CREATE TABLE story_articles (
    story_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (story_id, seq)
);
CREATE INDEX story_articles_article ON story_articles (article_id);
CREATE TABLE story_events (
    story_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (story_id, seq)
);

CREATE TABLE ledger_events (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    type_rank INTEGER NOT NULL, -- position in the transfer life cycle, for ordering
    supplier TEXT,
    recipient TEXT,
    system TEXT,
    date TEXT,
    status TEXT NOT NULL,
    factuality TEXT NOT NULL,
    origins TEXT NOT NULL       -- JSON list
);
CREATE INDEX ledger_events_date ON ledger_events (date);
CREATE TABLE event_stories (
    event_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    story_id TEXT NOT NULL,
    PRIMARY KEY (event_id, seq)
);
CREATE INDEX event_stories_story ON event_stories (story_id);
CREATE TABLE event_claims (
    event_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    outlet TEXT,
    published TEXT,
    source TEXT NOT NULL,
    factuality TEXT NOT NULL,
    evidence TEXT NOT NULL,
    date TEXT,
    quantity TEXT,
    value TEXT,
    origin TEXT NOT NULL,
    start_char INTEGER,
    end_char INTEGER,
    PRIMARY KEY (event_id, seq)
);

CREATE TABLE conflicts (
    seq INTEGER PRIMARY KEY,
    field TEXT NOT NULL,
    event TEXT NOT NULL,        -- JSON object {type, supplier, recipient, system}
    event_type TEXT,
    supplier TEXT,
    recipient TEXT,
    system TEXT,
    field_values TEXT NOT NULL, -- JSON list
    note TEXT NOT NULL,
    articles TEXT NOT NULL      -- JSON list of lists of article ids
);
CREATE TABLE conflict_articles (
    conflict_seq INTEGER NOT NULL,
    article_id TEXT NOT NULL
);

CREATE TABLE deals (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    supplier TEXT,
    recipient TEXT,
    system TEXT,
    status TEXT NOT NULL,
    order_year TEXT,
    delivery_years TEXT NOT NULL, -- JSON list
    quantity TEXT,
    value TEXT,
    event_ids TEXT NOT NULL       -- JSON list
);
