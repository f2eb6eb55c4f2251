"""facility-admin entry point. Every error: one clear line on stderr, non-zero exit."""
from __future__ import annotations

import argparse
import logging
import sys

from .. import logs, paths
from ..version import version
from care_core.domain.messages import DomainError
from . import admin_cmds, intake_cmds, language, report_cmds, resident_cmds, store_cmds, sync_cmds
from .context import Context, known_failure

# Each module adds its sub-commands: register(subparsers) -> None
COMMAND_MODULES = [store_cmds, admin_cmds, resident_cmds, intake_cmds, report_cmds, sync_cmds]


def build_parser(lang: str = "vi") -> argparse.ArgumentParser:
    """The whole command tree; call inside ``language.argparse_in(lang)`` for
    argparse's own words in ``lang`` (``main`` does)."""
    parser = argparse.ArgumentParser(prog="facility-admin", description="Manage the facility's health-record store.")
    parser.add_argument("--data-dir", metavar="FOLDER",
                        help=f"data folder (env {paths.DATA_DIR_ENV}; default: the user data folder)")
    parser.add_argument("--lang", choices=["vi", "en"], default=lang,
                        help=f"language of messages and help: vi (default) or en (env {language.LANG_ENV})")
    parser.add_argument("--user", metavar="NAME", help="name recorded in the audit log instead of facility-admin")
    parser.add_argument("--version", action="version", version=f"facility-admin {version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    """Parse in the language the arguments or the environment ask for."""
    lang = language.prescan(argv)
    with language.argparse_in(lang) as catalogue:
        parser = build_parser(lang)
        language.translate(parser, catalogue, lang)
        return parser.parse_args(argv)


def _utf8_output() -> None:
    """Vietnamese text sent to a file or a pipe (``facility-admin info > out.txt``, a
    deployment script) is written as UTF-8: on Windows Python would use the ANSI code
    page there, which cannot hold Vietnamese (UnicodeEncodeError; found by
    installer/wine-check.sh). A console already takes Unicode."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    _utf8_output()
    args = parse(sys.argv[1:] if argv is None else argv)
    ctx = Context(paths.data_dir(args.data_dir), args.lang, args.user)
    logs.setup(paths.log_dir(ctx.data_dir))
    try:
        code = int(args.handler(ctx, args) or 0)
        # the command's name only, never its arguments (a search can be a resident's name)
        logging.getLogger(logs.LOGGER_NAME).info("facility-admin %s: exit %d", _command_name(args), code)
        return code
    except DomainError as exc:
        print(exc.message(ctx.lang), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Đã dừng." if ctx.lang == "vi" else "Stopped.", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback on the IT officer's screen
        known = known_failure(exc, ctx.data_dir)  # disk full, locked, read-only folder, damaged file: say what to do
        if known is not None:
            logging.getLogger(logs.LOGGER_NAME).warning("facility-admin %s: %s", _command_name(args), type(exc).__name__)
            print(known.message(ctx.lang), file=sys.stderr)
            return 1
        logs.log_unexpected(exc)
        where = paths.log_dir(ctx.data_dir)
        print((f"Lỗi không mong đợi ({type(exc).__name__}); chi tiết trong nhật ký tại {where}."
               if ctx.lang == "vi" else
               f"Unexpected error ({type(exc).__name__}); details in the log at {where}."), file=sys.stderr)
        return 1
    finally:
        ctx.close()


def _command_name(args) -> str:
    return args.handler.__name__.removeprefix("cmd_").replace("_", "-")


if __name__ == "__main__":
    sys.exit(main())
