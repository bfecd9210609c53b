-- Per-day summaries of live cravings, so stats over years read a few rows
-- a day instead of every craving. Triggers keep them exact: any change to
-- a craving, its triggers or coping, or its entry's day or deletion marks
-- the day stale, and marking a day rebuilds that day's rows from the
-- source tables at once, inside the same transaction.
CREATE TABLE craving_days (
    day TEXT PRIMARY KEY,
    n   INTEGER NOT NULL,   -- live cravings that day
    sum INTEGER NOT NULL,   -- sum of their intensities
    max INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE craving_hours (
    day  TEXT NOT NULL,
    hour INTEGER NOT NULL,  -- local hour of the craving, 0–23
    n    INTEGER NOT NULL,
    PRIMARY KEY (day, hour)
) WITHOUT ROWID;

CREATE TABLE craving_day_triggers (
    day     TEXT NOT NULL,
    trigger TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (day, trigger)
) WITHOUT ROWID;

CREATE TABLE craving_day_coping (
    day      TEXT NOT NULL,
    strategy TEXT NOT NULL,
    uses     INTEGER NOT NULL,
    known    INTEGER NOT NULL,  -- uses whose craving has an outcome
    resisted INTEGER NOT NULL,
    PRIMARY KEY (day, strategy)
) WITHOUT ROWID;

-- The same by calendar month (YYYY-MM), rebuilt from the day rows whenever
-- a day of the month is: a window of years reads whole months here and
-- only its ragged ends day by day.
CREATE TABLE craving_month_hours (
    month TEXT NOT NULL,
    hour  INTEGER NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (month, hour)
) WITHOUT ROWID;

CREATE TABLE craving_month_triggers (
    month   TEXT NOT NULL,
    trigger TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (month, trigger)
) WITHOUT ROWID;

CREATE TABLE craving_month_coping (
    month    TEXT NOT NULL,
    strategy TEXT NOT NULL,
    uses     INTEGER NOT NULL,
    known    INTEGER NOT NULL,
    resisted INTEGER NOT NULL,
    PRIMARY KEY (month, strategy)
) WITHOUT ROWID;

-- Marking a day stale in one of these rebuilds that day's rows of one
-- summary at once; the mark itself lives only for that moment. One marker
-- a summary, so a change rebuilds only what it can have changed.
CREATE TABLE craving_days_stale (day TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE craving_hours_stale (day TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE craving_day_triggers_stale (day TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE craving_day_coping_stale (day TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TRIGGER craving_days_refresh AFTER INSERT ON craving_days_stale BEGIN
    DELETE FROM craving_days WHERE day = NEW.day;
    INSERT INTO craving_days (day, n, sum, max)
        SELECT e.day, count(*), sum(c.intensity), max(c.intensity)
        FROM entries e JOIN cravings c ON c.entry_id = e.id
        WHERE e.kind = 'craving' AND e.deleted_at IS NULL AND e.day = NEW.day GROUP BY e.day;
    DELETE FROM craving_days_stale WHERE day = NEW.day;
END;
CREATE TRIGGER craving_hours_refresh AFTER INSERT ON craving_hours_stale BEGIN
    DELETE FROM craving_hours WHERE day = NEW.day;
    INSERT INTO craving_hours (day, hour, n)
        SELECT e.day, CAST(substr(e.occurred_at, 12, 2) AS INTEGER), count(*)
        FROM entries e JOIN cravings c ON c.entry_id = e.id
        WHERE e.kind = 'craving' AND e.deleted_at IS NULL AND e.day = NEW.day GROUP BY 1, 2;
    DELETE FROM craving_month_hours WHERE month = substr(NEW.day, 1, 7);
    INSERT INTO craving_month_hours (month, hour, n)
        SELECT substr(day, 1, 7), hour, sum(n) FROM craving_hours
        WHERE day BETWEEN substr(NEW.day, 1, 7) || '-01' AND substr(NEW.day, 1, 7) || '-31' GROUP BY 1, 2;
    DELETE FROM craving_hours_stale WHERE day = NEW.day;
END;
CREATE TRIGGER craving_day_triggers_refresh AFTER INSERT ON craving_day_triggers_stale BEGIN
    DELETE FROM craving_day_triggers WHERE day = NEW.day;
    INSERT INTO craving_day_triggers (day, trigger, n)
        SELECT e.day, t.trigger, count(*)
        FROM entries e JOIN craving_triggers t ON t.entry_id = e.id
        WHERE e.kind = 'craving' AND e.deleted_at IS NULL AND e.day = NEW.day GROUP BY 1, 2;
    DELETE FROM craving_month_triggers WHERE month = substr(NEW.day, 1, 7);
    INSERT INTO craving_month_triggers (month, trigger, n)
        SELECT substr(day, 1, 7), trigger, sum(n) FROM craving_day_triggers
        WHERE day BETWEEN substr(NEW.day, 1, 7) || '-01' AND substr(NEW.day, 1, 7) || '-31' GROUP BY 1, 2;
    DELETE FROM craving_day_triggers_stale WHERE day = NEW.day;
END;
CREATE TRIGGER craving_day_coping_refresh AFTER INSERT ON craving_day_coping_stale BEGIN
    DELETE FROM craving_day_coping WHERE day = NEW.day;
    INSERT INTO craving_day_coping (day, strategy, uses, known, resisted)
        SELECT e.day, k.strategy, count(*), coalesce(sum(c.outcome <> ''), 0), coalesce(sum(c.outcome = 'resisted'), 0)
        FROM entries e JOIN craving_coping k ON k.entry_id = e.id JOIN cravings c ON c.entry_id = e.id
        WHERE e.kind = 'craving' AND e.deleted_at IS NULL AND e.day = NEW.day GROUP BY 1, 2;
    DELETE FROM craving_month_coping WHERE month = substr(NEW.day, 1, 7);
    INSERT INTO craving_month_coping (month, strategy, uses, known, resisted)
        SELECT substr(day, 1, 7), strategy, sum(uses), sum(known), sum(resisted) FROM craving_day_coping
        WHERE day BETWEEN substr(NEW.day, 1, 7) || '-01' AND substr(NEW.day, 1, 7) || '-31' GROUP BY 1, 2;
    DELETE FROM craving_day_coping_stale WHERE day = NEW.day;
END;

-- While a row is here (a bulk import), changes mark nothing; the import
-- rebuilds every summary once at its end instead.
CREATE TABLE craving_days_paused (since TEXT NOT NULL);

-- A craving's own row: its intensity, hour and outcome.
CREATE TRIGGER cravings_stale_ins AFTER INSERT ON cravings
WHEN NOT EXISTS (SELECT 1 FROM craving_days_paused) BEGIN
    INSERT INTO craving_days_stale (day) SELECT day FROM entries WHERE id = NEW.entry_id;
    INSERT INTO craving_hours_stale (day) SELECT day FROM entries WHERE id = NEW.entry_id;
    INSERT INTO craving_day_coping_stale (day) SELECT day FROM entries WHERE id = NEW.entry_id;
END;
CREATE TRIGGER cravings_stale_upd AFTER UPDATE ON cravings
WHEN NOT EXISTS (SELECT 1 FROM craving_days_paused) BEGIN
    INSERT INTO craving_days_stale (day) SELECT day FROM entries WHERE id = NEW.entry_id;
    INSERT INTO craving_day_coping_stale (day) SELECT day FROM entries WHERE id = NEW.entry_id;
END;
CREATE TRIGGER cravings_stale_del AFTER DELETE ON cravings
WHEN NOT EXISTS (SELECT 1 FROM craving_days_paused) BEGIN
    INSERT INTO craving_days_stale (day) SELECT day FROM entries WHERE id = OLD.entry_id;
    INSERT INTO craving_hours_stale (day) SELECT day FROM entries WHERE id = OLD.entry_id;
    INSERT INTO craving_day_coping_stale (day) SELECT day FROM entries WHERE id = OLD.entry_id;
END;
CREATE TRIGGER craving_triggers_stale_ins AFTER INSERT ON craving_triggers
WHEN NOT EXISTS (SELECT 1 FROM craving_days_paused) BEGIN
    INSERT INTO craving_day_triggers_stale (day) SELECT day FROM entries WHERE id = NEW.entry_id;
END;
CREATE TRIGGER craving_triggers_stale_del AFTER DELETE ON craving_triggers
WHEN NOT EXISTS (SELECT 1 FROM craving_days_paused) BEGIN
    INSERT INTO craving_day_triggers_stale (day) SELECT day FROM entries WHERE id = OLD.entry_id;
END;
CREATE TRIGGER craving_coping_stale_ins AFTER INSERT ON craving_coping
WHEN NOT EXISTS (SELECT 1 FROM craving_days_paused) BEGIN
    INSERT INTO craving_day_coping_stale (day) SELECT day FROM entries WHERE id = NEW.entry_id;
END;
CREATE TRIGGER craving_coping_stale_del AFTER DELETE ON craving_coping
WHEN NOT EXISTS (SELECT 1 FROM craving_days_paused) BEGIN
    INSERT INTO craving_day_coping_stale (day) SELECT day FROM entries WHERE id = OLD.entry_id;
END;
-- Deleting or restoring a craving, or moving it to another day or hour.
CREATE TRIGGER entries_craving_stale AFTER UPDATE OF deleted_at, day, occurred_at, kind ON entries
WHEN (OLD.kind = 'craving' OR NEW.kind = 'craving') AND NOT EXISTS (SELECT 1 FROM craving_days_paused) BEGIN
    INSERT INTO craving_days_stale (day) VALUES (OLD.day), (NEW.day);
    INSERT INTO craving_hours_stale (day) VALUES (OLD.day), (NEW.day);
    INSERT INTO craving_day_triggers_stale (day) VALUES (OLD.day), (NEW.day);
    INSERT INTO craving_day_coping_stale (day) VALUES (OLD.day), (NEW.day);
END;

-- Summaries of what is already there.
INSERT INTO craving_days (day, n, sum, max)
    SELECT e.day, count(*), sum(c.intensity), max(c.intensity)
    FROM entries e JOIN cravings c ON c.entry_id = e.id
    WHERE e.kind = 'craving' AND e.deleted_at IS NULL GROUP BY e.day;
INSERT INTO craving_hours (day, hour, n)
    SELECT e.day, CAST(substr(e.occurred_at, 12, 2) AS INTEGER), count(*)
    FROM entries e JOIN cravings c ON c.entry_id = e.id
    WHERE e.kind = 'craving' AND e.deleted_at IS NULL GROUP BY 1, 2;
INSERT INTO craving_day_triggers (day, trigger, n)
    SELECT e.day, t.trigger, count(*)
    FROM entries e JOIN craving_triggers t ON t.entry_id = e.id
    WHERE e.kind = 'craving' AND e.deleted_at IS NULL GROUP BY 1, 2;
INSERT INTO craving_day_coping (day, strategy, uses, known, resisted)
    SELECT e.day, k.strategy, count(*), coalesce(sum(c.outcome <> ''), 0), coalesce(sum(c.outcome = 'resisted'), 0)
    FROM entries e JOIN craving_coping k ON k.entry_id = e.id JOIN cravings c ON c.entry_id = e.id
    WHERE e.kind = 'craving' AND e.deleted_at IS NULL GROUP BY 1, 2;

INSERT INTO craving_month_hours (month, hour, n)
    SELECT substr(day, 1, 7), hour, sum(n) FROM craving_hours GROUP BY 1, 2;
INSERT INTO craving_month_triggers (month, trigger, n)
    SELECT substr(day, 1, 7), trigger, sum(n) FROM craving_day_triggers GROUP BY 1, 2;
INSERT INTO craving_month_coping (month, strategy, uses, known, resisted)
    SELECT substr(day, 1, 7), strategy, sum(uses), sum(known), sum(resisted) FROM craving_day_coping GROUP BY 1, 2;
