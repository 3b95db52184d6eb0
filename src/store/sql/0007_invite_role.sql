-- Invitations that say whether the person is a parent of the child, and
-- the journal's adults that stand or stood for an account (account.h).
--
-- 0006 stays as it was (journals have applied it); this adds:
--  - invite.parent: 1 when the owner said the person invited is a parent
--    of the child.  The journal's role follows the invitation (account.c):
--    consultant access gives a consultant, read-only a helper, owner or
--    caregiver access a parent only with this set, else a helper (a
--    grandparent or a nanny with caregiver access is not a parent);
--  - caregiver_account: the caregiver records that have stood for an
--    account, and the last one (NULL once deleted).  A membership ends
--    (removed, left) but the record stays in the journal with whatever
--    that person wrote; an invitation never hands such a record, or one
--    with personal records, to somebody else.  A row goes with its
--    caregiver.
-- Journals from before: every membership's record, and every record
-- named by a used invitation of its household, have stood for an account.
-- SPDX-License-Identifier: ISC

ALTER TABLE invite ADD COLUMN parent INTEGER NOT NULL DEFAULT 0
	CHECK (parent IN (0, 1));

CREATE TABLE caregiver_account (
	caregiver_id	INTEGER PRIMARY KEY
			REFERENCES caregiver (id) ON DELETE CASCADE,
	account_id	INTEGER REFERENCES account (id) ON DELETE SET NULL,
	since_utc	INTEGER NOT NULL
);

INSERT INTO caregiver_account (caregiver_id, account_id, since_utc)
	SELECT caregiver_id, account_id, created_utc FROM membership;
INSERT OR IGNORE INTO caregiver_account (caregiver_id, account_id, since_utc)
	SELECT c.id, i.used_by, i.used_utc
	FROM invite i JOIN caregiver c
	    ON c.household_id = i.household_id AND c.name = i.name
	WHERE i.used_utc IS NOT NULL;
