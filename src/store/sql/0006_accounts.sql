-- People who sign in (account.h): accounts, their memberships of
-- households, browser sessions, personal API tokens and invitations.
--
-- The conventions of 0001_init.sql hold (instants as INTEGER seconds UTC,
-- NULL for "not set", enumerations by their stable names, AUTOINCREMENT
-- ids).  Besides:
--  - no secret is kept in the clear: a password is its argon2id string
--    (libsodium's crypto_pwhash_str, which carries its own salt and
--    limits); session ids, API tokens and invitation codes are kept as
--    the SHA-256 of the text handed out, in lower-case hex (64
--    characters), so a copy of this file opens nothing;
--  - an email is unique whatever its case: the store writes it in lower
--    case and the column compares without case as well (a PostgreSQL
--    copy: a unique index on lower(email), or citext);
--  - a membership ties an account to a household with an access and to
--    the caregiver that stands for that person in the journal.  It goes
--    with the account, the household or that caregiver (ON DELETE
--    CASCADE): someone removed from the journal no longer reaches it.
--    One caregiver stands for at most one account;
--  - sessions and tokens go with their account, invitations with their
--    household; the account that wrote or used an invitation becomes
--    NULL when deleted, the invitation stays used;
--  - the rules (the last owner stays, who may invite, expiry) live in
--    src/store/account.c, inside the write's transaction.
-- SPDX-License-Identifier: ISC

CREATE TABLE account (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	email		TEXT NOT NULL COLLATE NOCASE UNIQUE
			CHECK (email <> '' AND length(email) <= 254),
	name		TEXT NOT NULL CHECK (name <> ''),
	pwhash		TEXT NOT NULL CHECK (pwhash LIKE '$argon2%'),
	created_utc	INTEGER NOT NULL,
	version		INTEGER NOT NULL CHECK (version >= 1)
);

CREATE TABLE membership (
	account_id	INTEGER NOT NULL
			REFERENCES account (id) ON DELETE CASCADE,
	household_id	INTEGER NOT NULL
			REFERENCES household (id) ON DELETE CASCADE,
	access		TEXT NOT NULL CHECK (access IN ('owner', 'caregiver',
	    'readonly', 'consultant')),
	caregiver_id	INTEGER NOT NULL UNIQUE
			REFERENCES caregiver (id) ON DELETE CASCADE,
	created_utc	INTEGER NOT NULL,
	PRIMARY KEY (account_id, household_id)
);
CREATE INDEX membership_household ON membership (household_id);

CREATE TABLE session (
	id_hash		TEXT PRIMARY KEY CHECK (length(id_hash) = 64),
	account_id	INTEGER NOT NULL
			REFERENCES account (id) ON DELETE CASCADE,
	-- Not a secret on its own: it proves a form came from our page,
	-- and is worth nothing without the session's id.
	csrf		TEXT NOT NULL CHECK (length(csrf) = 43),
	created_utc	INTEGER NOT NULL,
	expires_utc	INTEGER NOT NULL,
	CHECK (expires_utc > created_utc)
);
CREATE INDEX session_account ON session (account_id);
CREATE INDEX session_expires ON session (expires_utc);

CREATE TABLE api_token (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	account_id	INTEGER NOT NULL
			REFERENCES account (id) ON DELETE CASCADE,
	name		TEXT NOT NULL CHECK (name <> ''),
	hash		TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
	created_utc	INTEGER NOT NULL,
	last_used_utc	INTEGER, -- NULL: never used
	revoked_utc	INTEGER  -- NULL: valid
);
CREATE INDEX api_token_account ON api_token (account_id, id);

CREATE TABLE invite (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	household_id	INTEGER NOT NULL
			REFERENCES household (id) ON DELETE CASCADE,
	code_hash	TEXT NOT NULL UNIQUE CHECK (length(code_hash) = 64),
	access		TEXT NOT NULL CHECK (access IN ('owner', 'caregiver',
	    'readonly', 'consultant')),
	-- The name the invited person will have in the journal.
	name		TEXT NOT NULL CHECK (name <> ''),
	by_account	INTEGER REFERENCES account (id) ON DELETE SET NULL,
	created_utc	INTEGER NOT NULL,
	expires_utc	INTEGER NOT NULL,
	used_utc	INTEGER, -- NULL: not used yet
	used_by		INTEGER REFERENCES account (id) ON DELETE SET NULL,
	CHECK (expires_utc > created_utc)
);
CREATE INDEX invite_household ON invite (household_id);
