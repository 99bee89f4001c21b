#!/usr/bin/env python3
"""Sums the durations of a JFR recording's blocking events (socket reads, parks) by the first
application frame of their stacks: where request threads wait. Usage:
  jfr-waits.py RECORDING.jfr [--events jdk.SocketRead,jdk.ThreadPark] [--start HH:MM:SS --end HH:MM:SS]"""
import argparse, collections, json, re, subprocess

def seconds(d):
    # JFR JSON durations look like "PT0.012345S"
    m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", d or "")
    return (int(m.group(1) or 0) * 60 + float(m.group(2))) if m else 0.0

def main():
    p = argparse.ArgumentParser()
    p.add_argument("recording")
    p.add_argument("--events", default="jdk.SocketRead,jdk.ThreadPark")
    p.add_argument("--start")
    p.add_argument("--end")
    p.add_argument("--top", type=int, default=15)
    a = p.parse_args()
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", a.events, a.recording],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    sums, counts = collections.Counter(), collections.Counter()
    for e in events:
        v = e["values"]
        t = v["startTime"][11:19]
        if (a.start and t < a.start) or (a.end and t > a.end):
            continue
        frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in (v.get("stackTrace") or {}).get("frames", [])]
        app = next((f for f in frames if f.startswith("org.opencpis")), None)
        # a JDBC call runs through Hikari proxies: only a park inside the pool is a wait for a connection
        pool = e["type"] == "jdk.ThreadPark" and any(f.startswith("com.zaxxer.hikari.pool.HikariPool.getConnection") for f in frames)
        key = e["type"] + "  " + (("pool wait in " if pool else "") + (app or (frames[0] if frames else "?")))
        sums[key] += seconds(v.get("duration"))
        counts[key] += 1
    for key, s in sums.most_common(a.top):
        print(f"{s:9.1f} s  {counts[key]:7d} events  {key}")

if __name__ == "__main__":
    main()
