"""facility-admin in the IT officer's language: argparse's own words, every
help text and its errors in Vietnamese (default) or English (--lang en,
FACILITY_APP_LANG=en), through the real command line; `info` names the
facility type in words."""
from __future__ import annotations

import subprocess

import pytest

from facility_app.cli import language
from facility_app.cli.main import build_parser, parse
from tests.store_fixtures import CLI, cli_env, init_args, run_cli

ENGLISH_WORDS = ["usage:", "options:", "positional arguments", "show this help", "error:"]


def words_of(proc: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    return proc.stdout + proc.stderr


@pytest.mark.parametrize("lang, expected", [
    ("vi", ["cách dùng: facility-admin", "tùy chọn:", "tham số:", "LỆNH", "hiện hướng dẫn này rồi thoát",
            "ghi bản sao lưu mã hóa", "đồng bộ với máy chủ của tỉnh", "Quản trị kho hồ sơ sức khỏe của cơ sở."]),
    ("en", ["usage: facility-admin", "options:", "positional arguments:", "COMMAND", "show this help message and exit",
            "write an encrypted backup", "synchronise with the provincial server"]),
])
def test_top_level_help(tmp_path, lang, expected):
    proc = run_cli(tmp_path / "data", "--help", lang=lang)
    assert proc.returncode == 0
    text = words_of(proc)
    assert all(e in text for e in expected), text
    if lang == "vi":
        assert not any(w in text for w in ENGLISH_WORDS), text
    assert not (tmp_path / "data").exists()  # help touches nothing


@pytest.mark.parametrize("lang, expected", [
    ("vi", ["cách dùng: facility-admin backup [-h] TỆP", "ghi bản sao lưu mã hóa",
            "TỆP         tệp sao lưu sẽ ghi ra (nơi lưu; thư mục chứa phải có sẵn)"]),
    ("en", ["usage: facility-admin backup [-h] FILE", "write an encrypted backup",
            "FILE        the backup file to write (the destination; its folder must"]),
])
def test_backup_help_says_its_argument_is_the_destination_file(tmp_path, lang, expected):
    proc = run_cli(tmp_path / "data", "backup", "--help", lang=lang)
    assert proc.returncode == 0
    text = words_of(proc)
    assert all(e in text for e in expected), text


@pytest.mark.parametrize("lang, args, expected", [
    ("vi", ["users", "add"], "facility-admin users add: lỗi: thiếu tham số bắt buộc: TÊN_ĐĂNG_NHẬP, --role, --full-name"),
    ("en", ["users", "add"], "facility-admin users add: error: the following arguments are required: USERNAME, --role, --full-name"),
    ("vi", ["init", "--facility-type", "x"], "lỗi: tham số --facility-type: không có lựa chọn 'x' (chọn một trong: "),
    ("en", ["init", "--facility-type", "x"], "error: argument --facility-type: invalid choice: 'x' (choose from "),
    ("vi", ["demo", "--residents", "mười"], "lỗi: tham số --residents: giá trị 'mười' không hợp lệ"),
    ("en", ["demo", "--residents", "ten"], "error: argument --residents: invalid int value: 'ten'"),
    ("vi", ["bakup"], "lỗi: tham số LỆNH: không có lựa chọn 'bakup'"),
    ("vi", ["info", "--bogus"], "lỗi: không hiểu tham số: --bogus"),
])
def test_argparse_errors_in_the_users_language(tmp_path, lang, args, expected):
    proc = run_cli(tmp_path / "data", *args, lang=lang)
    assert proc.returncode == 2
    assert expected in proc.stderr, proc.stderr
    assert ("cách dùng:" if lang == "vi" else "usage:") in proc.stderr
    assert not (tmp_path / "data").exists()


def run_bare(*args: str, **env: str) -> subprocess.CompletedProcess:
    """No --lang added: what the environment or the arguments alone choose."""
    return subprocess.run([*CLI, *args], env=cli_env(**env), stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)


def test_the_language_comes_from_the_environment_or_the_arguments_before_parsing():
    assert "cách dùng:" in run_bare("users", "add").stderr  # nothing set: Vietnamese
    assert "the following arguments are required" in run_bare("users", "add", FACILITY_APP_LANG="en").stderr
    assert "usage: facility-admin backup" in run_bare("--lang=en", "backup", "--help").stdout
    assert "cách dùng:" in run_bare("--lang", "vi", "backup", "--help", FACILITY_APP_LANG="en").stdout
    wrong = run_bare("--lang", "fr", "info")
    assert wrong.returncode == 2 and "không có lựa chọn 'fr' (chọn một trong: 'vi', 'en')" in wrong.stderr


@pytest.mark.parametrize("argv, lang", [
    ([], "vi"), (["--lang", "en", "info"], "en"), (["--lang=en"], "en"), (["--data-dir", "x", "--lang", "en"], "en"),
    (["--lang", "fr"], "vi"), (["--lang"], "vi"), (["residents", "search", "--", "--lang", "en"], "vi"),
])
def test_prescan(argv, lang, monkeypatch):
    monkeypatch.delenv(language.LANG_ENV, raising=False)
    assert language.prescan(argv) == lang


def test_every_help_text_and_placeholder_has_its_vietnamese():
    assert language.untranslated(build_parser()) == []


def test_every_sub_command_help_is_vietnamese(capsys, monkeypatch):
    monkeypatch.delenv(language.LANG_ENV, raising=False)
    parser = build_parser()
    paths = [p.prog.split()[1:] for p, _ in language.parsers(parser)]
    assert len(paths) > 20
    for path in paths:
        with pytest.raises(SystemExit) as done:
            parse([*path, "--help"])
        assert done.value.code == 0
        text = capsys.readouterr().out
        assert text.startswith("cách dùng: facility-admin"), (path, text)
        assert not any(w in text for w in ENGLISH_WORDS), (path, text)
        if path:
            assert text.split("\n\n")[1].strip(), (path, "no description")  # says what the command does


@pytest.mark.parametrize("lang, label, other", [
    ("vi", "Loại hình: Cơ sở trợ giúp xã hội", "Loại hình: Cơ sở cai nghiện ma túy"),
    ("en", "Type: Social-assistance centre", "Type: Drug-rehabilitation centre"),
])
def test_info_names_the_facility_type_in_words(tmp_path, lang, label, other):
    data = tmp_path / "data"
    assert run_cli(data, *init_args(), lang=lang).returncode == 0
    proc = run_cli(data, "info", lang=lang)
    assert proc.returncode == 0, proc.stderr
    assert label in proc.stdout and "social-assistance" not in proc.stdout
    drug = tmp_path / "drug"
    assert run_cli(drug, *init_args(kind="drug-rehab"), lang=lang).returncode == 0
    assert other in run_cli(drug, "info", lang=lang).stdout
