-- Entries: free notes, guided answers, cravings and check-ins all share this
-- table; the details of each kind live in their own tables.
CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    day        TEXT NOT NULL,              -- YYYY-MM-DD, local
    setting    TEXT NOT NULL DEFAULT '',   -- home, clinic
    route      TEXT NOT NULL DEFAULT '',   -- oral, sublingual, nasal, im, iv
    dose_mg    REAL,
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,              -- RFC 3339 with the local offset
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX sessions_day ON sessions(day);

CREATE TABLE entries (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    day         TEXT NOT NULL,             -- the local calendar day it belongs to
    occurred_at TEXT NOT NULL,             -- RFC 3339 with the local offset
    body        TEXT NOT NULL DEFAULT '',
    private     INTEGER NOT NULL DEFAULT 0,
    session_id  INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    prompt_set  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX entries_day ON entries(day, occurred_at);
CREATE INDEX entries_kind_day ON entries(kind, day);
CREATE INDEX entries_session ON entries(session_id) WHERE session_id IS NOT NULL;

CREATE TABLE entry_tags (
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (entry_id, tag)
) WITHOUT ROWID;
CREATE INDEX entry_tags_tag ON entry_tags(tag);

-- The question is stored as it was asked, so later edits of a prompt set do
-- not change old entries.
CREATE TABLE answers (
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    key      TEXT NOT NULL,
    question TEXT NOT NULL,
    answer   TEXT NOT NULL,
    PRIMARY KEY (entry_id, position)
) WITHOUT ROWID;

-- Full-text index, rowid = entries.id, kept by storage code in the same
-- transaction as the entry. details holds the text of a kind's own tables
-- (craving triggers, coping, notes).
CREATE VIRTUAL TABLE entries_fts USING fts5(
    body, answers, tags, details,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
