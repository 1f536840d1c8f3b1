-- wrk script: replays pre-signed requests, each nonce once; threads take interleaved lines.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file, path, key, total = args[1], args[2], args[3], tonumber(args[4])
  requests = {}
  local n = 0
  for line in io.lines(file) do
    if n % total == id then
      local ts, nonce, sig = line:match("(%S+) (%S+) (%S+)")
      requests[#requests + 1] = wrk.format("GET", path,
        { ["X-App-Key"] = key, ["X-Timestamp"] = ts, ["X-Nonce"] = nonce, ["X-Signature"] = sig })
    end
    n = n + 1
  end
  index = 0
end

function request()
  index = index + 1
  if index > #requests then index = 1 end
  return requests[index]
end
