-- Search beyond whole words. entries_fts finds words split at spaces and
-- punctuation; these two find what it cannot: parts of longer words, and
-- words in scripts written without spaces (Japanese, Chinese, Thai).
-- Both hold the same rows as entries_fts (rowid = entries.id) and are kept
-- by storage code in the same transaction. This step can run again on a
-- file that has them: it builds them afresh.
--
-- entries_trigram: every three characters, for a part of a word three
-- characters or longer ("care" in "selfcare", 行きました, مدرسة in والمدرسة).
CREATE VIRTUAL TABLE IF NOT EXISTS entries_trigram USING fts5(
    body, answers, tags, details,
    tokenize = 'trigram remove_diacritics 1'
);
DELETE FROM entries_trigram;
INSERT INTO entries_trigram (rowid, body, answers, tags, details)
    SELECT rowid, body, answers, tags, details FROM entries_fts;

-- entries_grams: for scripts written without spaces, and Korean, whose words
-- carry particles, each character and each pair of neighbouring characters
-- as a word, so one- and two-character words (酒, 散歩, 산책) are found,
-- which a trigram cannot hold. The text is made in Go (searchGrams) and
-- filled for existing entries when this step runs.
CREATE VIRTUAL TABLE IF NOT EXISTS entries_grams USING fts5(
    grams,
    tokenize = 'unicode61 remove_diacritics 0'
);
DELETE FROM entries_grams;
