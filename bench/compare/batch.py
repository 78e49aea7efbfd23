#!/usr/bin/env python3
"""The job of `starrating batch DIR -o OUT` done the plain Python way, to measure StarRating against.

For every .yaml/.yml/.json file in DIR (sorted by name): load it (PyYAML's libyaml C loader, or json), score it
against the rubric with exact fractions (earned ÷ applicable × total − deductions + bonus, clamped, rounded half
away from zero; a finding on an indicator covers its items; the tier refused above the lowest one when there
are more special deductions than the rubric allows), write one HTML page with one table of the items (Jinja2,
autoescaped) per audit, and at the end one JSON summary of every audit (portfolio.json).

It checks nothing beyond what scoring needs (no schema, no located diagnostics, no cross-checks), renders a far
smaller page than StarRating's report, and uses one core: it is the floor a careful script-writer would reach,
not StarRating's feature set. Used by bench/run.sh; needs PyYAML with libyaml and Jinja2.

usage: batch.py RUBRIC.yaml DIR OUT
"""
import json
import os
import sys
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import jinja2
import yaml

LOADER = yaml.CSafeLoader  # the libyaml C loader; raises if PyYAML was built without it

PAGE = jinja2.Environment(autoescape=True, keep_trailing_newline=True).from_string("""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>售后服务评价报告 — {{ company }}</title></head>
<body>
<h1>{{ company }}</h1>
<p>{{ kind }} · {{ reference }} · 得分 {{ score }} / {{ total }} · {{ tier }}</p>
<table>
<thead><tr><th>编号</th><th>要求</th><th>结果</th><th>得分</th><th>分值</th><th>备注</th></tr></thead>
<tbody>
{%- for r in rows %}
<tr><td>{{ r.id }}</td><td>{{ r.requirement }}</td><td>{{ r.status }}</td><td>{{ r.earned }}</td><td>{{ r.points }}</td><td>{{ r.note }}</td></tr>
{%- endfor %}
</tbody>
</table>
<p>{{ conclusion }}</p>
</body></html>
""")


def load(path):
    with open(path, "rb") as f:
        if path.endswith(".json"):
            return json.load(f)
        return yaml.load(f, Loader=LOADER)


def fraction(value):
    return Fraction(str(value))  # str: exact decimal, never the float's binary value


def decimal_text(value):
    """A Fraction with a finite decimal expansion (rubric points) as the decimal people write: 1.5, 2."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return format(exact.normalize(), "f")


def round_away(value, decimals):
    """value (a Fraction) rounded half away from zero to `decimals` places."""
    quantum = Decimal(1).scaleb(-decimals)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(quantum, rounding=ROUND_HALF_UP)  # ROUND_HALF_UP is half away from zero in decimal


class Rubric:
    def __init__(self, path):
        doc = load(path)
        self.total = fraction(doc["total"])
        scoring = doc.get("scoring", {})
        self.decimals = scoring.get("decimals", 1)
        self.default_deduction = fraction(scoring.get("default_deduction", 1))
        self.max_bonus = fraction(scoring.get("max_bonus", 1))
        self.max_special = scoring.get("max_special_deductions")
        self.tiers = sorted(((fraction(t["min"]), t["label"]["zh"]) for t in doc["tiers"]), key=lambda t: t[0])
        self.items = []  # (item id, indicator id, points, requirement)
        for category in doc["categories"]:
            for indicator in category["indicators"]:
                for item in indicator["items"]:
                    self.items.append((str(item["id"]), str(indicator["id"]), fraction(item["points"]), item["requirement"]["zh"]))


STATUS = {"conforming": "符合", "partial": "部分符合", "nonconforming": "不符合", "not_applicable": "不适用", None: "未评价"}


def score(rubric, audit):
    by_item, by_indicator = {}, {}
    for finding in audit.get("findings") or []:
        if "item" in finding:
            by_item[str(finding["item"])] = finding
        else:
            by_indicator[str(finding["indicator"])] = finding
    earned = Fraction(0)
    applicable = Fraction(0)
    rows = []
    for item_id, indicator_id, points, requirement in rubric.items:
        finding = by_item.get(item_id) or by_indicator.get(indicator_id)
        result = None if finding is None else finding.get("result")
        if finding is not None and "sample" in finding:
            sample = finding["sample"]
            got = points * Fraction(sample["conforming"], sample["size"])
            result = "conforming" if sample["conforming"] == sample["size"] else "nonconforming" if sample["conforming"] == 0 else "partial"
        elif result == "conforming":
            got = points
        elif result == "partial":
            got = fraction(finding["points"])
        else:
            got = Fraction(0)
        if result != "not_applicable":
            applicable += points
        earned += got
        rows.append({"id": item_id, "requirement": requirement, "status": STATUS[result], "earned": round_away(got, 2),
                     "points": decimal_text(points), "note": "" if finding is None else finding.get("note", "")})
    adjustments = audit.get("adjustments") or {}
    deductions = [fraction(d["points"]) if "points" in d else rubric.default_deduction for d in adjustments.get("deductions") or []]
    bonuses = adjustments.get("bonus") or []
    bonuses = bonuses if isinstance(bonuses, list) else [bonuses]
    bonus = sum((fraction(b["points"]) if "points" in b else rubric.max_bonus for b in bonuses), Fraction(0))
    raw = earned / applicable * rubric.total - sum(deductions, Fraction(0)) + bonus
    final = round_away(min(max(raw, Fraction(0)), rubric.total), rubric.decimals)
    tier = [label for minimum, label in rubric.tiers if fraction(final) >= minimum][-1]
    if rubric.max_special is not None and len(deductions) > rubric.max_special:
        tier = rubric.tiers[0][1]
    return final, tier, rows


def main(rubric_path, folder, out):
    rubric = Rubric(rubric_path)
    os.makedirs(out, exist_ok=True)
    summary = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".yaml", ".yml", ".json")) or name.startswith("."):
            continue
        audit = load(os.path.join(folder, name))
        final, tier, rows = score(rubric, audit)
        company = audit["company"]["name"]
        page = PAGE.render(company=company, kind=audit["audit"]["kind"], reference=audit["audit"].get("reference", ""),
                           score=final, total=decimal_text(rubric.total), tier=tier, rows=rows, conclusion=audit.get("conclusion", ""))
        report = os.path.join(out, os.path.splitext(name)[0] + ".html")
        with open(report, "w", encoding="utf-8") as f:
            f.write(page)
        summary.append({"file": name, "company": company, "score": str(final), "tier": tier, "report": report})
    with open(os.path.join(out, "portfolio.json"), "w", encoding="utf-8") as f:
        json.dump({"audits": summary}, f, ensure_ascii=False, indent=2)
    print(f"{len(summary)} audits scored")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
