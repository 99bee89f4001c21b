-- wrk script of the CP-IS query benchmark: GET /FHIR/R4/CareTeam for a random one of the seeded
-- people (BENCH_PERSONS), as an unscheduled B0107 access (BENCH_TOKEN), with a fresh UUID
-- X-Request-ID per request. NHS numbers are bench.nhs(j) of bench/sql/functions.sql.
local persons = tonumber(os.getenv("BENCH_PERSONS") or "240000")
local token = os.getenv("BENCH_TOKEN") or error("BENCH_TOKEN is not set")
local threads = 0
-- BENCH_PAUSE_MS > 0: each connection waits that long after a response before its next request.
local pause = tonumber(os.getenv("BENCH_PAUSE_MS") or "0")
if pause > 0 then
    delay = function()
        return pause
    end
end

function setup(thread)
    thread:set("tid", threads)
    threads = threads + 1
end

function init(args)
    math.randomseed(os.time() + 7919 * (tid or 0))
end

local function nhs(j)
    local q = 900000000 + 10 * j
    local s, x = 0, q
    for w = 2, 10 do
        s = s + (x % 10) * w
        x = math.floor(x / 10)
    end
    if s % 11 == 1 then
        q, s = q + 1, s + 2
    end
    return string.format("%.0f", q * 10 + (11 - s % 11) % 11)
end

local function hex16()
    return string.format("%04x", math.random(0, 65535))
end

local function uuid()
    return hex16() .. hex16() .. "-" .. hex16() .. "-4" .. string.sub(hex16(), 2) .. "-"
        .. string.format("%04x", 32768 + math.random(0, 16383)) .. "-" .. hex16() .. hex16() .. hex16()
end

request = function()
    local path = "/FHIR/R4/CareTeam?patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C" .. nhs(math.random(0, persons - 1))
    return wrk.format("GET", path, {
        ["Authorization"] = "Bearer " .. token,
        ["X-Request-ID"] = uuid(),
        ["Accept"] = "application/fhir+json",
    })
end
