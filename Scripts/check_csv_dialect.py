"""Reads a Kapstok CSV output written in a dialect with Python's csv module, using the options
the README documents, and checks it holds the same cells as the RFC 4180 file.

usage: check_csv_dialect.py RFC4180_FILE DIALECT_FILE DIALECT
  rfc4180         csv.reader(open(f, encoding='utf-8', newline=''))
  excel-comma     csv.reader(open(f, encoding='utf-8-sig', newline=''))
  excel-semicolon csv.reader(open(f, encoding='utf-8-sig', newline=''), delimiter=';'),
                  numbers with ',' as the decimal mark (pandas: decimal=',')
Exit 0 and "ok ROWS" when equal; exit 1 with the first difference otherwise.
"""
import csv
import re
import sys

NUMBER = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")


def rows(path, encoding, delimiter):
    with open(path, encoding=encoding, newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def main():
    reference_path, path, dialect = sys.argv[1:4]
    reference = rows(reference_path, "utf-8", ",")
    if dialect == "rfc4180":
        actual = rows(path, "utf-8", ",")
    elif dialect == "excel-comma":
        actual = rows(path, "utf-8-sig", ",")
    elif dialect == "excel-semicolon":
        actual = rows(path, "utf-8-sig", ";")
    else:
        print("unknown dialect " + dialect)
        return 2
    if len(actual) != len(reference):
        print("row count %d, expected %d" % (len(actual), len(reference)))
        return 1
    for number, (want, got) in enumerate(zip(reference, actual), start=1):
        if dialect == "excel-semicolon":
            # The decimal comma, converted back as pandas' decimal=',' does.
            got = [cell.replace(",", ".") if NUMBER.fullmatch(cell.replace(",", ".")) else cell for cell in got]
        if got != want:
            print("row %d: %r, expected %r" % (number, got, want))
            return 1
    print("ok %d" % len(actual))
    return 0


if __name__ == "__main__":
    sys.exit(main())
