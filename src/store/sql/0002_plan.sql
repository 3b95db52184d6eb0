-- Plans: per child, the gentle plan the family follows (the intake
-- profile it was built from, its method, where it stands) and its history
-- of morning decisions and parent's moves.
--
-- The conventions of 0001_init.sql hold (enumerations by their stable
-- names from plan.h, local dates as civil day numbers, NULL for "not
-- set", meta columns on every record).  Besides:
--  - the profile is kept as JSON text, so a plan can be rebuilt exactly
--    as it was made, even after the engine's tables change;
--  - at most one plan per child is active: a partial unique index, so the
--    rule holds whoever writes, and the store flips the old one off in
--    the same transaction that adds the new one;
--  - the history is append-only: triggers refuse changes to an event's
--    content and deleting one while its plan exists.  Deleting the plan
--    (with its child) takes the events with it; a caregiver who leaves
--    only becomes NULL in created_by/updated_by, as everywhere else.
--    The triggers are SQLite's syntax; a PostgreSQL copy needs a trigger
--    function doing the same.
-- SPDX-License-Identifier: ISC

CREATE TABLE plan (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	child_id	INTEGER NOT NULL
			REFERENCES child (id) ON DELETE CASCADE,
	profile_json	TEXT NOT NULL CHECK (profile_json <> ''),
	method		TEXT NOT NULL CHECK (method IN ('M0', 'M1', 'M2',
	    'M3', 'M4', 'M5', 'M6', 'M7', 'M8')),
	started_day	INTEGER NOT NULL,
	step		INTEGER NOT NULL CHECK (step >= 1),
	step_since_day	INTEGER NOT NULL,
	paused		INTEGER NOT NULL CHECK (paused IN (0, 1)),
	paused_since_day INTEGER, -- NULL: never paused
	pause_by_parent	INTEGER NOT NULL CHECK (pause_by_parent IN (0, 1)),
	slow		INTEGER NOT NULL CHECK (slow >= 0),
	active		INTEGER NOT NULL CHECK (active IN (0, 1)),
	created_utc	INTEGER NOT NULL,
	created_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	updated_utc	INTEGER NOT NULL,
	updated_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	version		INTEGER NOT NULL CHECK (version >= 1),
	CHECK (step_since_day >= started_day),
	CHECK (paused = 0 OR paused_since_day IS NOT NULL)
);
CREATE INDEX plan_child ON plan (child_id, id);
CREATE UNIQUE INDEX plan_one_active ON plan (child_id) WHERE active = 1;

CREATE TABLE plan_event (
	id		INTEGER PRIMARY KEY AUTOINCREMENT,
	plan_id		INTEGER NOT NULL
			REFERENCES plan (id) ON DELETE CASCADE,
	day		INTEGER NOT NULL, -- the morning it was made
	verdict		TEXT NOT NULL CHECK (verdict IN ('advance', 'hold',
	    'step_back', 'pause', 'resume', 'reevaluate', 'done',
	    'override', 'slow')),
	-- 0 where the plan has no ladder (foundations).
	step_from	INTEGER NOT NULL CHECK (step_from >= 0),
	step_to		INTEGER NOT NULL CHECK (step_to >= 0),
	evidence	TEXT NOT NULL CHECK (evidence IN ('guideline', 'trial',
	    'observational', 'convention', 'policy')),
	by_parent	INTEGER NOT NULL CHECK (by_parent IN (0, 1)),
	reason		TEXT NOT NULL CHECK (reason <> ''),
	source		TEXT,
	created_utc	INTEGER NOT NULL,
	created_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	updated_utc	INTEGER NOT NULL,
	updated_by	INTEGER REFERENCES caregiver (id) ON DELETE SET NULL,
	version		INTEGER NOT NULL CHECK (version >= 1)
);
CREATE INDEX plan_event_plan ON plan_event (plan_id, id);

CREATE TRIGGER plan_event_append_only
BEFORE UPDATE OF plan_id, day, verdict, step_from, step_to, evidence,
    by_parent, reason, source, created_utc, updated_utc, version
ON plan_event
BEGIN
	SELECT RAISE(ABORT, 'plan history is append-only');
END;

-- While the plan exists its events stay; once it is gone (the child was
-- deleted) the cascade removes them.
CREATE TRIGGER plan_event_no_delete
BEFORE DELETE ON plan_event
WHEN EXISTS (SELECT 1 FROM plan WHERE id = OLD.plan_id)
BEGIN
	SELECT RAISE(ABORT, 'plan history is append-only');
END;
