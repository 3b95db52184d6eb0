-- The journal's first schema: households with their caregivers and
-- children, and per child the sleeps (with their night wakings), feeds and
-- context tags.
--
-- Conventions, kept portable so that a PostgreSQL copy differs only in
-- the id columns (BIGINT GENERATED ALWAYS AS IDENTITY) and INTEGER ->
-- BIGINT for instants:
--  - instants are INTEGER seconds since the epoch, UTC; NULL = not set
--    (LULL_NO_TIME), e.g. the end of an ongoing sleep;
--  - local dates are civil day numbers (days since 1970-01-01);
--  - optional counts (minutes, ml, yes/no) are NULL when unknown;
--  - enumerations are stored as their stable names from model.h, so the
--    database reads the same as the JSON export and survives reordering;
--  - caregiver references are NULL when nobody was recorded, and become
--    NULL when that caregiver is deleted: the entry stays, unattributed;
--  - every record carries who created and last changed it, when, and a
--    version that starts at 1 and grows by one on each update (the
--    store compares it to refuse lost updates).
-- Ids use AUTOINCREMENT so that an id is never handed out twice: a stale
-- client holding "sleep 12" must not reach a newer, unrelated sleep 12.
-- The migration runner records this file's version itself.
-- SPDX-License-Identifier: ISC

CREATE TABLE household (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	name		TEXT NOT NULL CHECK (name <> ''),
	tz		TEXT NOT NULL CHECK (tz <> ''),
	created_utc	INTEGER NOT NULL,
	-- Not a foreign key: caregivers live inside a household, so the
	-- first one is created after it.
	created_by	INTEGER,
	updated_utc	INTEGER NOT NULL,
	updated_by	INTEGER,
	version		INTEGER NOT NULL CHECK (version >= 1)
);

CREATE TABLE caregiver (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	household_id	INTEGER NOT NULL
			REFERENCES household (id) ON DELETE CASCADE,
	name		TEXT NOT NULL CHECK (name <> ''),
	created_utc	INTEGER NOT NULL,
	created_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	updated_utc	INTEGER NOT NULL,
	updated_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	version		INTEGER NOT NULL CHECK (version >= 1),
	UNIQUE (household_id, name)
);

CREATE TABLE child (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	household_id	INTEGER NOT NULL
			REFERENCES household (id) ON DELETE CASCADE,
	name		TEXT NOT NULL CHECK (name <> ''),
	born_day	INTEGER NOT NULL,
	due_day		INTEGER, -- NULL: no due date given
	created_utc	INTEGER NOT NULL,
	created_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	updated_utc	INTEGER NOT NULL,
	updated_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	version		INTEGER NOT NULL CHECK (version >= 1),
	UNIQUE (household_id, name)
);

CREATE TABLE sleep (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	child_id	INTEGER NOT NULL
			REFERENCES child (id) ON DELETE CASCADE,
	start_utc	INTEGER NOT NULL,
	end_utc		INTEGER, -- NULL while the sleep is going on
	kind		TEXT NOT NULL CHECK (kind IN ('nap', 'night')),
	kind_given	INTEGER NOT NULL CHECK (kind_given IN (0, 1)),
	-- A set: the names in enum order, comma-joined, '' when empty.
	-- Removing every known name (each with its commas) must leave
	-- nothing but the comma framing it.
	onset		TEXT NOT NULL DEFAULT '' CHECK (onset = '' OR
	    replace(replace(replace(replace(replace(replace(replace(
	    replace(replace(replace(replace(replace(',' || onset || ',',
	    ',fed,', ','), ',rocked,', ','), ',held,', ','),
	    ',pacifier,', ','), ',bed-with-parent,', ','),
	    ',beside-parent,', ','), ',patted,', ','), ',on-own,', ','),
	    ',car,', ','), ',stroller,', ','), ',worn,', ','),
	    ',other,', ',') = ','),
	place		TEXT NOT NULL CHECK (place IN ('unknown',
	    'own-room-cot', 'parents-room-cot', 'sidecar', 'parents-bed',
	    'arms', 'pram', 'car-seat', 'carrier', 'sofa', 'other')),
	settled_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	latency_min	INTEGER CHECK (latency_min >= 0),
	crying_min	INTEGER CHECK (crying_min >= 0),
	routine		INTEGER CHECK (routine IN (0, 1)),
	note		TEXT,
	created_utc	INTEGER NOT NULL,
	created_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	updated_utc	INTEGER NOT NULL,
	updated_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	version		INTEGER NOT NULL CHECK (version >= 1),
	CHECK (end_utc IS NULL OR end_utc > start_utc)
);
CREATE INDEX sleep_child_start ON sleep (child_id, start_utc);

CREATE TABLE waking (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	sleep_id	INTEGER NOT NULL
			REFERENCES sleep (id) ON DELETE CASCADE,
	start_utc	INTEGER NOT NULL,
	end_utc		INTEGER, -- NULL while the child is still awake
	response	TEXT NOT NULL CHECK (response IN ('unknown', 'none',
	    'presence', 'voice', 'pat', 'hold', 'rock', 'feed', 'pacifier',
	    'brought-to-bed', 'other')),
	caregiver_id	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	note		TEXT,
	created_utc	INTEGER NOT NULL,
	created_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	updated_utc	INTEGER NOT NULL,
	updated_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	version		INTEGER NOT NULL CHECK (version >= 1),
	CHECK (end_utc IS NULL OR end_utc > start_utc)
);
CREATE INDEX waking_sleep_start ON waking (sleep_id, start_utc);

CREATE TABLE feed (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	child_id	INTEGER NOT NULL
			REFERENCES child (id) ON DELETE CASCADE,
	start_utc	INTEGER NOT NULL,
	end_utc		INTEGER, -- NULL when only the start is known
	kind		TEXT NOT NULL CHECK (kind IN ('breast', 'bottle',
	    'solids')),
	side		TEXT NOT NULL CHECK (side IN ('none', 'left', 'right',
	    'both')),
	amount_ml	INTEGER CHECK (amount_ml >= 0),
	note		TEXT,
	created_utc	INTEGER NOT NULL,
	created_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	updated_utc	INTEGER NOT NULL,
	updated_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	version		INTEGER NOT NULL CHECK (version >= 1),
	CHECK (end_utc IS NULL OR end_utc > start_utc)
);
CREATE INDEX feed_child_start ON feed (child_id, start_utc);

CREATE TABLE tag (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	child_id	INTEGER NOT NULL
			REFERENCES child (id) ON DELETE CASCADE,
	kind		TEXT NOT NULL CHECK (kind IN ('ill', 'teething',
	    'travel', 'milestone', 'childcare', 'vaccination', 'other')),
	from_day	INTEGER NOT NULL,
	to_day		INTEGER NOT NULL,
	note		TEXT,
	created_utc	INTEGER NOT NULL,
	created_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	updated_utc	INTEGER NOT NULL,
	updated_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	version		INTEGER NOT NULL CHECK (version >= 1),
	CHECK (to_day >= from_day)
);
CREATE INDEX tag_child_from ON tag (child_id, from_day);
