#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the seed inputs of every fuzz target into Fuzz/Corpus/<target>/.

Seeds: the repository's own inputs (datasets/sample, Tests/KapstokCLITests/Fixtures) and
hand-made nasty ones (quotes, BOMs, UTF-16, Windows-1252, semicolons, `sep=` lines, huge numbers,
NUL bytes). File names start with `seed-`, so they are told apart from what the fuzzer adds.
Run from anywhere: `python3 Fuzz/Seeds/make_seeds.py`. Existing files are kept.
"""
import pathlib

FUZZ = pathlib.Path(__file__).resolve().parent.parent
ROOT = FUZZ.parent
CORPUS = FUZZ / "Corpus"
SAMPLE = ROOT / "datasets" / "sample"
FIXTURES = ROOT / "Tests" / "KapstokCLITests" / "Fixtures"
RS = b"\x1e"  # section separator of the validate target (FuzzSupport/ValidateInput.swift)

COMPETENCIES = [
    "leader.vision", "leader.strategy", "leader.integrity", "manager.planning", "manager.results",
    "manager.decisions", "coach.develop", "coach.feedback", "coach.listening",
]
DOMAINS = ["domain.customer", "domain.finance", "domain.change", "domain.people", "domain.communication"]
HUGE = [
    "999999999", "1e300", "-1e300", "1e308", "1.7976931348623157e308", "1e309", "5e18", "-5e18",
    "9223372036854775807", "-9223372036854775808", "9223372036854775808", "99999999999999999999",
    "4.9e-324", "0", "-0", "0,5", "1,5e3", "+3", ".5", "5.", "1e", "nan", "inf", "0x10",
]


def put(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ("seed-" + name)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not path.exists():
        path.write_bytes(data)


def mentors_csv(rows, extra_header=(), sep=","):
    header = ["id", "name", "grade", "languages", "capacity", "manager_id", *COMPETENCIES, *DOMAINS, *extra_header]
    lines = [sep.join(header)]
    for row in rows:
        lines.append(sep.join(row))
    return "\n".join(lines) + "\n"


def mentor(ident, grade="15", languages="nl|en", capacity="2", manager="", level="4"):
    return [ident, "Mentor " + ident, grade, languages, capacity, manager] + [level] * (len(COMPETENCIES) + len(DOMAINS))


def mentees_csv(rows, sep=","):
    header = ["id", "name", "grade", "languages", "manager_id"]
    for c in COMPETENCIES:
        header += [c, c + ".target"]
    header += DOMAINS
    return "\n".join([sep.join(header)] + [sep.join(r) for r in rows]) + "\n"


def mentee(ident, grade="12", languages="en", manager="", current="2", target="5", interest="3"):
    row = [ident, "Mentee " + ident, grade, languages, manager]
    for _ in COMPETENCIES:
        row += [current, target]
    return row + [interest] * len(DOMAINS)


# Generic CSV oddities (every CSV-reading target gets them).
NASTY_CSV = {
    "quotes.csv": 'id,name\n"a ""quoted"" id","x, y"\n"multi\nline",b\n  "spaced"  ,c\n',
    "unterminated.csv": 'id,name\n"never closed,x\n',
    "text-after-quote.csv": 'id,name\n"a"b,c\n"d" ;e\n',
    "literal-quote.csv": 'id,name\na"b,c"d\n',
    "bom-utf8.csv": b"\xef\xbb\xbfid,name\nm1,Ren\xc3\xa9\n",
    "bom-bad-utf8.csv": b"\xef\xbb\xbfid,name\nm1,Ren\xe9\n",
    "utf16le.csv": b"\xff\xfe" + "id;name\nm1;Zoë\n".encode("utf-16-le"),
    "utf16be.csv": b"\xfe\xff" + "id,name\r\nm1,Zoë\r\n".encode("utf-16-be"),
    "utf16-odd-surrogate.csv": b"\xff\xfei\x00d\x00,\x00n\x00\n\x00\x00\xd8a\x00\n",
    "windows1252.csv": b"id;name;department\nm1;Ren\xe9 \x80\x93\x81\x9d;Caf\xe9\r\n",
    "semicolons.csv": "id;name;capacity;grade\nm1;A;1,5;12\nm2;B;2;13\n",
    "sep-line.csv": "sep=;\nid;name\nm1;A\n",
    "tabs.csv": "id\tname\tcapacity\nm1\tA\t2\n",
    "cr-only.csv": "id,name\rm1,A\rm2,B\r",
    "mixed-endings.csv": "id,name\r\nm1,A\nm2,B\rm3,C\r\n",
    "nul-bytes.csv": b"id,name\x00\nm1\x00,A\x00B\n\x00\x00\n",
    "too-many-fields.csv": "id,name\nm1,A,extra,,\nm2,B,,,\n",
    "blank-lines.csv": "\n\n ,, \nid,name\n\n;;\nm1,A\n",
    "empty.csv": "",
    "only-bom.csv": b"\xef\xbb\xbf",
    "header-only.csv": "id,name",
    "spaces-header.csv": "  id  ,  name  \nm1,A\n",
    "long-field.csv": "id,name\nm1," + "x" * 3000 + "\n",
    "control-chars.csv": "id,name\nm\x01\x7f,\x1b[31mred\n",
}


def main():
    # csv: every CSV file of the repository and the nasty ones.
    for path in sorted(SAMPLE.glob("*.csv")) + sorted(FIXTURES.rglob("*.csv")):
        put("csv", path.parent.name + "-" + path.name, path.read_bytes())
    for name, data in NASTY_CSV.items():
        put("csv", name, data)

    # toml
    for path in [SAMPLE / "kapstok.toml"] + sorted(FIXTURES.rglob("*.toml")):
        put("toml", path.parent.name + "-" + path.name, path.read_bytes())
    toml = {
        "minimal.toml": "[pairing]\ndefault_capacity = 2\n",
        "huge-ints.toml": "[pairing]\ndefault_target = 9223372036854775807\n[program]\nsessions = 9223372036854775807\n"
        "min_gap_weeks = 9223372036854775807\nmax_gap_weeks = -9223372036854775808\nsession_minutes = 99999999999999999999\n",
        "huge-floats.toml": "[scoring]\ncompetency_weight = 1e308\ndomain_weight = 1e308\n[pairing]\n"
        "default_capacity = 1e300\ntime_limit_seconds = 1.7976931348623157e308\n",
        "specials.toml": "[scoring]\ncompetency_weight = nan\ndomain_weight = -inf\n[pairing]\ndefault_capacity = +inf\n",
        "zero-weights.toml": "[scoring]\ncompetency_weight = 0\ndomain_weight = 0.0\n",
        "dates.toml": "[program]\nstart = 2028-02-29\nend = 2027-02-29\n",
        "date-time.toml": "[program]\nstart = 2027-02-01T09:00:00\nend = 2027-02-01 09:00\n",
        "bad-dates.toml": "[program]\nstart = 0000-00-00\nend = 9999-12-31\n",
        "strings.toml": '[program]\nworking_hours = "24:00-09:00"\ntimezone = "\\u00e9\\U0001F600\\x"\n'
        "timezone = 'Europe/Brussels'\n[\"pairing\"]\nobjective = \"fair\"\n",
        "escapes.toml": '[program]\ntimezone = "\\uD800"\nworking_hours = "\\b\\t\\n\\f\\r\\"\\\\\\e"\n',
        "unsupported.toml": "a = [1, 2]\nb = {x = 1}\n[[t]]\nc.d = 1\ne = \"\"\"x\"\"\"\nf = 0x1F\ng = 09:00\n",
        "unknown.toml": "[ruls]\nmanager_chain = true\n[rules]\ndefault_target = 4\nmin_grade_gap = false\n",
        "duplicates.toml": "[rules]\navoid_repeat = true\navoid_repeat = false\n[rules]\n",
        "bom-crlf.toml": b"\xef\xbb\xbf[rules]\r\nshared_language = false\r\n\r\n",
        "not-utf8.toml": b"[rules]\nx = \"\xe9\"\n",
        "nul.toml": b"[rules\x00]\nmanager_chain = tr\x00ue\n",
        "underscores.toml": "[pairing]\ndefault_capacity = 1_000\ntime_limit_seconds = 1_0.5e1_0\ndefault_target = 0_4\n",
        "cr-only.toml": "[rules]\rmin_grade_gap = 2\r",
        "tracking.toml": "[tracking]\non_track_shortfall = 40\nat_risk_shortfall = 20.5\ndraft_goals = 11\n"
        "[[objectives]]\nstatement = \"80 % held\"\nmetric = \"sessions_held\"\ntarget = \"80 %\"\n"
        "[[objectives]]\nmetric = \"mentees_closng\"\ntarget = 2\nscope = \" leader\"\nlevels = 6\nitems = 0\n"
        "[objectives]\n[[tracking]]\n[[ objectives ]]\nstatement = \"r\"\nmetric = \"average_rating\"\ntarget = 4.5\n",
    }
    for name, data in toml.items():
        put("toml", name, data)

    # mentors / mentees
    for path in [SAMPLE / "mentors.csv"] + sorted(FIXTURES.rglob("mentors*.csv")):
        put("mentors", path.parent.name + "-" + path.name, path.read_bytes())
    for path in [SAMPLE / "mentees.csv"] + sorted(FIXTURES.rglob("mentees*.csv")):
        put("mentees", path.parent.name + "-" + path.name, path.read_bytes())
    for i, value in enumerate(HUGE):
        put("mentors", f"huge-{i:02}.csv", mentors_csv([mentor("m1", grade=value, capacity=value), mentor("m2", level=value)]))
        put("mentees", f"huge-{i:02}.csv", mentees_csv([mentee("e1", grade=value, target=value), mentee("e2", current=value)]))
    put("mentors", "semicolons.csv", mentors_csv([mentor("m1", capacity="1,5"), mentor("m2", capacity="0,0")], sep=";"))
    put("mentors", "misspelt.csv", mentors_csv([mentor("m1")], extra_header=["leader.vison"]).replace(",leader.vison", ",leader.vison") )
    put("mentors", "self-manager.csv", mentors_csv([mentor("m1", manager="m1"), mentor("m1"), mentor("", manager="m2")]))
    put("mentors", "scores-mode.csv", "id,name,capacity\nm1,A,2\nm2,B,\n")
    put("mentors", "languages.csv", mentors_csv([mentor("m1", languages=" | nl||en | nl |"), mentor("m2", languages="|")]))
    put("mentees", "scores-mode.csv", "id,name,leader.vision.target\ne1,A,\n")
    put("mentees", "empty-levels.csv", mentees_csv([mentee("e1", current="", target="", interest="")]))
    for name, data in NASTY_CSV.items():
        put("mentors", name, data)
        put("mentees", name, data)

    # framework
    framework = ["id,name,kind,group,weight"]
    framework += [f"{c},{c},competency,{c.split('.')[0]}," for c in COMPETENCIES]
    framework += [f"{d},{d},domain,,1" for d in DOMAINS]
    put("framework", "builtin.csv", "\n".join(framework) + "\n")
    put("framework", "tiny.csv", "id,name,kind,group\nc1,C1,competency,leader\nd1,D1,domain,\n")
    put("framework", "huge-weights.csv", "id,name,kind,group,weight\nc1,C1,competency,leader,1e308\nc2,C2,competency,coach,1e308\nd1,D1,Domain,,1.7976931348623157e308\n")
    put("framework", "reserved.csv", "id,name,kind,group\nname,N,competency,leader\nx.target,X,domain,\ncapacity,C,domain,\nc1,,skill,\nc1,C,competency,\n")
    put("framework", "semicolons.csv", "id;name;kind;group;weight\nc1;C1;competency;leader;0,5\nd1;D1;domain;;2,5\n")
    put("framework", "unicode-ids.csv", "id,name,kind,group\n\"a,b\",Q,competency,leader\n\"\u00e9\u0301\",E,domain,\n\"c\"\"q\",Z,domain,\n")
    for name, data in NASTY_CSV.items():
        put("framework", name, data)

    # scores / constraints / history (the targets know mentees e1 e2 e3 E1 m1, mentors m1 m2 m3 M1 e1)
    put("scores", "basic.csv", "mentee_id,mentor_id,score,load\ne1,m1,60,\ne1,m2,75,0.5\ne2,m3,80,2\ne2,m3,1,1\nx,y,1,1\n")
    put("scores", "huge.csv", "mentee_id,mentor_id,score,load\n" + "".join(f"e{i % 3 + 1},m{i % 3 + 1},{v},{v}\n" for i, v in enumerate(HUGE)))
    put("scores", "semicolons.csv", "mentee_id;mentor_id;score;load\ne1;m1;60,5;0,5\ne2;m2;-1e3;1\n")
    put("scores", "fixture.csv", (FIXTURES / "broken" / "scores-unknown-mentor.csv").read_bytes())
    put("constraints", "basic.csv", "mentee_id,mentor_id,rule,reason\ne1,m1,forbid,x\ne1,m1,REQUIRE,\ne2,m2,require,\ne2,m3,require,y\ne3,m1,forbidd,\ne3,m2,,\ne3,m3,forbid,\ne3,m3,forbid,again\n")
    put("history", "basic.csv", "mentee_id,mentor_id,round\ne1,m1,2026-Q1\nzz,m2,\ne2,,x\n,m1,\n")
    for target, glob in [("constraints", "constraints*.csv"), ("history", "history*.csv")]:
        for path in sorted(SAMPLE.glob(glob)) + sorted(FIXTURES.rglob(glob)):
            put(target, path.parent.name + "-" + path.name, path.read_bytes())
    for name, data in NASTY_CSV.items():
        for target in ["scores", "constraints", "history"]:
            put(target, name, data)

    # org (id,manager_id): the HRIS chart; tops, self-managers, loops, long chains, duplicates
    put("org", "fixture-rules-org.csv", (FIXTURES / "bad" / "rules-org.csv").read_bytes())
    put("org", "basic.csv", "id,manager_id\nCEO,\nD1,CEO\nm1,D1\ne1,m1\ne2,X9\n")
    put("org", "problems.csv", "id,manager_id\nA,A\nB,C\nC,B\n,A\nB,D\n  ,\nE,\"\"\nF, F \n")
    put("org", "extra-columns.csv", "name,manager_id,id,,department\nX,p2,p1,,HR\nY,,p2,v,\n")
    put("org", "missing-manager-column.csv", "id\np1\np2\n")
    put("org", "semicolons.csv", "id;manager_id\np1;p2\np2;\n")
    put("org", "long-chain.csv", "id,manager_id\n" + "".join(f"p{i},p{i + 1}\n" for i in range(200)) + "p200,p0\n")
    put("org", "wide-tree.csv", "id,manager_id\nroot,\n" + "".join(f"c{i},root\n" for i in range(100)))
    for name, data in NASTY_CSV.items():
        put("org", name, data)

    # availability / absences (the targets know people e1 e2 m1 m2 "mentor-anna"), sessions
    # (checked against Europe/Brussels, America/New_York and Australia/Lord_Howe)
    put("availability", "basic.csv", "person_id,weekday,start,end\ne1,mon,09:00,12:00\ne1,Monday,13:00,17:00\n"
        "e1,MON,11:00,14:00\nm1,sunday,18:00,24:00\nm2,Thu,00:00,00:30\n")
    put("availability", "problems.csv", "person_id,weekday,start,end\ne1,tuesdy,09:00,12:00\ne1,xyz,9:00,24:01\n"
        "e1,wed,24:00,24:00\ne1,wed,14:00,09:00\nmentor-ana,wed,10:00,11:00\nE1,fri,10:00,11:00\n,,,09:00\n")
    put("availability", "header.csv", "person_id,weekdy,start\ne1,mon,09:00\n")
    put("availability", "many-rows.csv", "person_id,weekday,start,end\n" + "".join(
        f"e{i % 2 + 1},{['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][i % 7]},{i % 24:02d}:00,{i % 24 + 1:02d}:00\n" for i in range(300)))
    put("absences", "basic.csv", "person_id,from,to,reason\ne1,2027-04-06,2027-04-06,\nm1,2027-07-19,2027-08-06,summer holiday\n")
    put("absences", "problems.csv", "person_id,from,to\ne1,12/04/2027,2027-4-6\ne1,06.04.2027,2027-02-29\n"
        "e1,2027-04-10,2027-04-09\ne1,1999-12-31,2100-01-01\nmentor-ana,2027-04-06,2027-04-07\ne1,,\n"
        "m2,2028-02-29,2028-03-01,\"leap, day\"\ne2,0000-01-01,9999-12-31\n")
    put("absences", "semicolons.csv", "person_id;from;to;reason\ne1;2027-04-06;2027-04-09;x\n")
    put("sessions", "basic.csv", "session_id,mentee_id,mentor_id,number,start,end,status,sequence\n"
        "s-1,e1,m1,1,2027-03-23T10:00:00+01:00,2027-03-23T11:00:00+01:00,held,0\n"
        "s-2,e1,m1,2,2027-04-13T10:00:00+02:00,2027-04-13T11:00:00+02:00,Planned,3\n"
        "s-3,e1,m1,3,2027-05-04T23:00:00+02:00,2027-05-05T00:00:00+02:00,no_show,\n"
        "s-4,e2,m1,1,2027-10-31T02:30:00+02:00,2027-10-31T03:30:00+01:00,cancelled,1000000\n")
    put("sessions", "problems.csv", "session_id,mentee_id,mentor_id,number,start,end,status,sequence\n"
        "s-1,e1,m1,1,2027-04-06T10:00:00+01:00,2027-04-06T11:00:00+02:00,planned,0\n"
        "s-2,e1,m1,2,2027-04-06 10:00,2027-04-06T11:00:00+02:00,planed,0\n"
        "s-3,e1,m1,3,2027-03-28T02:30:00+01:00,2027-03-28T03:30:00+02:00,held,x\n"
        "s-4,e1,m1,4,2027-04-06T11:00:00+02:00,2027-04-06T10:00:00+02:00,held,-1\n"
        "s-5,e1,m1,53,2027-04-06T11:00:00+02:00,2027-04-07T12:00:00+02:00,gone,1000001\n"
        "s-1,e1,m1,6,2027-04-06T10:00:00+02:00,2027-04-06T11:00:00+02:00,planned,0\n"
        "s-7,e1,m1,1,2027-04-06T10:00:00Z,2027-04-06T11:00:00-04:00,planned,0\n,,,,,,,5\n")
    put("sessions", "new-york.csv", "session_id,mentee_id,mentor_id,number,start,end,status\n"
        "a,e1,m1,1,2027-03-14T01:00:00-05:00,2027-03-14T03:00:00-04:00,planned\n"
        "b,e1,m1,2,2027-11-07T01:30:00-04:00,2027-11-07T02:00:00-05:00,planned\n")
    put("sessions", "lord-howe.csv", "session_id,mentee_id,mentor_id,number,start,end,status\n"
        "a,e1,m1,1,2027-10-03T01:30:00+10:30,2027-10-03T02:30:00+11:00,planned\n"
        "b,e1,m1,2,2027-04-04T01:30:00+11:00,2027-04-04T02:00:00+10:30,planned\n")
    for name, data in NASTY_CSV.items():
        for target in ["availability", "absences", "sessions"]:
            put(target, name, data)

    # tracking exchange (ids: mentees e1 e2 E1, mentors m1 m2, goals G1 G2 (e1–m1) G3 (e2–m2),
    # sessions s-1…s-4, the built-in framework; and once without checks)
    put("goals", "basic.csv", "goal_id,mentee_id,mentor_id,item,baseline,target,due,status,title,start,reason\n"
        "G1,e1,m1,leader.vision,2,4,2027-07-30,active,Vision: from 2 to 4,2027-02-01,\"gap 2, weight 1\"\n"
        "G2,e1,m1,coach.develop,1,3,2027-06-30,Draft,\"'=Feedback\",2027-02-01,\"'- [ ] line\nbreak\"\n"
        ",e2,m2,domain.finance,0,5,2027-12-31,dropped,New goal,,\n")
    put("goals", "problems.csv", "goal_id,mentee_id,mentor_id,item,baseline,target,due,status,title\n"
        "G1,e9,m1,leader.vison,4,4,2027-13-01,actve,\n"
        "G1,e1,m3,leader.vision,x,6,2026-01-01,done," + "x" * 201 + "\n"
        "G9,,,,,,,,\n")
    put("goals", "minimal.csv", "goal_id,mentee_id,mentor_id,item,baseline,target,due,status,title\n"
        "G3,e2,m2,domain.change,1,2,2027-05-01,achieved,t\n")
    put("checkins", "basic.csv", "mentee_id,item,level,date,assessor,evidence\n"
        "e1,leader.vision,3,2027-04-06,self,\"Led the kick-off;\nwrote the plan\"\n"
        "E1,domain.finance,0,2027-04-06,HR,\ne2,coach.develop,5,2099-12-31,Manager,'@x\n")
    put("checkins", "problems.csv", "mentee_id,item,level,date,assessor,evidence\n"
        "e3,leader.vison,6,06/04/2027,slef,\x01\ne1,,-1,,,\n,x,3.5,2027-02-29,peer," + "y" * 10001 + "\n")
    put("checkins", "semicolons.csv", "mentee_id;item;level;date;assessor;evidence\r\ne1;leader.vision;2;2027-04-06;mentor;ok\r\n")
    header = "session_id,mentee_id,mentor_id,number,start,end,status,sequence,held_on,mentee_rating,mentor_rating,goals_discussed,notes\n"
    put("sessionlogs", "basic.csv", header +
        "s-1,e1,m1,1,2027-03-23T10:00:00+01:00,2027-03-23T11:00:00+01:00,held,0,2027-03-23,5,4,G1|G2,\"'- [ ] send plan\nTODO call\"\n"
        "s-2,e1,m1,2,2027-04-13T10:00:00+02:00,2027-04-13T11:00:00+02:00,planned,1,,,,,\n"
        "s-3,e1,m1,3,2027-05-04T23:00:00+02:00,2027-05-05T00:00:00+02:00,cancelled,2,,,,,ill\n"
        "s-4,e2,m2,1,2027-10-31T02:30:00+02:00,2027-10-31T03:30:00+01:00,held,0,,1,,G3,\n")
    put("sessionlogs", "problems.csv", header +
        "s-1,e1,m1,1,2027-03-23T10:00:00+01:00,2027-03-23T11:00:00+01:00,planned,0,2027-03-23,6,0,G3|G9||G1|G1,\x02\n"
        "s-9,e9,m1,2,2027-04-13T10:00:00+01:00,2027-04-13T11:00:00+02:00,held,0,13/04/2027,x,3.5,G2,ok\n"
        "s-1,e1,m1,1,,,,,,,,,\n")
    put("sessionlogs", "plain-sessions.csv", "session_id,mentee_id,mentor_id,number,start,end,status,sequence\n"
        "s-1,e1,m1,1,2027-03-23T10:00:00+01:00,2027-03-23T11:00:00+01:00,held,0\n")
    for name, data in NASTY_CSV.items():
        for target in ["goals", "checkins", "sessionlogs"]:
            put(target, name, data)

    # validate: sections mentors, mentees, toml, framework, scores, constraints, history, org.
    def join(*sections):
        return RS.join(s.encode("utf-8") if isinstance(s, str) else s for s in sections)

    sample = lambda name: (SAMPLE / name).read_bytes()
    valid = lambda name: (FIXTURES / "valid" / name).read_bytes()
    put("validate", "sample.bin", join(sample("mentors.csv"), sample("mentees.csv"), sample("kapstok.toml"), "", "",
                                       sample("constraints.csv"), sample("history.csv")))
    put("validate", "fixtures-valid.bin", join(valid("mentors.csv"), valid("mentees.csv"), "", "", "",
                                               valid("constraints.csv"), valid("history.csv")))
    put("validate", "windows.bin", join(valid("mentors.csv"), (FIXTURES / "windows" / "mentees.csv").read_bytes()))
    put("validate", "impossible-require.bin", join(valid("mentors.csv"), valid("mentees.csv"), "", "", "",
                                                   (FIXTURES / "broken" / "constraints-impossible-require.csv").read_bytes()))
    people_m = mentors_csv([mentor("m1", grade="15", manager="m2"), mentor("m2", grade="16", manager="e1"),
                            mentor("m3", grade="", languages="", capacity="")])
    people_e = mentees_csv([mentee("e1", manager="m1"), mentee("e2", grade="", languages="nl"), mentee("e3", manager="m3")])
    put("validate", "chains.bin", join(people_m, people_e, "[rules]\nmin_grade_gap = 2\n", "", "",
                                       "mentee_id,mentor_id,rule\ne3,m3,require\ne2,m1,forbid\n",
                                       "mentee_id,mentor_id\ne1,m2\n"))
    put("validate", "cycle.bin", join(mentors_csv([mentor("m1", manager="m2"), mentor("m2", manager="e1")]),
                                      mentees_csv([mentee("e1", manager="m1"), mentee("e2", manager="e2")])))
    put("validate", "scores-mode.bin", join("id,name,capacity\nm1,A,1\nm2,B,0.5\n", "id,name\ne1,X\ne2,Y\ne3,Z\n", "", "",
                                            "mentee_id,mentor_id,score,load\ne1,m1,5e18,1\ne2,m1,-5e18,0.5\ne3,m2,1e308,0.25\n",
                                            "mentee_id,mentor_id,rule\ne1,m1,require\ne2,m1,require\n"))
    put("validate", "framework.bin", join("id,name,c1,d1\nm1,A,5,5\nm2,B,0,1\n",
                                          "id,name,c1,c1.target,d1\ne1,X,1,,5\ne2,Y,5,5,0\n",
                                          "[scoring]\ncompetency_weight = 1e308\ndomain_weight = 1e308\n[pairing]\ndefault_target = 5\n",
                                          "id,name,kind,group,weight\nc1,C1,competency,leader,1e308\nd1,D1,domain,,1e308\n"))
    # Grades near Int.max / Int.min crash today (Crashes/validate/grade-gap-*); kept out of the
    # corpus so that a run starts; the fuzzer is free to find them again.
    for i, value in enumerate(["999999999", "1e300", "99999", "-99999"]):
        put("validate", f"huge-{i}.bin", join(mentors_csv([mentor("m1", grade=value, capacity=value), mentor("m2")]),
                                              mentees_csv([mentee("e1", grade=value), mentee("e2")]),
                                              f"[rules]\nmin_grade_gap = {value if '.' not in value and 'e' not in value else 1}\n"
                                              f"[pairing]\ndefault_capacity = {value}\n"))
    org_csv = "id,manager_id\nm1,D1\nD1,e1\ne2,X7\nX7,X8\nX8,X7\nCEO,CEO\ne3,m2\n"
    put("validate", "org.bin", join(people_m, people_e, "", "", "", "", "", org_csv))
    put("validate", "org-only-chain.bin", join(mentors_csv([mentor("m1"), mentor("m2")]),
                                              mentees_csv([mentee("e1"), mentee("e2")]),
                                              "[rules]\nmin_grade_gap = 1\n", "", "",
                                              "mentee_id,mentor_id,rule\ne1,m1,require\n", "",
                                              "id,manager_id\ne1,D1\nD1,m1\nm1,D2\ne2,D2\nD2,\n"))
    put("validate", "org-sample.bin", join(sample("mentors.csv"), sample("mentees.csv"), sample("kapstok.toml"),
                                           "", "", "", "", (FIXTURES / "bad" / "rules-org.csv").read_bytes()))
    put("validate", "empty.bin", b"")
    put("validate", "separators.bin", RS * 9)


if __name__ == "__main__":
    main()
