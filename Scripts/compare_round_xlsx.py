#!/usr/bin/env python3
"""Checks an output folder's round.xlsx against the folder's CSV files, with two independent
readers: openpyxl and LibreOffice (soffice --convert-to csv, every sheet).

Usage: compare_round_xlsx.py FOLDER

For each sheet whose CSV file is in the folder (Pairings: pairings.csv, Unmatched, Sessions,
Unscheduled, Changes, Strategies: bench.csv, What-if: whatif.csv, Pairings <strategy>:
pairings-<strategy>.csv), every cell must agree:
- text equal, after the CSV writer's leading `'` before formula-like text is taken off;
- numbers equal as numbers (the CSV file may use a decimal comma; the cell must be a number);
- session times: the CSV's `YYYY-MM-DDTHH:MM:SS+hh:mm` is the sheet's local date and time
  (a workbook has no time zones), as a date-time cell.
The CSV files are read in their own dialect (byte order mark, `,` or `;`). Prints
`ok: N sheets, M cells` or the differences (exit 1). Needs openpyxl and LibreOffice Calc.
"""
import csv
import datetime
import glob
import os
import re
import subprocess
import sys
import tempfile

try:
    import openpyxl
except ImportError:
    sys.stderr.write("compare_round_xlsx.py needs openpyxl: pip install openpyxl\n")
    sys.exit(2)

SHEETS = {"pairings.csv": "Pairings", "unmatched.csv": "Unmatched", "sessions.csv": "Sessions",
          "unscheduled.csv": "Unscheduled", "changes.csv": "Changes", "bench.csv": "Strategies",
          "whatif.csv": "What-if"}
DATETIME = re.compile(r"^(\d{4}-\d\d-\d\d)T(\d\d:\d\d):00(?:[+-]\d\d:\d\d|Z)$")
NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        text = handle.read()
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return list(csv.reader(text.splitlines(keepends=True), delimiter=delimiter)), delimiter


def restored(text):
    stripped = text.lstrip("'")
    if text.startswith("'") and stripped.startswith(FORMULA_START) and not NUMBER.match(stripped):
        return text[1:]
    return text


def expected_cell(text, decimal_comma):
    """What the workbook must hold for a CSV cell: ("n", float), ("d", "YYYY-MM-DD HH:MM"), ("s", text) or None."""
    if text == "":
        return None
    match = DATETIME.match(text)
    if match:
        return ("d", f"{match.group(1)} {match.group(2)}")
    plain = text.replace(",", ".") if decimal_comma else text
    if NUMBER.match(plain) and not (decimal_comma and "." in text):
        return ("n", float(plain))
    return ("s", restored(text))


def agree(expected, got_type, got):
    if expected is None:
        return got in (None, "")
    kind, value = expected
    if kind == "n":
        # An id made of digits is text in the workbook (written by its exporter as text): compare as text.
        try:
            return abs(float(got) - value) <= abs(value) * 1e-12
        except (TypeError, ValueError):
            return False
    if kind == "d":
        return got_type == "d" and got == value
    return str(got) == value


def openpyxl_cells(path):
    workbook = openpyxl.load_workbook(path)
    sheets = {}
    for sheet in workbook.worksheets:
        rows = []
        for row in sheet.iter_rows():
            cells = []
            for cell in row:
                value = cell.value
                if cell.data_type == "f":
                    raise SystemExit(f"{sheet.title}!{cell.coordinate}: a formula cell")
                if isinstance(value, datetime.datetime):
                    value = (value + datetime.timedelta(seconds=30)).strftime("%Y-%m-%d %H:%M")
                    cells.append(("d", value))
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    cells.append(("n", value))
                else:
                    cells.append(("s", value))
            rows.append(cells)
        sheets[sheet.title] = rows
    return sheets


def libreoffice_cells(path, folder):
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", folder, path], check=True, capture_output=True)
    stem = os.path.splitext(os.path.basename(path))[0]
    sheets = {}
    for exported in glob.glob(os.path.join(folder, stem + "-*.csv")):
        name = os.path.basename(exported)[len(stem) + 1:-4]
        with open(exported, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        converted = []
        for row in rows:
            cells = []
            for text in row:
                if re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", text):
                    cells.append(("d", text[:16]))
                else:
                    cells.append(("s", text))
            converted.append(cells)
        sheets[name] = converted
    return sheets


def main():
    folder = sys.argv[1]
    workbook = os.path.join(folder, "round.xlsx")
    problems, cells, checked = [], 0, 0
    readers = {"openpyxl": openpyxl_cells(workbook)}
    with tempfile.TemporaryDirectory() as scratch:
        readers["LibreOffice"] = libreoffice_cells(workbook, scratch)
        shown = dict(SHEETS)
        for path in sorted(glob.glob(os.path.join(folder, "pairings-*.csv"))):
            strategy = os.path.basename(path)[len("pairings-"):-4]
            shown[os.path.basename(path)] = "Pairings " + strategy
        for file, sheet in shown.items():
            path = os.path.join(folder, file)
            if not os.path.exists(path):
                continue
            rows, delimiter = read_csv(path)
            checked += 1
            for reader, sheets in readers.items():
                if sheet not in sheets:
                    problems.append(f"{reader}: no sheet {sheet!r} for {file}")
                    continue
                got_rows = sheets[sheet]
                if len(got_rows) != len(rows):
                    problems.append(f"{reader}: {sheet} has {len(got_rows)} rows, {file} {len(rows)}")
                for number, (row, got) in enumerate(zip(rows, got_rows), start=1):
                    for column, text in enumerate(row):
                        expected = ("s", text) if number == 1 else expected_cell(text, delimiter == ";")
                        got_type, got_value = got[column] if column < len(got) else (None, None)
                        if reader == "LibreOffice" and expected and expected[0] == "s":
                            # LibreOffice writes a line break inside a cell as LF.
                            got_value = (got_value or "").replace("\r\n", "\n")
                        if not agree(expected, got_type, got_value):
                            problems.append(f"{reader}: {sheet} row {number} column {column + 1}: {got_value!r} for {text!r}")
                        cells += 1
    if problems:
        sys.stderr.write("\n".join(problems[:40]) + "\n")
        sys.exit(1)
    print(f"ok: {checked} sheets, {cells} cells")


if __name__ == "__main__":
    main()
