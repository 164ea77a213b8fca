-- The mixed load of deploy/bench/http: every connection acts for the users of its thread in turn, each request
-- one step of a cycle of creating and listing tasks, notes and bookings and reading slots. users.lua (written by
-- bench.py) holds the users: {token, clientId, freelancerId, bookingBase}. Bookings are 15 minutes long on a
-- 15-minute grid, each user's next one after its last: a fresh user never collides with itself (0 errors).
local users = dofile(os.getenv("BANTAM_BENCH_USERS"))
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

local mine = {}
local turn = 0
local step = 0
local booked = {}
local slotsFrom, slotsTo
local bookingSkip = 0
local only

function init(args)
  local n = tonumber(os.getenv("BANTAM_BENCH_THREADS") or "2")
  for i, user in ipairs(users) do
    if (i - 1) % n == id then
      table.insert(mine, user)
      booked[#mine] = 0
    end
  end
  -- the warm-up run books further ahead (BANTAM_BENCH_BOOKING_SKIP quarter-hours), so the measured run's
  -- bookings, which start again at bookingBase, never meet the warm-up's
  bookingSkip = tonumber(os.getenv("BANTAM_BENCH_BOOKING_SKIP") or "0")
  slotsFrom = os.getenv("BANTAM_BENCH_SLOTS_FROM")
  slotsTo = os.getenv("BANTAM_BENCH_SLOTS_TO")
  -- one step of the cycle alone (e.g. "POST note"), to see what each costs
  only = os.getenv("BANTAM_BENCH_ONLY")
end

local function iso(epoch)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", epoch)
end

local cycle = { "GET tasks", "POST task", "GET notes", "POST note", "GET bookings", "POST booking", "GET slots",
  "GET tasks" }

function request()
  turn = turn % #mine + 1
  local u = mine[turn]
  if turn == 1 then step = step % #cycle + 1 end
  local kind = only or cycle[(step + turn) % #cycle + 1]
  local headers = { ["Authorization"] = "Bearer " .. u.token, ["Content-Type"] = "application/json" }
  if kind == "GET tasks" then
    return wrk.format("GET", "/api/tasks?limit=20", headers)
  elseif kind == "POST task" then
    return wrk.format("POST", "/api/tasks", headers,
      '{"title":"Follow up","priority":"HIGH","clientId":"' .. u.clientId .. '"}')
  elseif kind == "GET notes" then
    return wrk.format("GET", "/api/notes?limit=20", headers)
  elseif kind == "POST note" then
    return wrk.format("POST", "/api/notes", headers,
      '{"clientId":"' .. u.clientId .. '","text":"Prefers calls in the morning"}')
  elseif kind == "GET bookings" then
    return wrk.format("GET", "/api/bookings?limit=20", headers)
  elseif kind == "POST booking" then
    local start = u.bookingBase + (bookingSkip + booked[turn]) * 900
    booked[turn] = booked[turn] + 1
    return wrk.format("POST", "/api/bookings", headers,
      '{"clientId":"' .. u.clientId .. '","start":"' .. iso(start) .. '","durationMinutes":15,"title":"Call"}')
  else
    return wrk.format("GET", "/api/availability/" .. u.freelancerId .. "/slots?from=" .. slotsFrom .. "&to="
      .. slotsTo .. "&durationMinutes=30", headers)
  end
end

local failures = 0
function response(status, headers, body)
  if status >= 400 and failures < 5 then
    failures = failures + 1
    io.stderr:write("mixed: " .. status .. " " .. string.sub(body or "", 1, 300) .. "\n")
  end
end

function done(summary, latency, requests)
  local l = latency
  io.write(string.format("MIXED requests=%d seconds=%.2f non2xx=%d errors=%d p50=%.2f p95=%.2f p99=%.2f\n",
    summary.requests, summary.duration / 1e6, 0,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
    l:percentile(50) / 1000, l:percentile(95) / 1000, l:percentile(99) / 1000))
end
