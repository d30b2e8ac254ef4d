-- Claims database, schema version 1.
-- Plain tables with readable names so the stock sqlite3 shell can read them.
-- Times are UTC text in RFC 3339 with milliseconds; dates made/published are
-- text as precise as the source allows (YYYY, YYYY-MM or YYYY-MM-DD).

PRAGMA application_id = 1131179379; -- 'Clms': marks the file as a Claims database

CREATE TABLE actors (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL DEFAULT 'other',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX actors_name ON actors (name COLLATE NOCASE);

CREATE TABLE actor_aliases (
    actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    alias    TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
);
-- An alias names one actor only, so a lookup by alias is unambiguous.
CREATE UNIQUE INDEX actor_aliases_alias ON actor_aliases (alias COLLATE NOCASE);

CREATE TABLE sources (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    outlet     TEXT NOT NULL DEFAULT '',
    url        TEXT NOT NULL DEFAULT '',
    published  TEXT NOT NULL DEFAULT '',
    text       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE claims (
    id         TEXT PRIMARY KEY,
    statement  TEXT NOT NULL,
    quote      TEXT NOT NULL DEFAULT '',
    actor_id   TEXT NOT NULL REFERENCES actors (id) ON DELETE RESTRICT,
    source_id  TEXT REFERENCES sources (id) ON DELETE RESTRICT,
    made_on    TEXT NOT NULL DEFAULT '',
    verdict    TEXT NOT NULL DEFAULT 'unreviewed' CHECK (verdict IN
               ('unreviewed', 'true', 'mostly-true', 'mixed', 'misleading', 'false', 'unverifiable')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX claims_actor ON claims (actor_id);
CREATE INDEX claims_source ON claims (source_id);

-- The actors a claim is about, in the order the reviewer gave them.
CREATE TABLE claim_subjects (
    claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL,
    PRIMARY KEY (claim_id, actor_id)
);
CREATE INDEX claim_subjects_actor ON claim_subjects (actor_id);

CREATE TABLE claim_tags (
    claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (claim_id, tag)
);
CREATE INDEX claim_tags_tag ON claim_tags (tag);

-- "from_id <relation> to_id": the claim from_id answers the claim to_id,
-- e.g. Kabul's denial (from) denies Pakistan's allegation (to).
CREATE TABLE links (
    from_id    TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    to_id      TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    relation   TEXT NOT NULL CHECK (relation IN ('denies', 'disputes', 'contradicts', 'supports')),
    created_at TEXT NOT NULL,
    PRIMARY KEY (from_id, to_id),
    CHECK (from_id <> to_id)
);
CREATE INDEX links_to ON links (to_id);

-- Reviewers' notes: a history, added to and never rewritten.
CREATE TABLE annotations (
    id         TEXT PRIMARY KEY,
    claim_id   TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    author     TEXT NOT NULL,
    text       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX annotations_claim ON annotations (claim_id, created_at);
