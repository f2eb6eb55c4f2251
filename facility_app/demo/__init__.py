"""Realistic, deterministic demo data, written through the services.

``facility-admin demo --residents N [--seed S]`` fills an initialised store
with a population that fits the facility's type:

- social assistance: mostly elderly people (many 80+), some children,
  adults with disabilities (type and severity) and with mental illness;
- merit care: veterans and war invalids, mostly old, some of their children
  disabled by dioxin;
- drug rehabilitation: adults 18-50, mostly men, methamphetamine or opioid
  dependence, with HIV, tuberculosis and hepatitis more common.

Each resident gets an identity (Vietnamese name, CCCD, BHYT card), a stay
(admission over the last years; some discharged or deceased), chronic
conditions at plausible prevalence, checkups over the whole stay with
correlated vital signs, rehabilitation courses with rising Barthel scores
and referrals to hospitals. A few records are made so the due and abnormal
lists have something to show: overdue checkups, BHYT cards expired or
expiring, abnormal vital signs in the last week, referrals still open.
People come back: every demo has a few residents whose record holds an
earlier stay (admitted, discharged, re-admitted), the drug-rehabilitation
demo relapses (a voluntary stay, then compulsory ones with their court
decisions), and some merit persons had an earlier nursing round.

Nothing is written with SQL: every record goes through the same service
call a nurse's form uses, so it is validated, audited and change-logged like
real data. The whole run is one transaction (``Store.batch``).

Determinism: the only source of randomness is ``random.Random(seed)``, and
the only clock is ``today``. The same seed and the same ``today`` on the
same starting store give the same content (names, dates, vital signs...);
only the record ids (uuid7, time-based) differ.

``today`` must be the date the services validate against: build the
services with the same day (``Services(store, today=lambda: day)``) or leave
``today`` out, and the services' own ``today()`` is used.

Demo accounts (``facility-admin demo --accounts``): a nurse, a doctor and a
director with published demo passwords, so a demo can show the main task
(an admin may not record checkups). They are made through the user service
like any account (argon2 hash, audited); the passwords are demo-only and
known to everyone, so a real facility never runs this.

The package: ``generator`` (the run, its summary), ``people`` (who lives
here, their stays and identities), ``histories`` (each one's clinical
record), ``model`` (a planned resident), ``names`` and ``clinical_terms``
(the vocabulary), ``stays`` (earlier stays), ``accounts`` (the demo accounts). It sits above the
services and may not touch the store (import-linter contracts).
"""
from __future__ import annotations

from .accounts import DEMO_ACCOUNTS, DemoAccount, add_demo_accounts
from .generator import DemoSummary, generate

__all__ = ["DEMO_ACCOUNTS", "DemoAccount", "DemoSummary", "add_demo_accounts", "generate"]
