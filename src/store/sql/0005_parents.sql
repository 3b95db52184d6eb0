-- The parents' side: each adult's role and what they can give at night,
-- the household's protected-sleep target and crisis lines, the adults'
-- own records (care.h), and the rituals a couple chose.
--
-- The conventions of 0001_init.sql hold.  Besides:
--  - personal records belong to their author and are private unless the
--    author shares them (share: bit 1 partners, bit 2 a consultant); the
--    store filters every read by the reader (care.h), so the schema keeps
--    who wrote a record as a plain reference that deletes with them;
--  - one table holds every kind of personal record, each kind using the
--    columns it needs (care.h says which); a kind's rules live in
--    lull_personal_check(), run by the store inside the write;
--  - a screen keeps its answers ("0,1,3,..."): the total, band and
--    self-harm flag are derived from them and stored for listing only.
-- SPDX-License-Identifier: ISC

ALTER TABLE caregiver ADD COLUMN role TEXT NOT NULL DEFAULT 'parent'
	CHECK (role IN ('parent', 'helper', 'consultant'));
ALTER TABLE caregiver ADD COLUMN night_feeds TEXT NOT NULL DEFAULT 'bottle'
	CHECK (night_feeds IN ('bottle', 'breast', 'none'));
-- Bit 0 Monday .. bit 6 Sunday.
ALTER TABLE caregiver ADD COLUMN work_days INTEGER NOT NULL DEFAULT 0
	CHECK (work_days BETWEEN 0 AND 127);

-- NULL: the documented defaults (rota.h, screen.h).
ALTER TABLE household ADD COLUMN core_block_min INTEGER
	CHECK (core_block_min BETWEEN 180 AND 480);
ALTER TABLE household ADD COLUMN emergency TEXT;
ALTER TABLE household ADD COLUMN crisis_lines TEXT;

CREATE TABLE personal (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	household_id	INTEGER NOT NULL
			REFERENCES household (id) ON DELETE CASCADE,
	author_id	INTEGER NOT NULL
			REFERENCES caregiver (id) ON DELETE CASCADE,
	kind		TEXT NOT NULL CHECK (kind IN ('sleep', 'checkin',
	    'screen', 'couple', 'appreciation')),
	day		INTEGER NOT NULL,
	start_utc	INTEGER,
	end_utc		INTEGER,
	energy		INTEGER CHECK (energy BETWEEN 1 AND 5),
	mood		INTEGER CHECK (mood BETWEEN 1 AND 5),
	instrument	TEXT CHECK (instrument IN ('phq9', 'phq2', 'gad7',
	    'gad2')),
	answers		TEXT,
	total		INTEGER CHECK (total >= 0),
	band		TEXT,
	self_harm	INTEGER CHECK (self_harm IN (0, 1)),
	to_id		INTEGER REFERENCES caregiver (id) ON DELETE CASCADE,
	appreciation	TEXT,
	need		TEXT,
	repair		TEXT,
	connection	TEXT,
	note		TEXT,
	share		INTEGER NOT NULL DEFAULT 0 CHECK (share BETWEEN 0 AND 3),
	created_utc	INTEGER NOT NULL,
	created_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	updated_utc	INTEGER NOT NULL,
	updated_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	version		INTEGER NOT NULL CHECK (version >= 1),
	CHECK (end_utc IS NULL OR end_utc > start_utc),
	CHECK (kind <> 'appreciation' OR to_id IS NOT NULL)
);
CREATE INDEX personal_household_day ON personal (household_id, day);
-- One morning check-in per adult and day.
CREATE UNIQUE INDEX personal_one_checkin ON personal (author_id, day)
	WHERE kind = 'checkin';

CREATE TABLE ritual (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	household_id	INTEGER NOT NULL
			REFERENCES household (id) ON DELETE CASCADE,
	name		TEXT NOT NULL CHECK (name <> ''),
	every		TEXT NOT NULL CHECK (every IN ('daily', 'weekly')),
	weekday		INTEGER CHECK (weekday BETWEEN 0 AND 6),
	at_min		INTEGER CHECK (at_min BETWEEN 0 AND 1439),
	note		TEXT,
	created_utc	INTEGER NOT NULL,
	created_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	updated_utc	INTEGER NOT NULL,
	updated_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	version		INTEGER NOT NULL CHECK (version >= 1),
	UNIQUE (household_id, name),
	CHECK (every <> 'weekly' OR weekday IS NOT NULL)
);
