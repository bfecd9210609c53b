-- Unfinished guided prompt runs, one per prompt set, kept when a form is
-- left early so the next run of that set can pick it up. data is the
-- prompts package's JSON draft.
CREATE TABLE drafts (
    prompt_set TEXT PRIMARY KEY,
    data       TEXT NOT NULL,
    saved_at   TEXT NOT NULL   -- RFC 3339 with the local offset
);
