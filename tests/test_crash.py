"""kill -9 in the middle of writing 1,000 checkups: the store opens,
``facility-admin verify`` passes, and every checkup whose service call had
returned is there, with its change-log and audit rows (all or nothing)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date

import pytest
import sqlalchemy as sa

from care_core.domain.entities import Resident
from care_core.domain.enums import BeneficiaryGroup, Sex
from facility_app.storage.store import Store
from facility_app.storage.tables import audit_log, change_log, checkups
from tests.conftest import SYSTEM, make_services
from tests.store_fixtures import PASSPHRASE, cli_env, run_cli

WRITER = textwrap.dedent("""
    import os, sys
    from datetime import date, timedelta
    from care_core.domain.entities import Actor, Checkup, VitalSigns
    from care_core.domain.enums import CheckupKind, Role
    from facility_app.services.container import Services
    from facility_app.storage.store import Store

    data_dir, resident_id = sys.argv[1], sys.argv[2]
    services = Services(Store.open(data_dir, os.environ["FACILITY_APP_PASSPHRASE"]),
                        today=lambda: date(2026, 11, 20))
    nurse = Actor("nurse1", Role.NURSE)
    for i in range(1000):
        checkup = services.clinical.record_checkup(nurse, Checkup(
            resident_id, date(2022, 1, 1) + timedelta(days=i), CheckupKind.PERIODIC,
            VitalSigns(systolic=110 + i % 50, diastolic=70 + i % 20, pulse=60 + i % 30),
            findings="Khám định kỳ lần %d" % i))
        print(checkup.id, flush=True)  # only after the call returned
    services.close()
""")


@pytest.mark.parametrize("kill_after", [150, 420])
def test_kill_9_mid_write_loses_no_returned_checkup(tmp_path, kill_after):
    data = tmp_path / "data"
    services = make_services(data)
    resident = services.residents.admit(SYSTEM, Resident("Nguyễn Văn Bảy", Sex.MALE, date(1950, 7, 7),
                                                         date(2021, 6, 1), [BeneficiaryGroup.ELDERLY]))
    services.close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")

    child = subprocess.Popen([sys.executable, str(script), str(data), resident.id], env=cli_env(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    printed: list[str] = []
    try:
        for line in child.stdout:
            printed.append(line.strip())
            if len(printed) >= kill_after:
                os.kill(child.pid, signal.SIGKILL)
                break
        rest = child.stdout.read()  # lines already in the pipe were printed after their call returned
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()
    printed += [line for line in rest.split("\n")[:-1] if line]  # a cut-off last fragment is no promise
    assert child.returncode == -signal.SIGKILL
    assert kill_after <= len(printed) < 1000, "the writer must die mid-run"

    proc = run_cli(data, "verify")
    assert proc.returncode == 0, (proc.stdout, proc.stderr)

    with Store.open(data, PASSPHRASE) as store, store.engine.connect() as conn:
        stored = set(conn.execute(sa.select(checkups.c.id)).scalars())
        assert set(printed) <= stored
        # at most the one call in flight may have committed without printing
        assert len(stored) - len(printed) <= 1
        logged = conn.execute(sa.select(change_log.c.row_id).where(change_log.c.table_name == "checkups")).scalars().all()
        audited = conn.execute(sa.select(audit_log.c.row_id).where(audit_log.c.table_name == "checkups")).scalars().all()
        assert sorted(logged) == sorted(stored) == sorted(audited)
