-- Stats read each questionnaire's scores in the window and, around the
-- sessions, the nearest one before and after it, however long ago. This
-- index goes straight to those by questionnaire and day, so a month's
-- stats cost the same on a ten-year journal as on a new one, however
-- many other guided entries lie between. It may exist already when an
-- older schema number is put back on a newer file.
CREATE INDEX IF NOT EXISTS entries_live_prompt_set ON entries(prompt_set, day, occurred_at)
    WHERE deleted_at IS NULL AND kind = 'guided';
-- Every read by kind also says live or deleted, which entries_live_kind_day
-- and entries_deleted_kind (step 3) answer better: listing deleted entries
-- of one kind walked every entry of that kind through this one.
DROP INDEX IF EXISTS entries_kind_day;
