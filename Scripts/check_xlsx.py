#!/usr/bin/env python3
"""Reads a Kapstok workbook with openpyxl (an independent reader) and checks its shape.

Usage: check_xlsx.py WORKBOOK.xlsx

Asserts, per sheet: every header cell bold, the pane frozen below row 1 (freeze_panes "A2"),
an autofilter on the header row, no formula cell (data_type 'f'). Prints JSON on stdout:
[{"name": sheet, "rows": [[cell, ...], ...]}] where a cell is null (no cell), ["s", text],
["n", repr(number), number_format] (text: JSON readers may round) or ["d", "YYYY-MM-DDTHH:MM", number_format] (date-times are
rounded to the minute). Text is as openpyxl gives it: it
decodes only `_x005F_` (a literal `_xHHHH_` reads back right) and leaves the `_xHHHH_` escapes of
control characters as they are. Exit status 1 with the problems on stderr when a check fails.
"""
import datetime
import json
import sys

try:
    import openpyxl
except ImportError:
    sys.stderr.write("check_xlsx.py needs openpyxl: pip install openpyxl\n")
    sys.exit(2)


def cell_value(cell, problems, where):
    if cell.value is None:
        return None
    if cell.data_type == "f":
        problems.append(f"{where}: formula cell")
    value = cell.value
    if isinstance(value, datetime.datetime):
        rounded = value + datetime.timedelta(seconds=30)
        return ["d", rounded.strftime("%Y-%m-%dT%H:%M"), cell.number_format]
    if isinstance(value, datetime.date):
        return ["d", value.strftime("%Y-%m-%dT00:00"), cell.number_format]
    if isinstance(value, bool):
        problems.append(f"{where}: boolean cell")
        return ["s", str(value)]
    if isinstance(value, (int, float)):
        return ["n", repr(float(value)), cell.number_format]
    return ["s", value]


def main():
    workbook = openpyxl.load_workbook(sys.argv[1])
    problems = []
    sheets = []
    for sheet in workbook.worksheets:
        name = sheet.title
        if sheet.freeze_panes != "A2":
            problems.append(f"{name}: freeze_panes is {sheet.freeze_panes!r}, not 'A2'")
        if sheet.max_column >= 1 and sheet["A1"].value is not None and not sheet.auto_filter.ref:
            problems.append(f"{name}: no autofilter")
        rows = []
        for row in sheet.iter_rows():
            values = []
            for cell in row:
                where = f"{name}!{cell.coordinate}"
                if cell.row == 1 and cell.value is not None and not cell.font.b:
                    problems.append(f"{where}: header not bold")
                values.append(cell_value(cell, problems, where))
            rows.append(values)
        sheets.append({"name": name, "rows": rows})
    if problems:
        sys.stderr.write("\n".join(problems) + "\n")
        sys.exit(1)
    json.dump(sheets, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
