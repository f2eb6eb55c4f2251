"""The officer's routes beyond the figures page: the dashboard's JSON, one
facility's page, and its resident list (role "records" only, audited).

A facility outside the officer's scope answers 403 - whether or not it
exists would otherwise leak through a 404, so an unknown code answers 403
too unless the officer governs the whole province.
"""
from __future__ import annotations

from datetime import date
from html import escape as esc
from typing import Awaitable, Callable

import sqlalchemy as sa
from fastapi import FastAPI, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from care_core.domain.enums import FacilityType
from care_core.domain.governance import TYPE_NAMES_VI
from care_core.domain.messages import DomainError
from care_core.domain.dates import dmy
from care_core.domain.periods import parse_period, year

from . import dashboard_page, officer_reads, openapi_docs, pages, province
from .db import read_conn, write_conn
from .entities import today_in_vietnam
from .indicators import facility_figures
from .login_guard import Throttled
from .officer_scope import Officer

CODE = Path(min_length=1, max_length=20, pattern=r"^[A-Za-z0-9_.-]+$")
STALE_DAYS = Query(province.STALE_DAYS, ge=1, le=3650)


class OutOfScope(Exception):
    pass


def dashboard_data(engine: sa.Engine, officer: Officer, period_text: str | None, stale_days: int,
                   as_of: date | None = None) -> dict:
    """Raises ``DomainError`` for a period that cannot be read."""
    as_of = as_of or today_in_vietnam()
    period = parse_period(period_text) if period_text else year(as_of.year)
    with read_conn(engine) as conn:
        return province.dashboard(conn, officer, period, period.as_of(as_of), stale_days)


def _facility(engine: sa.Engine, officer: Officer, code: str) -> province.FacilityInfo:
    with read_conn(engine) as conn:
        infos = {f.code: f for f in province.facility_infos(conn)}
    info = infos.get(code)
    if info is None or not officer.sees(info.body, info.type):
        raise OutOfScope(code)
    return info


def mount(app: FastAPI, engine: sa.Engine, officer_of: Callable[[Request], Awaitable[Officer | None]],
          api_error: type) -> None:
    """``officer_of``: the request's officer with their scope (None: not logged in)."""

    async def officer_or_401(request: Request) -> Officer:
        try:
            officer = await officer_of(request)
        except Throttled as exc:
            raise api_error(429, "login-throttled", "Đăng nhập tạm bị chặn do sai nhiều lần; hãy thử lại sau.",
                            "Logins are throttled after too many failures; try again later.",
                            headers={"Retry-After": str(exc.retry_after)}) from None
        if officer is None:
            raise api_error(401, "login-required", "Cần đăng nhập tài khoản cán bộ của Sở.",
                            "Log in with a provincial officer's account.",
                            headers={"WWW-Authenticate": 'Basic realm="provincial"'})
        return officer

    def forbidden() -> Exception:
        return api_error(403, "out-of-scope", "Cơ sở này không thuộc phạm vi quản lý của tài khoản.",
                         "This facility is outside the account's scope.")

    @app.get("/v1/dashboard", tags=["indicators"],
             openapi_extra={"responses": openapi_docs.errors(401, 422, 429, 503)})
    async def dashboard_json(request: Request, period: str | None = Query(None, max_length=40),
                             stale_days: int = STALE_DAYS):
        officer = await officer_or_401(request)
        try:
            data = await run_in_threadpool(dashboard_data, engine, officer, period, stale_days)
        except DomainError as exc:
            raise api_error(422, "bad-period", exc.message("vi"), exc.message("en")) from None
        return JSONResponse(data)

    @app.get("/facilities/{code}", tags=["indicators"], response_class=HTMLResponse,
             openapi_extra={"responses": openapi_docs.html_pages(303, 403, 422, 503)})
    async def facility_page(request: Request, code: str = CODE, period: str | None = Query(None, max_length=40)):
        try:
            officer = await officer_of(request)
        except Throttled:
            officer = None
        if officer is None:
            return RedirectResponse("/login", status_code=303)
        try:
            info = await run_in_threadpool(_facility, engine, officer, code)
        except OutOfScope:
            return HTMLResponse(pages.message_page("Không có quyền xem", "Cơ sở này không thuộc phạm vi quản lý "
                                                   "của tài khoản."), status_code=403)
        try:
            p = parse_period(period) if period else year(today_in_vietnam().year)
            as_of = p.as_of(today_in_vietnam())
        except DomainError as exc:
            return HTMLResponse(pages.message_page("Kỳ báo cáo không hợp lệ", exc.message("vi")), status_code=422)

        def work():
            with read_conn(engine) as conn:
                return facility_figures(conn, code, p, as_of)
        figures = await run_in_threadpool(work)
        rows = "".join(f"<tr><th>{esc(label)}</th><td class=\"n\">"
                       f"{dashboard_page.cell(dashboard_page.value_at(figures, path), kind)}</td></tr>"
                       for path, label, kind in dashboard_page.INDICATORS)
        kind = TYPE_NAMES_VI[FacilityType(info.type)] if info.type else "chưa rõ loại"
        link = (f'<p><a href="/facilities/{esc(code)}/residents">Danh sách đối tượng (mỗi lần xem được ghi '
                f'nhật ký)</a></p>' if officer.reads_records else "")
        return HTMLResponse(pages.page(f"{info.name}", f"""<h1>{esc(info.name)}</h1>
<p>{esc(code)} – {esc(kind)}; {esc(p.title('vi'))}, số liệu đến ngày {esc(dmy(as_of))}.</p>
<table>{rows}</table>{link}<p><a href="/indicators">Bảng điều khiển của tỉnh</a></p>"""))

    def residents_work(officer: Officer, code: str) -> list[dict]:
        _facility(engine, officer, code)
        with write_conn(engine) as conn, conn.begin():
            officer_reads.audit(conn, officer.username, code, "resident-list")
            return officer_reads.resident_list(conn, code)

    @app.get("/v1/facilities/{code}/residents", tags=["indicators"],
             openapi_extra={"responses": openapi_docs.errors(401, 403, 422, 429, 503)})
    async def residents_json(request: Request, code: str = CODE):
        officer = await officer_or_401(request)
        if not officer.reads_records:
            raise api_error(403, "no-resident-data", "Tài khoản này chỉ được xem số liệu tổng hợp.",
                            "This account may see aggregate figures only.")
        try:
            items = await run_in_threadpool(residents_work, officer, code)
        except OutOfScope:
            raise forbidden() from None
        return JSONResponse({"facility": code, "residents": items})

    @app.get("/facilities/{code}/residents", tags=["indicators"], response_class=HTMLResponse,
             openapi_extra={"responses": openapi_docs.html_pages(303, 403, 422, 503)})
    async def residents_page(request: Request, code: str = CODE):
        try:
            officer = await officer_of(request)
        except Throttled:
            officer = None
        if officer is None:
            return RedirectResponse("/login", status_code=303)
        if not officer.reads_records:
            return HTMLResponse(pages.message_page("Không có quyền xem",
                                                   "Tài khoản này chỉ được xem số liệu tổng hợp."), status_code=403)
        try:
            items = await run_in_threadpool(residents_work, officer, code)
        except OutOfScope:
            return HTMLResponse(pages.message_page("Không có quyền xem", "Cơ sở này không thuộc phạm vi quản lý "
                                                   "của tài khoản."), status_code=403)
        rows = "".join(f"<tr><td>{esc(r['code'])}</td><td>{esc(r['full_name'])}</td><td>{esc(r['birth_year'])}</td>"
                       f"<td>{esc(r['admission_date'])}</td><td>{esc(r['discharge_date'])}</td>"
                       f"<td>{esc(r['last_checkup'] or 'chưa khám')}</td></tr>" for r in items)
        return HTMLResponse(pages.page("Danh sách đối tượng", f"""<h1>Danh sách đối tượng – {esc(code)}</h1>
<p>Lần xem này đã được ghi vào nhật ký truy cập của máy chủ.</p>
<table><tr><th>Mã</th><th>Họ tên</th><th>Năm sinh</th><th>Ngày tiếp nhận</th><th>Ngày ra</th>
<th>Khám gần nhất</th></tr>{rows}</table><p><a href="/facilities/{esc(code)}">Quay lại</a></p>"""))
