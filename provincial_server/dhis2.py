"""Hand the province's aggregate figures to DHIS2 as a ``dataValueSets`` document.

The numbers are the indicators page's own (``indicators.facility_figures``),
one data value per mapped indicator and facility: counts only, never a
resident. Which DHIS2 data set, org unit, data element and category option
combo each one goes to comes from a mapping file the province keeps; the
file is hostile input (bounded read, every field checked, unknown indicator
names refused by name). Facilities the mapping does not name are skipped
and listed in a warning, so a newly enrolled centre does not hold up the
others' quarterly hand-off.

Periods are written in DHIS2's ISO period format (DHIS2 developer guide,
"Date and period format": yearly ``yyyy`` = 2004, quarterly ``yyyyQn`` =
2004Q1, monthly ``yyyyMM`` = 200406;
https://docs.dhis2.org/en/develop/using-the-api/dhis-core-version-master/introduction.html).
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from care_core.domain import indicators as ind
from care_core.domain.dates import dmy
from care_core.domain.periods import Period, parse_period, year

from .admin import AdminError
from .indicators import facility_figures, summary
from .tables import facilities

MAX_MAPPING_BYTES = 256 * 1024
ID_SCHEMES = ("CODE", "UID")
_UID = re.compile(r"^[A-Za-z][A-Za-z0-9]{10}$")  # DHIS2 UIDs: 11 characters, a letter first
_CODE_MAX = 50  # DHIS2 codes are at most 50 characters
_TOP_KEYS = {"dataSet", "idScheme", "dataElementIdScheme", "orgUnitIdScheme", "orgUnits", "dataElements",
             "_comment"}
_ELEMENT_KEYS = {"dataElement", "categoryOptionCombo"}


class Dhis2Error(AdminError):
    """A refused export (bad period, mapping, output path); ``vi``/``en`` say why."""


def _flatten(figures: dict, prefix: str = "") -> dict[str, int | float]:
    """Numeric figures by dotted name; shares give numerator and denominator
    (DHIS2 computes the ratio itself, as an indicator)."""
    out: dict[str, int | float] = {}
    for key, value in figures.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten({k: v for k, v in value.items() if k != "value"}, f"{name}."))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out[name] = value
    return out


def indicator_keys() -> tuple[str, ...]:
    """Every name a mapping may use: the indicators page's figures, flattened."""
    empty = ind.compute(year(2026), date(2026, 12, 31), [], [], [], [], [])
    return tuple(_flatten(summary(empty)))


def dhis2_period(period: Period) -> str:
    """2026, 2026Q3 or 202607: DHIS2's ISO period for a year, quarter or month."""
    if period.kind == "year":
        return f"{period.start.year}"
    if period.kind == "quarter":
        return f"{period.start.year}Q{(period.start.month - 1) // 3 + 1}"
    if period.kind == "month":
        return f"{period.start.year}{period.start.month:02d}"
    raise Dhis2Error("DHIS2 chỉ nhận kỳ năm, quý hoặc tháng (ví dụ 2026, 2026-Q3, 2026-07).",
                     "DHIS2 takes a year, quarter or month (e.g. 2026, 2026-Q3, 2026-07).")


@dataclass(frozen=True)
class Element:
    data_element: str
    category_option_combo: str | None


@dataclass(frozen=True)
class Mapping:
    data_set: str
    id_scheme: str
    data_element_id_scheme: str
    org_unit_id_scheme: str
    org_units: dict[str, str]  # facility code -> DHIS2 org unit
    elements: dict[str, Element]  # indicator name -> DHIS2 data element (+ combo)


def _safe(text: str, limit: int = 60) -> str:
    """Echo a file's text with control characters escaped (no terminal tricks)."""
    return json.dumps(text[:limit], ensure_ascii=False)[1:-1]


def _refuse(vi: str, en: str):
    raise Dhis2Error(f"Tệp ánh xạ DHIS2: {vi}", f"DHIS2 mapping file: {en}")


def _scheme(doc: dict, key: str, default: str) -> str:
    value = doc.get(key, default)
    if not isinstance(value, str) or value.upper() not in ID_SCHEMES:
        _refuse(f"“{key}” phải là CODE hoặc UID, không phải {json.dumps(value, ensure_ascii=False)[:60]}.",
                f"“{key}” must be CODE or UID, not {json.dumps(value, ensure_ascii=False)[:60]}.")
    return value.upper()


def _identifier(value, scheme: str, where: str) -> str:
    shown = json.dumps(value, ensure_ascii=False)[:60]
    if not isinstance(value, str) or not value.strip():
        _refuse(f"{where}: cần một mã ({scheme}), không phải {shown}.",
                f"{where}: needs an identifier ({scheme}), not {shown}.")
    if scheme == "UID" and not _UID.match(value):
        _refuse(f"{where}: “{_safe(value)}” không phải UID của DHIS2 (11 ký tự chữ và số, bắt đầu bằng chữ cái).",
                f"{where}: “{_safe(value)}” is not a DHIS2 UID (11 letters and digits, a letter first).")
    if scheme == "CODE" and (len(value) > _CODE_MAX or not value.isprintable() or value != value.strip()):
        _refuse(f"{where}: mã “{_safe(value)}” phải có tối đa {_CODE_MAX} ký tự in được, không có khoảng trắng ở hai đầu.",
                f"{where}: code “{_safe(value)}” must be at most {_CODE_MAX} printable characters, not padded.")
    return value


def _object(value, where_vi: str, where_en: str) -> dict:
    if not isinstance(value, dict) or not value:
        _refuse(f"“{where_vi}” phải là một đối tượng JSON không rỗng.",
                f"“{where_en}” must be a non-empty JSON object.")
    return value


def _no_repeats(pairs: list[tuple[str, object]]) -> dict:
    """A name given twice would silently keep the last one: refuse it."""
    out: dict = {}
    for key, value in pairs:
        if key in out:
            _refuse(f"“{_safe(key)}” có hai lần.", f"“{_safe(key)}” appears twice.")
        out[key] = value
    return out


def _one_each(targets: dict, what_vi: str, what_en: str) -> None:
    """Two names sent to one DHIS2 cell would overwrite each other there."""
    by_target: dict = {}
    for name, target in targets.items():
        if target in by_target:
            _refuse(f"{what_vi} “{_safe(by_target[target])}” và “{_safe(name)}” trỏ vào cùng một chỗ trong DHIS2.",
                    f"{what_en} “{_safe(by_target[target])}” and “{_safe(name)}” point at the same DHIS2 cell.")
        by_target[target] = name


def parse_mapping(raw: bytes) -> Mapping:
    """Check a mapping file's bytes; every problem is refused with its place."""
    try:
        doc = json.loads(raw.decode("utf-8-sig"), object_pairs_hook=_no_repeats)
    except UnicodeDecodeError:
        _refuse("không phải văn bản UTF-8.", "is not UTF-8 text.")
    except json.JSONDecodeError as exc:
        _refuse(f"JSON sai ở dòng {exc.lineno}, cột {exc.colno}: {exc.msg}.",
                f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}.")
    except RecursionError:
        _refuse("JSON lồng nhau quá sâu.", "JSON nested too deeply.")
    if not isinstance(doc, dict):
        _refuse("phải là một đối tượng JSON { ... }.", "must be a JSON object { ... }.")
    unknown = sorted(set(doc) - _TOP_KEYS)
    if unknown:
        names = ", ".join(_safe(k, 40) for k in unknown[:10])
        _refuse(f"có mục không biết: {names}.", f"unknown entries: {names}.")
    id_scheme = _scheme(doc, "idScheme", "CODE")
    de_scheme = _scheme(doc, "dataElementIdScheme", id_scheme)
    ou_scheme = _scheme(doc, "orgUnitIdScheme", id_scheme)
    data_set = _identifier(doc.get("dataSet"), id_scheme, "dataSet")
    org_units = {}
    for code, unit in _object(doc.get("orgUnits"), "orgUnits", "orgUnits").items():
        org_units[code] = _identifier(unit, ou_scheme, f"orgUnits.{_safe(code, 40)}")
    elements_doc = _object(doc.get("dataElements"), "dataElements", "dataElements")
    known = set(indicator_keys())
    unknown = [k for k in elements_doc if k not in known]
    if unknown:
        names = ", ".join(_safe(k) for k in unknown[:20])
        _refuse(f"không có chỉ tiêu tên {names} (xem danh sách trong docs/dhis2.md).",
                f"no indicator named {names} (see the list in docs/dhis2.md).")
    elements = {}
    for key, spec in elements_doc.items():
        if isinstance(spec, str):
            spec = {"dataElement": spec}
        if not isinstance(spec, dict) or set(spec) - _ELEMENT_KEYS or "dataElement" not in spec:
            _refuse(f"dataElements.{_safe(key)}: cần {{\"dataElement\": ..., \"categoryOptionCombo\": ...}} hoặc một mã.",
                    f"dataElements.{_safe(key)}: needs {{\"dataElement\": ..., \"categoryOptionCombo\": ...}} or one identifier.")
        combo = spec.get("categoryOptionCombo")
        elements[key] = Element(
            _identifier(spec["dataElement"], de_scheme, f"dataElements.{_safe(key)}.dataElement"),
            None if combo is None else _identifier(combo, id_scheme, f"dataElements.{_safe(key)}.categoryOptionCombo"))
    _one_each(org_units, "Cơ sở", "Facilities")
    _one_each(elements, "Chỉ tiêu", "Indicators")
    return Mapping(data_set, id_scheme, de_scheme, ou_scheme, org_units, elements)


def read_mapping(path: str | os.PathLike) -> Mapping:
    """Read at most MAX_MAPPING_BYTES; a larger file is refused, not cut."""
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_MAPPING_BYTES + 1)
    except OSError as exc:
        raise Dhis2Error(f"Không đọc được tệp ánh xạ DHIS2 “{path}”: {exc.strerror}.",
                         f"Cannot read the DHIS2 mapping file “{path}”: {exc.strerror}.") from None
    if len(raw) > MAX_MAPPING_BYTES:
        _refuse(f"lớn hơn {MAX_MAPPING_BYTES // 1024} KB.", f"is larger than {MAX_MAPPING_BYTES // 1024} KB.")
    return parse_mapping(raw)


@dataclass
class Export:
    document: dict
    unmapped: list[str]  # facilities on the server the mapping does not name (skipped)
    absent: list[str]  # facilities the mapping names that this server does not know


def _text(value: int | float) -> str:
    return str(value) if isinstance(value, int) else f"{value:g}"


def build(conn: sa.Connection, period_text: str, mapping: Mapping, today: date) -> Export:
    """The dataValueSets document for a finished year, quarter or month."""
    period = parse_period(period_text)
    pe = dhis2_period(period)
    if period.end >= today:
        raise Dhis2Error(
            f"Kỳ {period.phrase()} chưa kết thúc (hôm nay là {dmy(today)}): chỉ gửi DHIS2 số liệu kỳ đã xong.",
            f"The period {period.title('en')} has not ended (today is {dmy(today)}): "
            "only finished periods go to DHIS2.")
    codes = [f.code for f in conn.execute(sa.select(facilities.c.code).order_by(facilities.c.code))]
    values = []
    for code in codes:
        unit = mapping.org_units.get(code)
        if unit is None:
            continue
        figures = _flatten(facility_figures(conn, code, period, today))
        for key, element in mapping.elements.items():
            value = {"dataElement": element.data_element, "period": pe, "orgUnit": unit,
                     "value": _text(figures[key])}
            if element.category_option_combo is not None:
                value["categoryOptionCombo"] = element.category_option_combo
            values.append(value)
    mapped = [c for c in codes if c in mapping.org_units]
    if not mapped:
        raise Dhis2Error("Tệp ánh xạ không có cơ sở nào đã đăng ký trên máy chủ này: không có gì để xuất.",
                         "The mapping names no facility registered on this server: nothing to export.")
    document = {"dataSet": mapping.data_set, "period": pe, "idScheme": mapping.id_scheme,
                "dataElementIdScheme": mapping.data_element_id_scheme,
                "orgUnitIdScheme": mapping.org_unit_id_scheme, "dataValues": values}
    return Export(document, [c for c in codes if c not in mapping.org_units],
                  sorted(_safe(c, 40) for c in set(mapping.org_units) - set(codes)))


def write(document: dict, out: str | os.PathLike) -> None:
    """Write whole or not at all: a temporary file beside ``out``, then a rename."""
    target = Path(out)
    if not target.parent.is_dir():
        raise Dhis2Error(f"Không có thư mục “{target.parent}” để ghi tệp xuất.",
                         f"There is no folder “{target.parent}” to write the export to.")
    fd, tmp = tempfile.mkstemp(prefix=".dhis2-", suffix=".json", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=False, indent=1)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise Dhis2Error(f"Không ghi được “{target}”: {exc.strerror}.",
                         f"Cannot write “{target}”: {exc.strerror}.") from None
