-- wrk script for POST /api/public/reports: counts 201 and other statuses per thread, sums them at the end.
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  sent = 0
  created = 0
  other = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = '{"channelCode":"' .. os.getenv("CHANNEL") .. '","category":"MASSES","content":"压测：村干部在低保评定中优亲厚友，请巡察组核实。","anonymous":true}'
end
-- counts what was sent, so that requests still in flight when wrk stops are accounted for
function request()
  sent = sent + 1
  return wrk.format()
end
function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local c, o, s = 0, 0, 0
  for _, t in ipairs(threads) do
    s = s + t:get("sent")
    c = c + t:get("created")
    o = o + t:get("other")
  end
  io.write(string.format("requests sent: %d (still in flight at the end: %d)\n", s, s - c - o))
  io.write(string.format("201 responses: %d, other responses: %d, socket errors: connect %d read %d write %d timeout %d\n",
    c, o, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("accepted/s: %.1f  p50 %.2f ms  p99 %.2f ms  max %.2f ms\n",
    c / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
