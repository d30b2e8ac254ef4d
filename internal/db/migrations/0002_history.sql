-- Claims database, schema version 2: the change history (which also holds
-- the Trash) and the published fact-check behind a verdict.

-- The fact-check a verdict comes from: its address, why the rating, when
-- it was published (a date as precise as known, or empty).
ALTER TABLE claims ADD COLUMN review_url TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN rating_explanation TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN reviewed_on TEXT NOT NULL DEFAULT '';

-- One change set per thing a person did: a save in the window, an import
-- of a file, an extraction, a command, an undo. Sets are numbered in the
-- order they were made.
CREATE TABLE change_sets (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,              -- when, UTC
    reviewer  TEXT NOT NULL,              -- who
    via       TEXT NOT NULL,              -- how: window, import of FILE, extract, cli, undo of set N
    undoes    INTEGER REFERENCES change_sets (id),  -- the set this one reverted
    undone_by INTEGER REFERENCES change_sets (id),  -- the set that reverted this one
    -- A client's name for the write, so that a write retried after a lost
    -- connection is applied once (Store.Update with WithToken).
    token     TEXT UNIQUE
);

-- Every change, one row a field. Existence is a field too: "claim",
-- "actor", "source", "link" and "note" go from '' to a value when the thing
-- is made and back to '' when it is removed; what was removed is kept in
-- data (JSON), so that it can be put back. claim_id is the claim a change
-- concerns ('' for actors and sources); a link's entity_id is the claim
-- that answers and its claim_id the claim answered. History outlives what
-- it describes, so there are no foreign keys to the things changed.
CREATE TABLE changes (
    set_id    INTEGER NOT NULL REFERENCES change_sets (id),
    seq       INTEGER NOT NULL,
    entity    TEXT NOT NULL CHECK (entity IN ('claim', 'link', 'note', 'actor', 'source')),
    entity_id TEXT NOT NULL,
    claim_id  TEXT NOT NULL DEFAULT '',
    field     TEXT NOT NULL,
    old       TEXT NOT NULL DEFAULT '',
    new       TEXT NOT NULL DEFAULT '',
    data      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (set_id, seq)
);
CREATE INDEX changes_claim ON changes (claim_id, set_id);
CREATE INDEX changes_entity ON changes (entity, entity_id, set_id);
-- The Trash: claims deleted (and not put back since).
CREATE INDEX changes_deleted ON changes (entity_id, set_id)
    WHERE entity = 'claim' AND field = 'claim' AND new = '';
