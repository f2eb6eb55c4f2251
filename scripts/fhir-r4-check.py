"""Check exported bundles against FHIR R4 4.0.1 itself, outside the project's
virtualenv: fhir.resources 6.1.0 holds the 4.0.1 models but needs pydantic 1,
which the server's FastAPI no longer runs on (the tests use the R4B models).

    python3 -m venv /tmp/fhir-r4 && /tmp/fhir-r4/bin/pip install "fhir.resources==6.1.0" "pydantic<2"
    /tmp/fhir-r4/bin/python scripts/fhir-r4-check.py FILE.json...

Prints how many bundles and entries parsed; exits 1 on the first that does not.
"""
import sys

import fhir.resources
from fhir.resources.bundle import Bundle

if fhir.resources.__fhir_version__ != "4.0.1":
    sys.exit(f"fhir.resources {fhir.resources.__version__} holds FHIR {fhir.resources.__fhir_version__}, not 4.0.1")
bundles = entries = 0
for path in sys.argv[1:]:
    try:
        bundle = Bundle.parse_file(path)
    except Exception as exc:  # a validation error names the element at fault
        sys.exit(f"{path}: {exc}")
    bundles += 1
    entries += len(bundle.entry or [])
print(f"FHIR 4.0.1: {bundles} bundles, {entries} entries parsed with no error")
