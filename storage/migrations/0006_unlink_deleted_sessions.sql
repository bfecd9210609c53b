-- Entries linked to a deleted session pointed at a record that exports
-- leave out, so such an export could not be imported. Deleting a session
-- now unlinks its entries; this does the same for sessions deleted before.
UPDATE entries SET session_id = NULL
WHERE session_id IN (SELECT id FROM sessions WHERE deleted_at IS NOT NULL);
