-- Ongoing sleeps, found without reading a child's whole history: range
-- queries bound finished sleeps by their longest possible length and
-- take ongoing ones (few, usually none) from this partial index.
-- SPDX-License-Identifier: ISC

CREATE INDEX sleep_ongoing ON sleep (child_id) WHERE end_utc IS NULL;
