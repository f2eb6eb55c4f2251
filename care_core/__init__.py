"""The core both ends share: the domain (entities, rules, indicators, the
field table) and the sync wire protocol. Pure Python: no Qt, no SQL, no PDF,
so the provincial server installs without the desktop's dependencies."""
