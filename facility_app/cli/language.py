"""The command line in the IT officer's language.

The language is known before argparse runs (``--lang`` pre-scanned from the
arguments, else ``FACILITY_APP_LANG``, else Vietnamese), so argparse's own
words ("usage", "options", its errors) and every help text come out in it.
argparse asks ``gettext`` for its words; while the parser is built and run
those calls go to the catalogue in ``help_texts`` (English source texts, as
in the GUI's .ts files).
"""
from __future__ import annotations

import argparse
import gettext
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from care_core.domain.messages import DEFAULT_LANGUAGE, LANGUAGES
from . import help_texts

LANG_ENV = "FACILITY_APP_LANG"


def prescan(argv: Sequence[str]) -> str:
    """``--lang xx`` / ``--lang=xx`` before any sub-command, else the environment, else vi."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    env = os.environ.get(LANG_ENV, "")
    return env if env in LANGUAGES else DEFAULT_LANGUAGE


class Catalogue(gettext.NullTranslations):
    """English source text -> the language's text; unknown texts stay English."""

    def __init__(self, lang: str):
        super().__init__()
        self.texts = help_texts.VI if lang == "vi" else {}

    def gettext(self, message: str) -> str:
        return self.texts.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.texts.get(plural if n != 1 else singular, plural if n != 1 else singular)


@contextmanager
def argparse_in(lang: str) -> Iterator[Catalogue]:
    """argparse speaks ``lang`` inside the block (building, parsing, help, errors)."""
    catalogue = Catalogue(lang)
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = catalogue.gettext, catalogue.ngettext
    try:
        yield catalogue
    finally:
        argparse._, argparse.ngettext = saved


def _fill(text: str, lang: str) -> str:
    for key, values in help_texts.FIELDS.items():
        if "{" + key + "}" in text:
            text = text.replace("{" + key + "}", values(lang))
    return text


def parsers(parser: argparse.ArgumentParser) -> Iterator[tuple[argparse.ArgumentParser, str | None]]:
    """The parser and every sub-command's parser, each with its one-line help."""
    yield parser, None
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                for child, line in parsers(sub):
                    yield child, line if child is not sub else helps.get(name)


def translate(parser: argparse.ArgumentParser, catalogue: Catalogue, lang: str) -> None:
    """Every description, help text and metavar of the tree in ``lang``; a
    sub-command's own --help starts with its one-line description."""
    tr = catalogue.gettext
    for p, line in parsers(parser):
        if p.description is None and line:
            p.description = line
        if p.description:
            p.description = _fill(tr(p.description), lang)
        for action in p._actions:
            if action.help and action.help != argparse.SUPPRESS:
                action.help = _fill(tr(action.help), lang)
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    choice.help = _fill(tr(choice.help), lang) if choice.help else choice.help
            if isinstance(action.metavar, tuple):
                action.metavar = tuple(tr(m) for m in action.metavar)
            elif action.metavar:
                action.metavar = tr(action.metavar)
            elif action.nargs != 0 and action.choices is None:
                shown = action.dest.upper() if action.option_strings else action.dest
                if tr(shown) != shown:
                    action.metavar = tr(shown)


def untranslated(parser: argparse.ArgumentParser) -> list[str]:
    """Texts of the tree with no Vietnamese in the catalogue (for the tests)."""
    missing = []
    for p, line in parsers(parser):
        texts = [p.description or line]
        for action in p._actions:
            if action.help == argparse.SUPPRESS:
                continue  # hidden: never shown
            texts.append(action.help)
            texts += list(action.metavar) if isinstance(action.metavar, tuple) else [action.metavar]
            if isinstance(action, argparse._SubParsersAction):
                texts += [c.help for c in action._choices_actions]
            elif not action.metavar and action.nargs != 0 and action.choices is None:
                texts.append(action.dest.upper() if action.option_strings else action.dest)
        missing += [t for t in texts if t and t not in help_texts.VI]
    return sorted(set(missing))
