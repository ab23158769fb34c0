#!/usr/bin/env python3
"""Writes Content/gebieden/cbs-gebieden.kompas from the TSV files in this folder.

Run from the repository root:  python3 data/gemeenten/maak-inhoud.py
The TSV files and SOURCES.md say where every code and name comes from.
"""
import csv, os

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))

def rows(name):
    with open(os.path.join(here, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))

def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

labels = {r["code"]: r["statline_label"] for r in rows("statline-labels.tsv")}
out = [
    "# Gebieden met hun CBS-codes en namen: Nederland, de provincies, de gemeenten en de gemeenten die",
    "# sinds 2018 zijn opgegaan in een andere. Gemaakt met data/gemeenten/maak-inhoud.py uit de bestanden",
    "# in data/gemeenten/ (zie SOURCES.md daar). Eigen gebieden (wijken, regio's) kunnen in een eigen",
    "# inhoudsmap: zie docs/inhoud.md.",
    "",
    "gebieden cbs-gebieden {",
    '  titel "Gemeenten, provincies en Nederland met hun CBS-codes (gemeentelijke indeling 2023, ongewijzigd in 2024 en 2025)"',
    '  bron "CBS, Gemeenten alfabetisch 2023 (gemeentelijke indeling op 1 januari 2023); namen in StatLine-downloads uit de CBS/RDW-maatwerktabel autobezit per gemeente 2023; herindelingen 2018-2023 volgens de CBS-overzichten van gemeentelijke indelingen"',
    "  geldig 2025",
    "",
]
for r in rows("landelijk.tsv"):
    out.append(f"  land {r['code']} {q(r['naam'])}")
out.append("")
for r in rows("provincies.tsv"):
    out.append(f"  provincie {r['code']} {q(r['naam'])} label={q(r['naam'] + ' (PV)')}")
out.append("")
# Names people use for a gemeente next to the CBS name.
ook = {"GM0518": ["Den Haag"], "GM0796": ["Den Bosch"]}
for r in rows("gemeenten.tsv"):
    label = labels.get(r["code"], r["naam"])
    extra = f" label={q(label)}" if label != r["naam"] else ""
    if r["code"] in ook:
        extra += " ook=[" + ", ".join(q(n) for n in ook[r["code"]]) + "]"
    out.append(f"  gemeente {r['code']} {q(r['naam'])} provincie={r['provinciecode']}{extra}")
out.append("")
merged = {}
for r in rows("samenvoegingen.tsv"):
    merged.setdefault((r["oude_code"], r["oude_naam"], r["jaar"]), []).append(r["nieuwe_code"])
for (code, naam, jaar), successors in sorted(merged.items()):
    out.append(f"  opgeheven {code} {q(naam)} jaar={jaar} in=[{', '.join(q(s) for s in successors)}]")
out.append("}")
path = os.path.join(root, "Content", "gebieden", "cbs-gebieden.kompas")
with open(path, "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
print(path)
