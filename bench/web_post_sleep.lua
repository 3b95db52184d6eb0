-- wrk script for bench/web.sh: POST a new sleep per request, a minute
-- long, in the empty years of the journal seeded with "seed_web PATH DAYS
-- write": write k goes on day k mod DAYS of that span, at SLOT*(k div
-- DAYS) seconds past its start, so no two overlap and each day gains a
-- sleep only after every other day has one.  Thread t of n takes
-- k = t, t+n, t+2n, ...
-- Environment: WRITE_FROM, WRITE_DAYS, WRITE_STEP, WRITE_LEN (from
-- seed_web), HID, CHILD, TOKEN, WRK_THREADS.
-- SPDX-License-Identifier: ISC

local from = tonumber(os.getenv("WRITE_FROM"))
local days = tonumber(os.getenv("WRITE_DAYS"))
local step = tonumber(os.getenv("WRITE_STEP"))
local len = tonumber(os.getenv("WRITE_LEN"))
local nthreads = tonumber(os.getenv("WRK_THREADS"))
local path = "/api/v1/households/" .. os.getenv("HID") .. "/sleeps"
local child = os.getenv("CHILD")
local headers = {
	["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
	["Content-Type"] = "application/json",
}

local next_id = 0
function setup(thread)
	thread:set("tid", next_id)
	next_id = next_id + 1
end

local n = 0
function request()
	local k = tid + n * nthreads
	n = n + 1
	-- Past the last slot of a day the slots come round again: the
	-- answers turn into 409s, which wrk counts as errors.
	local round = math.floor(k / days) % math.floor((86400 - len) / step)
	local a = from + (k % days) * 86400 + round * step
	local body = string.format(
	    '{"child_id":%s,"start":"%s","end":"%s","place":"own-room-cot"}',
	    child, os.date("!%Y-%m-%dT%H:%M:%SZ", a),
	    os.date("!%Y-%m-%dT%H:%M:%SZ", a + len))
	return wrk.format("POST", path, headers, body)
end
