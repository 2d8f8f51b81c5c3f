#!/usr/bin/python3
"""The peer a Python user would reach for: dateparser's search_dates on the time test set.

Run with Debian's python (apt-get install python3-dateparser):
    /usr/bin/python3 scripts/compare-dateparser.py test/data/times/times.jsonl > /tmp/dateparser.json
    node bin/rasd.js eval times test/data/times/times.jsonl --predictions /tmp/dateparser.json

For every item: search_dates(text, languages=['ar'], settings={'RELATIVE_BASE': dct}). Each found
substring is located in the text (left to right) and given a TIMEX3-like value: the date it returned
("YYYY-MM-DD", with "THH:MM" when the time is not midnight); dateparser has no notion of granularity,
durations or sets, so everything is a DATE or TIME. Writes {id: [{start, end, text, value, type}]}.
"""
import json
import sys
from datetime import datetime

from dateparser.search import search_dates


def main(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        item = json.loads(line)
        text = item["text"]
        settings = {}
        if item.get("dct"):
            settings["RELATIVE_BASE"] = datetime.strptime(item["dct"], "%Y-%m-%d")
        try:
            found = search_dates(text, languages=["ar"], settings=settings) or []
        except Exception as e:  # dateparser raises on some inputs; count them as finding nothing
            print(f"{item['id']}: {e!r}", file=sys.stderr)
            found = []
        preds, frm = [], 0
        for sub, dt in found:
            s = text.find(sub, frm)
            if s < 0:
                s = text.find(sub)
            if s < 0:
                continue
            frm = s + len(sub)
            timed = (dt.hour, dt.minute) != (0, 0)
            value = dt.strftime("%Y-%m-%d") + (dt.strftime("T%H:%M") if timed else "")
            preds.append({"start": s, "end": s + len(sub), "text": sub, "value": value, "type": "TIME" if timed else "DATE"})
        out[item["id"]] = preds
    json.dump(out, sys.stdout, ensure_ascii=False, indent=0)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "test/data/times/times.jsonl")
