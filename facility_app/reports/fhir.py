"""One resident's record as an HL7 FHIR R4 Bundle, for handing a resident
over to a hospital or another facility: the mapping is ``care_core.fhir``
(the provincial server uses it too); this module adds the export itself.
"""
from __future__ import annotations

from pathlib import Path

from care_core.domain.entities import Actor
from care_core.fhir import *  # noqa: F401,F403 - the mapping's names, as before the move
from care_core.fhir import bundle


def export(services, actor: Actor, code: str, path: Path) -> dict:
    """Write one resident's FHIR Bundle to ``path``: permission, audit and the
    all-or-nothing write are the export service's."""
    return services.exports.resident_fhir(actor, code, Path(path), bundle)
