-- Tracking: cravings and check-ins are entries with details here; drinking
-- days are one row per calendar day, the timeline-followback way.
CREATE TABLE cravings (
    entry_id  INTEGER PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
    intensity INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),
    outcome   TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'used', 'resisted')),
    minutes   INTEGER CHECK (minutes >= 0),
    place     TEXT NOT NULL DEFAULT '',   -- --where
    company   TEXT NOT NULL DEFAULT '',   -- --with
    thoughts  TEXT NOT NULL DEFAULT ''
);

-- Triggers, feelings and coping are stored trimmed and lower-case.
CREATE TABLE craving_triggers (
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    trigger  TEXT NOT NULL,
    PRIMARY KEY (entry_id, trigger)
) WITHOUT ROWID;
CREATE INDEX craving_triggers_trigger ON craving_triggers(trigger);

CREATE TABLE craving_feelings (
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    feeling  TEXT NOT NULL,
    PRIMARY KEY (entry_id, feeling)
) WITHOUT ROWID;

CREATE TABLE craving_coping (
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    strategy TEXT NOT NULL,
    PRIMARY KEY (entry_id, strategy)
) WITHOUT ROWID;
CREATE INDEX craving_coping_strategy ON craving_coping(strategy);

-- One check-in per day: the entry's day; running it again edits it.
CREATE TABLE checkins (
    entry_id    INTEGER PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
    mood        INTEGER CHECK (mood BETWEEN 1 AND 10),
    craving     INTEGER CHECK (craving BETWEEN 0 AND 10),
    sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24)
);

-- A day with no row is unrecorded, never assumed sober.
CREATE TABLE drink_days (
    day               TEXT PRIMARY KEY,     -- YYYY-MM-DD, local
    uuid              TEXT NOT NULL UNIQUE,
    standard_drinks   REAL NOT NULL CHECK (standard_drinks >= 0),
    note              TEXT NOT NULL DEFAULT '',
    first_recorded_at TEXT NOT NULL,        -- RFC 3339; kept when the total changes
    backfilled        INTEGER NOT NULL DEFAULT 0, -- 1 when first recorded after the day had ended
    updated_at        TEXT NOT NULL
);

-- Coaching calls (the sharing work uses them; stats --since last-call too).
CREATE TABLE calls (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    day        TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX calls_day ON calls(day);
