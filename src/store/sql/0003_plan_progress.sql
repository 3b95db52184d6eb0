-- A plan's progress over its whole course, so that a ladder climbed and
-- descended again cannot hide a stall, a re-evaluation is not repeated
-- every morning, and a parent's resume is not overruled by a tag that was
-- already there when they resumed.
--  - best_step: the highest step reached; best_day: the morning it was
--    first reached (NULL: the plan's start);
--  - reeval_day: the morning of the last re-evaluation (NULL: none);
--  - resumed_day: the morning the parent last resumed (NULL: never).
-- SPDX-License-Identifier: ISC

ALTER TABLE plan ADD COLUMN best_step INTEGER NOT NULL DEFAULT 1
	CHECK (best_step >= 1);
ALTER TABLE plan ADD COLUMN best_day INTEGER;
ALTER TABLE plan ADD COLUMN reeval_day INTEGER;
ALTER TABLE plan ADD COLUMN resumed_day INTEGER;
