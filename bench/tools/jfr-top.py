#!/usr/bin/env python3
"""Summarises a JFR recording's execution samples: top self frames, and the share of samples whose
stack passes through given classes or packages (inclusive). Usage:
  jfr-top.py RECORDING.jfr [--event jdk.ExecutionSample] [--top 25] [--start HH:MM:SS --end HH:MM:SS]
Needs the JDK's `jfr` tool on the PATH."""
import argparse, collections, json, subprocess, sys

INCLUSIVE = [
    ("HTTP server (Netty, Micronaut routing and filters)", ("io.netty.", "io.micronaut.http.")),
    ("JWT verification (Nimbus, Micronaut security)", ("com.nimbusds.", "io.micronaut.security.")),
    ("FHIR serialisation (HAPI)", ("ca.uhn.fhir.", "org.hl7.fhir.")),
    ("JDBC driver (pgjdbc)", ("org.postgresql.",)),
    ("connection pool (Hikari)", ("com.zaxxer.hikari.",)),
    ("transactions (Micronaut data/tx)", ("io.micronaut.transaction.", "io.micronaut.data.")),
    ("audit hash chain (AuditChain, SHA-256)", ("org.opencpis.domain.audit.AuditChain", "sun.security.provider.SHA2")),
    ("audit trail adapter (JdbcAuditTrail)", ("org.opencpis.adapters.persistence.audit.",)),
    ("organisation lookups (JdbcOrganisations)", ("org.opencpis.adapters.persistence.organisation.",)),
    ("record reads (JdbcProtectionRecords)", ("org.opencpis.adapters.persistence.plan.",)),
    ("access events / outbox (alert adapters)", ("org.opencpis.adapters.persistence.alert.",)),
    ("upload processing (application.upload)", ("org.opencpis.application.upload.",)),
    ("upload parsing (adapters.spine.upload)", ("org.opencpis.adapters.spine.upload.",)),
    ("PDS stub", ("org.opencpis.adapters.spine.pds.",)),
    ("notification relay / MESH", ("org.opencpis.application.alert.service.NotificationRelay", "org.opencpis.adapters.spine.mesh.", "org.opencpis.adapters.spine.messaging.")),
    ("logging (logback)", ("ch.qos.logback.",)),
    ("JSON (Jackson)", ("com.fasterxml.jackson.",)),
]

def frames_of(event):
    stack = event.get("values", {}).get("stackTrace") or {}
    for f in stack.get("frames", []) or []:
        m = f.get("method", {})
        t = m.get("type", {}).get("name", "?")
        yield t.replace("/", ".") + "." + m.get("name", "?")

def main():
    p = argparse.ArgumentParser()
    p.add_argument("recording")
    p.add_argument("--event", default="jdk.ExecutionSample")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--start")
    p.add_argument("--end")
    a = p.parse_args()
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", a.event, a.recording],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    if a.start or a.end:
        def t(e):
            return e["values"]["startTime"][11:19]
        events = [e for e in events if (not a.start or t(e) >= a.start) and (not a.end or t(e) <= a.end)]
    total = len(events)
    if not total:
        print("no samples"); return
    selfc, incl = collections.Counter(), collections.Counter()
    for e in events:
        frames = list(frames_of(e))
        if frames:
            selfc[frames[0]] += 1
        seen = set()
        for label, prefixes in INCLUSIVE:
            if any(fr.startswith(prefixes) for fr in frames):
                seen.add(label)
        for label in seen:
            incl[label] += 1
    print(f"{total} samples of {a.event}")
    print("\ninclusive (stack passes through):")
    for label, c in incl.most_common():
        print(f"  {100.0 * c / total:5.1f}%  {label}")
    print(f"\ntop {a.top} self frames:")
    for fr, c in selfc.most_common(a.top):
        print(f"  {100.0 * c / total:5.1f}%  {fr}")

if __name__ == "__main__":
    main()
