"""facility-admin entry point. Every error: one clear line on stderr, non-zero exit."""
from __future__ import annotations

import argparse
import logging
import os
import sys

from .. import logs, paths
from ..version import version
from ..domain.messages import DomainError
from . import admin_cmds, report_cmds, resident_cmds, store_cmds, sync_cmds
from .context import Context, known_failure

# Each module adds its sub-commands: register(subparsers) -> None
COMMAND_MODULES = [store_cmds, admin_cmds, resident_cmds, report_cmds, sync_cmds]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facility-admin",
        description="Quản trị kho hồ sơ sức khỏe của cơ sở / Manage the facility's health-record store.",
    )
    parser.add_argument("--data-dir", help=f"data folder (env {paths.DATA_DIR_ENV}; default: the user data folder)")
    parser.add_argument("--lang", choices=["vi", "en"], default=os.environ.get("FACILITY_APP_LANG", "vi"),
                        help="language of messages (default vi)")
    parser.add_argument("--user", help="name recorded in the audit log instead of facility-admin")
    parser.add_argument("--version", action="version", version=f"facility-admin {version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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
