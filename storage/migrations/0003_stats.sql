-- Stats and the calendar read the live cravings and check-ins of a window
-- by kind and day, often over years. The first index answers the entries
-- side of those reads (day, local hour) without visiting the wide entries
-- rows; the second, tiny, finds deleted entries, which long windows leave
-- out of the trigger and coping counts.
CREATE INDEX entries_live_kind_day ON entries(kind, day, occurred_at) WHERE deleted_at IS NULL;
CREATE INDEX entries_deleted_kind ON entries(kind) WHERE deleted_at IS NOT NULL;
