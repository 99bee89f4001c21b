#!/usr/bin/env python3
"""Writes the upload benchmark's files for one LA: the upload file (CONTRACT §7 JSON) and the same
rows in the column order of protection_record for psql \\copy (CSV). Usage:
  upload-files.py RECORDS LA_ODS JSON_OUT COPY_CSV_OUT
Records as bench/sql/seed-records.sql makes them (NHS numbers bench.nhs(j), 50% CPP, 40% LAC with
S31, 10% UCPP, every 20th ended 10 days ago), one per person."""
import csv, datetime, json, sys, uuid

def nhs(j):
    q = 900000000 + 10 * j
    s, x = 0, q
    for w in range(2, 11):
        s += (x % 10) * w
        x //= 10
    if s % 11 == 1:
        q, s = q + 1, s + 2
    return str(q * 10 + (11 - s % 11) % 11)

def main():
    records, la, json_out, copy_out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    today = datetime.date.today()
    with open(json_out, "w") as js, open(copy_out, "w", newline="") as cp:
        out = csv.writer(cp)
        js.write('{"sequenceNumber": 1, "records": [\n')
        for j in range(records):
            plan = "CPP" if j % 10 < 5 else "LAC" if j % 10 < 9 else "UCPP"
            start = datetime.date(2025, 1, 1) + datetime.timedelta(days=j % 300)
            end = today - datetime.timedelta(days=10) if j % 20 == 0 else None
            dob = datetime.date(2012, 1, 1) + datetime.timedelta(days=j % 4000)
            given = ["Child", "J%d" % j]
            record = {"nhsNumber": nhs(j), "planType": plan, "startDate": start.isoformat(),
                      "familyName": "Bench", "givenNames": given, "dateOfBirth": dob.isoformat(), "localId": "L%d" % j}
            if end:
                record["endDate"] = end.isoformat()
            if plan == "LAC":
                record["lacLegalStatus"] = "S31"
            js.write(("," if j else "") + json.dumps(record, separators=(",", ":")) + "\n")
            delete = end + datetime.timedelta(days=28 if plan == "UCPP" else 364) if end else None
            out.writerow([uuid.uuid4(), la, nhs(j), plan, start, end or "", "", "Bench", "{Child,J%d}" % j, dob,
                          "L%d" % j, "S31" if plan == "LAC" else "", "", "", "", "", delete or ""])
        js.write("]}\n")

if __name__ == "__main__":
    main()
