-- Claims database, schema version 1, for PostgreSQL: the tables of
-- 0001_initial.sql. Text is compared byte by byte (COLLATE "C"), as SQLite
-- does, so both engines sort alike; names are unique ignoring case
-- through lower(), as SQLite's NOCASE makes them.

CREATE TABLE claims_meta (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
);
INSERT INTO claims_meta (key, value) VALUES ('application', 'Claims');

CREATE TABLE actors (
    id         TEXT COLLATE "C" PRIMARY KEY,
    name       TEXT COLLATE "C" NOT NULL,
    kind       TEXT COLLATE "C" NOT NULL DEFAULT 'other',
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX actors_name ON actors (lower(name));

CREATE TABLE actor_aliases (
    actor_id TEXT COLLATE "C" NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    alias    TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (actor_id, alias)
);
CREATE UNIQUE INDEX actor_aliases_alias ON actor_aliases (lower(alias));

CREATE TABLE sources (
    id         TEXT COLLATE "C" PRIMARY KEY,
    title      TEXT COLLATE "C" NOT NULL,
    outlet     TEXT COLLATE "C" NOT NULL DEFAULT '',
    url        TEXT COLLATE "C" NOT NULL DEFAULT '',
    published  TEXT COLLATE "C" NOT NULL DEFAULT '',
    text       TEXT COLLATE "C" NOT NULL DEFAULT '',
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL
);

CREATE TABLE claims (
    id         TEXT COLLATE "C" PRIMARY KEY,
    statement  TEXT COLLATE "C" NOT NULL,
    quote      TEXT COLLATE "C" NOT NULL DEFAULT '',
    actor_id   TEXT COLLATE "C" NOT NULL REFERENCES actors (id) ON DELETE RESTRICT,
    source_id  TEXT COLLATE "C" REFERENCES sources (id) ON DELETE RESTRICT,
    made_on    TEXT COLLATE "C" NOT NULL DEFAULT '',
    verdict    TEXT COLLATE "C" NOT NULL DEFAULT 'unreviewed' CHECK (verdict IN
               ('unreviewed', 'true', 'mostly-true', 'mixed', 'misleading', 'false', 'unverifiable')),
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX claims_actor ON claims (actor_id);
CREATE INDEX claims_source ON claims (source_id);
CREATE INDEX claims_statement ON claims (actor_id, lower(statement));

CREATE TABLE claim_subjects (
    claim_id TEXT COLLATE "C" NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    actor_id TEXT COLLATE "C" NOT NULL REFERENCES actors (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL,
    PRIMARY KEY (claim_id, actor_id)
);
CREATE INDEX claim_subjects_actor ON claim_subjects (actor_id);

CREATE TABLE claim_tags (
    claim_id TEXT COLLATE "C" NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    tag      TEXT COLLATE "C" NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (claim_id, tag)
);
CREATE INDEX claim_tags_tag ON claim_tags (tag);

CREATE TABLE links (
    from_id    TEXT COLLATE "C" NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    to_id      TEXT COLLATE "C" NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    relation   TEXT COLLATE "C" NOT NULL CHECK (relation IN ('denies', 'disputes', 'contradicts', 'supports')),
    created_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (from_id, to_id),
    CHECK (from_id <> to_id)
);
CREATE INDEX links_to ON links (to_id);

CREATE TABLE annotations (
    id         TEXT COLLATE "C" PRIMARY KEY,
    claim_id   TEXT COLLATE "C" NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    author     TEXT COLLATE "C" NOT NULL,
    text       TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX annotations_claim ON annotations (claim_id, created_at);
