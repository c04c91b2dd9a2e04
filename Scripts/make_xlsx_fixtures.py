#!/usr/bin/env python3
"""Makes the committed .xlsx test fixtures and datasets/sample-xlsx/ with real writers.

    python3 Scripts/make_xlsx_fixtures.py        # needs openpyxl; soffice for the LibreOffice ones
    python3 Scripts/make_xlsx_fixtures.py --big PATH   # the 10,000 × 30 benchmark sheet

Writes Tests/KapstokCLITests/Fixtures/xlsx/*.xlsx (read by KapstokIOTests and KapstokCLITests)
and datasets/sample-xlsx/program.xlsx. Deterministic: fixed workbook timestamps, then each zip
rewritten with fixed entry dates so reruns give the same bytes.
"""
import csv, datetime, io, os, shutil, subprocess, sys, tempfile, zipfile

import openpyxl
from openpyxl.utils import get_column_letter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "KapstokCLITests", "Fixtures", "xlsx")
SAMPLE = os.path.join(ROOT, "datasets", "sample")
SAMPLE_XLSX = os.path.join(ROOT, "datasets", "sample-xlsx")
FIXED = datetime.datetime(2026, 1, 1)


def normalise(path):
    """Rewrites a zip with fixed entry times and docProps dates, so the bytes are reproducible."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                import re
                data = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<", rb"<dcterms:\1\2>2026-01-01T00:00:00Z<", data)
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)


def save(book, path):
    book.properties.created = FIXED
    book.properties.modified = FIXED
    book.save(path)
    normalise(path)


def typed(text, column):
    """A CSV cell as a typed Excel value: whole numbers and decimals as numbers (not ids or
    leading zeros), dates and times as such; the rest text."""
    if text == "":
        return None
    if column == "id" or column.endswith("_id") or column in ("mentor", "mentee", "email", "name"):
        return text
    try:
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            return datetime.date.fromisoformat(text)
        if len(text) == 5 and text[2] == ":":
            return datetime.time.fromisoformat(text)
    except ValueError:
        return text
    if text.lstrip("-").isdigit() and not (len(text) > 1 and text.startswith("0")):
        return int(text)
    try:
        if text.count(".") == 1 and not text.startswith("."):
            return float(text)
    except ValueError:
        pass
    return text


def fill_sheet(sheet, csv_path):
    with open(csv_path, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    for row_index, row in enumerate(rows, start=1):
        for column_index, text in enumerate(row, start=1):
            column = header[column_index - 1] if column_index <= len(header) else ""
            value = text if row_index == 1 else typed(text, column)
            if value is None:
                continue
            cell = sheet.cell(row=row_index, column=column_index, value=value)
            if isinstance(value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, datetime.time):
                cell.number_format = "hh:mm"


SAMPLE_SHEETS = [
    ("Mentors", "mentors.csv"), ("Mentees", "mentees.csv"), ("Constraints", "constraints.csv"),
    ("History", "history.csv"), ("Availability", "availability.csv"), ("Absences", "absences.csv"),
    ("Preferences", "preferences.csv"), ("Pairings", "handmade-pairings.csv"),
]


def sample_workbook(path):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, file in SAMPLE_SHEETS:
        source = os.path.join(SAMPLE, file)
        if os.path.exists(source):
            fill_sheet(book.create_sheet(name), source)
    save(book, path)


def typed_twins():
    """Each sample CSV as a one-sheet workbook with typed cells (openpyxl)."""
    for _, file in SAMPLE_SHEETS:
        book = openpyxl.Workbook()
        fill_sheet(book.active, os.path.join(SAMPLE, file))
        book.active.title = "Sheet1"
        save(book, os.path.join(OUT, "openpyxl-" + file.replace(".csv", ".xlsx")))


def soffice(args, cwd):
    profile = "file:///tmp/lo-profile-%d" % os.getpid()
    subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless"] + args,
                   cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def libreoffice_twins(work):
    for _, file in SAMPLE_SHEETS:
        shutil.copy(os.path.join(SAMPLE, file), work)
        soffice(["--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", work, os.path.join(work, file)], work)
        target = os.path.join(OUT, "soffice-" + file.replace(".csv", ".xlsx"))
        shutil.move(os.path.join(work, file.replace(".csv", ".xlsx")), target)
        normalise(target)


def cells_workbook():
    """Every kind of cell, on sheet "People" (second sheet, chosen by name)."""
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active["A1"] = "Read the People sheet"
    sheet = book.create_sheet("People")
    sheet["A1"] = "Mentee export 2027-01-15"             # a title row (one cell)
    for column, name in enumerate(["id", "name", "level", "ratio", "active", "start", "time", "department"], start=1):
        sheet.cell(row=3, column=column, value=name)      # row 2 is blank
    rows = [
        ["E01", "Ann", 3.0, 0.30000000000000004, True, datetime.date(2027, 1, 15), datetime.time(9, 30), "Sales"],
        ["E02", "Bob", 5, 2.5, False, datetime.datetime(2027, 3, 1, 14, 45), datetime.time(17, 0), None],
    ]
    for row_index, row in enumerate(rows, start=4):
        for column, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(row=row_index, column=column, value=value)
    sheet["F4"].number_format = "yyyy-mm-dd"
    sheet["F5"].number_format = "yyyy-mm-dd hh:mm"
    sheet["G4"].number_format = "hh:mm"
    sheet["G5"].number_format = "hh:mm"
    sheet["H4"] = "Sales"
    sheet.merge_cells("H4:H5")                             # merged over two rows: H5 reads "Sales"
    sheet["A9"] = "E09"                                    # sparse: rows 6–8 missing
    sheet["B9"] = "Zoë"
    sheet["C9"] = "2027-01-15"                             # a date stored as text stays text
    sheet["J9"] = "stray"                                  # beyond the header: unnamed column
    path = os.path.join(OUT, "cells.xlsx")
    save(book, path)
    # openpyxl writes 0.30000000000000004 as 0.3 (15 digits); Excel stores the full 17.
    rewrite(path, path, "xl/worksheets/sheet2.xml",
            lambda data: data.replace(b"<v>0.3</v>", b"<v>0.30000000000000004</v>"))


def dates_1904():
    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = "Dates"
    sheet.append(["id", "start"])
    sheet.append(["E01", datetime.date(2027, 1, 15)])
    sheet["B2"].number_format = "yyyy-mm-dd"
    save(book, os.path.join(OUT, "dates-1904.xlsx"))


def bad_values():
    """A mentees sheet with a bad level at D3 and a duplicate id, for located errors."""
    with open(os.path.join(SAMPLE, "mentees.csv"), newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))[:4]
    header = rows[0]
    level = header.index("leader.vision")
    rows[2][level] = "7"
    rows[3][0] = rows[1][0]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Mentees"
    for row in rows:
        sheet.append([typed(text, header[index]) if number else text for index, text in enumerate(row)] if (number := sheet.max_row >= 1 and rows.index(row) > 0) else row)
    save(book, os.path.join(OUT, "bad-mentees.xlsx"))


def formula_cached(work):
    """A formula with its cached value: openpyxl writes none, so LibreOffice recalculates and saves."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["id", "level"])
    sheet.append(["E01", "=1+2"])
    uncached = os.path.join(OUT, "formula-uncached.xlsx")
    save(book, uncached)
    source = os.path.join(work, "formula.xlsx")
    shutil.copy(uncached, source)
    os.makedirs(os.path.join(work, "out"), exist_ok=True)
    soffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", os.path.join(work, "out"), source], work)
    target = os.path.join(OUT, "formula-cached.xlsx")
    shutil.move(os.path.join(work, "out", "formula.xlsx"), target)
    normalise(target)


def hostile(work):
    # Old .xls and .ods via LibreOffice.
    csv_path = os.path.join(work, "people.csv")
    with open(csv_path, "w") as handle:
        handle.write("id,name\nE01,Ann\n")
    for extension, name in [("xls", "old.xls"), ("ods", "spreadsheet.ods")]:
        soffice(["--convert-to", extension, "--outdir", work, csv_path], work)
        shutil.move(os.path.join(work, "people." + extension), os.path.join(OUT, name))
    # A CSV renamed .xlsx.
    shutil.copy(csv_path, os.path.join(OUT, "renamed-csv.xlsx"))
    # A truncated workbook.
    with open(os.path.join(OUT, "cells.xlsx"), "rb") as handle:
        data = handle.read()
    with open(os.path.join(OUT, "truncated.xlsx"), "wb") as handle:
        handle.write(data[: len(data) // 2])
    # A zip that is not a workbook (a .docx).
    with zipfile.ZipFile(os.path.join(OUT, "document.xlsx"), "w") as target:
        info = zipfile.ZipInfo("[Content_Types].xml", date_time=(2026, 1, 1, 0, 0, 0))
        target.writestr(info, "<Types/>")
        target.writestr(zipfile.ZipInfo("word/document.xml", date_time=(2026, 1, 1, 0, 0, 0)), "<document/>")
    # A sheet with a DOCTYPE and an entity (billion laughs, shortened).
    rewrite(os.path.join(OUT, "cells.xlsx"), os.path.join(OUT, "doctype.xlsx"), "xl/worksheets/sheet2.xml",
            lambda data: data.replace(b"<worksheet", b'<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><worksheet', 1))
    # A zip bomb-ish sheet: 300 MiB of spaces inflated (over the 256 MiB part limit).
    bomb = os.path.join(OUT, "oversize.xlsx")
    rewrite(os.path.join(OUT, "cells.xlsx"), bomb, "xl/worksheets/sheet2.xml",
            lambda data: data.replace(b"</worksheet>", b" " * (300 << 20) + b"</worksheet>"), level=9)
    # A password-protected workbook (msoffcrypto-tool).
    try:
        import msoffcrypto
        from msoffcrypto.format.ooxml import OOXMLFile
        with open(os.path.join(OUT, "cells.xlsx"), "rb") as source, open(os.path.join(OUT, "protected.xlsx"), "wb") as target:
            OOXMLFile(source).encrypt("secret", target)
    except ImportError:
        print("msoffcrypto-tool missing: protected.xlsx not made (pip install msoffcrypto-tool)", file=sys.stderr)


def rewrite(source, target, part, change, level=6):
    with zipfile.ZipFile(source) as zin:
        entries = [(info.filename, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zout:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, change(data) if name == part else data)


def big_sheet(path, rows=10_000, columns=30):
    """The benchmark's sheet: a header and `rows` × `columns` cells, text (shared strings) in the
    first two columns, small whole numbers in the rest."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Mentees"
    sheet.append(["id", "name"] + ["c%d" % column for column in range(3, columns + 1)])
    for row in range(rows):
        sheet.append(["X%05d" % row, "Person %d" % row] + [(row * 7 + column) % 6 for column in range(3, columns + 1)])
    save(book, path)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--big":
        big_sheet(sys.argv[2])
        return
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(SAMPLE_XLSX, exist_ok=True)
    sample_workbook(os.path.join(SAMPLE_XLSX, "program.xlsx"))
    typed_twins()
    cells_workbook()
    dates_1904()
    bad_values()
    with tempfile.TemporaryDirectory() as work:
        if shutil.which("soffice"):
            libreoffice_twins(work)
            formula_cached(work)
            hostile(work)
        else:
            print("soffice missing: the LibreOffice fixtures were not made", file=sys.stderr)
            sys.exit(1)


if __name__ == "__main__":
    main()
