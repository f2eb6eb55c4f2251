"""The field table (care_core.fields) is the one declaration of each field:
the storage tables, the wire schema and the entities agree with it, and no
range, band limit or unit of a vital sign is written a second time in the
code."""
from __future__ import annotations

import ast
import dataclasses
import re
import typing
from pathlib import Path

import pytest
import sqlalchemy as sa

from care_core import fields
from care_core.domain import entities, norms, rules
from care_core.protocol import SYNC_FIELDS, SYNCED_SCHEMA
from facility_app.storage.tables import SYNC_COLUMNS, SYNCED_TABLES

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("care_core", "facility_app", "provincial_server")
FIELD_TABLE = ROOT / "care_core" / "fields"
# files whose numbers near a vital sign's name are not its ranges, and why
NOT_RANGES = {
    "facility_app/demo/histories.py": "the demo data's own generator (means, spreads and clamps of made-up values)",
    "facility_app/demo/rounds.py": "the demo rounds' made-up intake vital signs",
    "facility_app/selftest.py": "one sample measurement, saved and read back",
}


# --- storage, wire, entities ----------------------------------------------------

def _storage_kind(column: sa.Column) -> tuple[str, int]:
    t = column.type
    if isinstance(t, sa.Boolean):
        return "bool", 0
    if isinstance(t, sa.Integer):
        return "int", 0
    if isinstance(t, sa.Float):
        return "float", 0
    if isinstance(t, sa.Date):
        return "date", 0
    if isinstance(t, sa.Text):
        return "text", fields.TEXT_MAX
    if isinstance(t, sa.String):
        return "str", t.length
    raise AssertionError(f"{column}: a column type the field table has no kind for: {t!r}")


@pytest.mark.parametrize("table", list(fields.TABLES))
def test_the_storage_table_holds_exactly_the_declared_fields(table):
    columns = [c for c in SYNCED_TABLES[table].columns if c.name != "id" and c.name not in SYNC_COLUMNS]
    declared = fields.TABLES[table]
    assert [c.name for c in columns] == [f.name for f in declared]
    for column, f in zip(columns, declared):
        assert _storage_kind(column) == fields.wire_kind(f), f"{table}.{f.name}"
        if f.required:
            assert not column.nullable, f"{table}.{f.name} is required but its column takes NULL"


def test_every_synced_table_is_declared():
    assert set(SYNCED_TABLES) == set(fields.TABLES)


@pytest.mark.parametrize("table", list(fields.TABLES))
def test_the_wire_schema_is_the_tables_as_they_travel(table):
    """SYNCED_SCHEMA is derived from the field table; here it is checked
    against the storage (a second, independent description)."""
    columns = {c.name: c for c in SYNCED_TABLES[table].columns}
    assert SYNCED_SCHEMA[table] == fields.wire_schema()[table]
    for name, kind in SYNCED_SCHEMA[table].items():
        assert _storage_kind(columns[name]) == kind, f"{table}.{name}"
    assert SYNC_FIELDS == {"deleted": ("bool", 0)}


def test_vital_signs_are_the_declared_ones_with_their_types():
    hints = typing.get_type_hints(entities.VitalSigns)
    assert [f.name for f in dataclasses.fields(entities.VitalSigns)] == [f.name for f in fields.VITALS]
    for f in fields.VITALS:
        assert hints[f.name] == (int | None if f.kind == "int" else float | None)
    assert entities.VitalSigns(weight_kg=60, height_cm=165).bmi == 22.0


def test_validation_bands_and_labels_come_from_the_table():
    assert rules.VITAL_RANGES["systolic"] == (*fields.vital("systolic").valid, "mmHg")
    assert set(rules.VITAL_RANGES) == {f.name for f in fields.VITALS}
    assert norms.band("bmi", None) is fields.BMI.normal
    assert norms.ALERT_ORDER[:2] == ("systolic", "diastolic")
    from care_core.domain.messages import label
    assert label("glucose", "vi") == fields.vital("glucose").label[0]


# --- no second copy of a range or unit -------------------------------------------

def _limits(f: fields.Field) -> set[float]:
    """Every number that bounds a vital sign: valid range, normal band and
    alert limits at every age."""
    out: set[float] = set(f.valid or ())
    for months in (None, *range(0, fields.ADULT_AGE * 12, 6)):
        band = f.band(months)
        if band is not None:
            out |= set(band.limits)
    return out - {0, 1}  # too common to mean a limit (round(x, 1), index 0)


VITALS = (*fields.VITALS, *fields.DERIVED)
LIMITS = {f.name: _limits(f) for f in VITALS}
# units distinctive enough to be a vital sign's wherever they stand
UNITS = sorted({text for f in VITALS if f.unit for text in (f.unit.vi, f.unit.en, f.unit.ucum)
                if len(text) >= 3 and text not in ("min",)} | {"°C"})
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")


def _names(f: fields.Field) -> list[str]:
    """How code names a vital sign: its field name, its labels (as written:
    ``Height`` is the caption, ``height`` a plot's size)."""
    return sorted(w for w in {f.name, f.label[0], f.label[1]} if w)


NAMES = {f.name: re.compile("|".join(rf"(?<![\w]){re.escape(w)}(?![\w])" for w in _names(f)))
         for f in VITALS}
UNIT_RE = re.compile("|".join(rf"(?<![\w/]){re.escape(u)}(?![\w])" for u in UNITS))


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            out.add(id(body[0].value))
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            out.add(id(node.value))  # an attribute's docstring
    return out


def second_copies(source: str, where: str = "<source>", ranges: bool = True) -> list[str]:
    """Literals in ``source`` that repeat the field table: a vital sign's
    unit anywhere in a string, or one of its limits (as a number, or inside
    a string) on a line that names the vital sign. Docstrings and comments
    explain; they are not read."""
    tree = ast.parse(source)
    lines = source.splitlines()
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or id(node) in skip or isinstance(node.value, bool):
            continue
        line = lines[node.lineno - 1]
        numbers: list[float] = []
        if isinstance(node.value, str):
            unit = UNIT_RE.search(node.value)
            if unit:
                found.append(f"{where}:{node.lineno}: unit {unit.group()!r} in {node.value!r}")
            numbers = [float(n.replace(",", ".")) for n in _NUMBER.findall(node.value)]
        elif isinstance(node.value, (int, float)):
            numbers = [node.value]
        if not ranges:
            continue
        code = line.split("#", 1)[0]
        for name, pattern in NAMES.items():
            if pattern.search(code):
                for n in numbers:
                    if n in LIMITS[name]:
                        found.append(f"{where}:{node.lineno}: {n:g} (a limit of {name}) in {line.strip()!r}")
    return found


def _sources():
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*.py")):
            if FIELD_TABLE in path.parents or "migrations" in path.parts:
                continue  # the declarations, and the history of the schema
            yield path, path.relative_to(ROOT).as_posix()


def test_no_range_or_unit_of_a_vital_sign_outside_the_field_table():
    found = []
    scanned = 0
    for path, rel in _sources():
        scanned += 1
        found += second_copies(path.read_text(encoding="utf-8"), rel, ranges=rel not in NOT_RANGES)
    assert scanned > 150  # the walk really read the code
    assert not found, "\n".join(found)


@pytest.mark.parametrize("planted", [
    'VITAL_RANGES = {"systolic": (60, 260, "mmHg")}',
    'BMI_NORMAL = {"bmi": (18.5, 23)}',
    'if v.pulse > 120:\n    alert()',
    'band = Band(low=60, high=100)  # pulse',  # a comment names no field: this one is not found...
    'chart.set_data(title, "mmol/L", series)',
    'caption = "Nhiệt độ cao: 38 °C"',
    'text = f"{v.temperature} °C"',
    'head = "Đường huyết<br/>(mmol/L)"',
    'if bmi > 22.9: heavy()',
])
def test_the_scan_finds_a_literal_put_back(planted):
    found = second_copies(planted)
    if "# pulse" in planted:
        assert found == []  # ...as comments are never read: the scan only trusts code
    else:
        assert found, planted


def test_the_scan_leaves_other_numbers_alone():
    assert second_copies('x = round(v.weight_kg, 1)\nrows = range(260)\nfor page in pages[:100]: pass') == []
