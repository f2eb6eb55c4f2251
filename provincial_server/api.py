"""The HTTP face of the server: sync API, enrolment, health, indicators.

Every error is ``{"error", "message_vi", "message_en"}`` with a 4xx status
(503 when the server is busy or not set up); bodies are read with a hard
size cap before anything is decoded, and the decoding and database work
run in worker threads so a slow push never stalls /health. Every response
carries the security headers of ``pages.SECURITY_HEADERS``.
"""
from __future__ import annotations

import base64
import gzip
import logging
import time
from urllib.parse import parse_qs

import sqlalchemy as sa
from fastapi import FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from care_core.domain.messages import DomainError
from care_core import protocol as p

from . import admin, indicators, officer_scope, openapi_docs, pages, province_pages, security, streams
from .budget import RequestBudget, retry_after
from .db import make_engine, read_conn, write_conn
from .entities import Refusal
from .ingest import BatchReused, Device, compact_answer_dict, push
from .login_guard import LoginGuard, LoginPolicy, Throttled
from .tables import settings

log = logging.getLogger("provincial_server")
SESSION_COOKIE = "ps_session"
MAX_INT32 = 2**31 - 1  # conflict ids are INTEGER columns


class ApiError(Exception):
    def __init__(self, status: int, code: str, vi: str, en: str, headers: dict | None = None):
        super().__init__(en)
        self.status, self.code, self.vi, self.en, self.headers = status, code, vi, en, headers


def _error(status: int, code: str, vi: str, en: str, headers=None) -> JSONResponse:
    return JSONResponse(p.error_body(code, vi, en), status_code=status, headers=headers)


_PROTOCOL_STATUS = {"too-large": 413, "too-many-changes": 413, "unsupported-media-type": 415,
                    "unsupported-version": 400, "malformed": 400, "too-deep": 400, "bad-text": 400}


def _protocol_error(exc: p.ProtocolError) -> ApiError:
    status = _PROTOCOL_STATUS.get(exc.code, 400)
    return ApiError(status, exc.code, f"Dữ liệu gửi lên không hợp lệ: {exc.reason}.",
                    f"The request body is not valid: {exc.reason}.")


_REVOKED = ("Máy này chưa đăng ký hoặc đã bị thu hồi quyền đồng bộ; hãy đăng ký lại bằng mã mới của Sở.",
            "This device is not enrolled or its sync access was revoked; enrol again with a new code from the province.")


ENROL_BODY_BYTES = 8 * 1024  # a code and a PC's name; unauthenticated, so kept small
LOGIN_BODY_BYTES = 16 * 1024


async def read_body(request: Request, limit: int = p.MAX_BODY_BYTES) -> bytes:
    """The raw body, refused with 413 as soon as it passes ``limit``."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise _too_large(limit)
        except ValueError:
            raise ApiError(400, "malformed", "Độ dài nội dung không hợp lệ.", "Invalid Content-Length.") from None
    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            chunks.append(chunk)
    except ClientDisconnect:
        # nobody is left to answer; one line, not a traceback (it happens
        # whenever a facility's link drops mid-push)
        log.warning("client disconnected mid-body: %s %s after %d bytes", request.method, request.url.path, size)
        raise ApiError(400, "client-disconnected", "Kết nối bị ngắt khi đang gửi dữ liệu.",
                       "The connection was cut while the body was being sent.") from None
    return b"".join(chunks)


def _too_large(limit: int = p.MAX_BODY_BYTES) -> ApiError:
    if limit == p.MAX_BODY_BYTES:  # a push
        return ApiError(413, "too-large", f"Dữ liệu gửi lên vượt quá {limit // 1024} KB; hãy gửi lô nhỏ hơn.",
                        f"The body exceeds {limit // 1024} KB; send a smaller batch.")
    return ApiError(413, "too-large", f"Dữ liệu gửi lên vượt quá {limit // 1024} KB.",
                    f"The body exceeds {limit // 1024} KB.")


def _wants_msgpack(request: Request, default: bool = False) -> bool:
    accept = request.headers.get("accept", "")
    if p.MSGPACK in accept:
        return True
    if "application/json" in accept:
        return False
    return default


# Answers are compressed at the fast-link level: a 500-change page costs the
# server 10 ms at 6 and 220 ms at 15 for 7 % fewer bytes (0.07 s on a
# 256 kbit/s link), and the server's time is every facility's wait.
ANSWER_ZSTD_LEVEL = p.ZSTD_FAST_LINK_LEVEL


def respond(request: Request, obj: dict, msgpack: bool) -> Response:
    if msgpack:
        body, headers = p.encode_body(obj, p.MSGPACK, ANSWER_ZSTD_LEVEL)
        return Response(body, headers=headers, media_type=p.MSGPACK)
    raw = p.canonical_json(obj)
    if "gzip" in request.headers.get("accept-encoding", "") and len(raw) > 512:
        return Response(gzip.compress(raw, 6, mtime=0), media_type=p.JSON,
                        headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
    return Response(raw, media_type=p.JSON)


def create_app(db_url: str | None = None, engine: sa.Engine | None = None,
               budget: RequestBudget | None | str = "default", login_policy: LoginPolicy | None = None) -> FastAPI:
    """``budget``: the per-token request budget (``budget.RequestBudget``;
    the default one unless given, None for none). ``login_policy``: the
    officers' login throttle (``login_guard.LoginPolicy``)."""
    engine = engine or make_engine(db_url or "sqlite:///provincial.db")
    if budget == "default":
        budget = RequestBudget()
    # no /docs or /redoc: they load scripts from a CDN, which the strict
    # Content-Security-Policy (and an offline province) forbids; the API is
    # described by /openapi.json and docs/sync-protocol.md
    app = FastAPI(title="Provincial server - facility health records", version="1",
                  description="Sync API for the facilities' PCs (docs/sync-protocol.md), enrolment, "
                              "and the province's indicators.", docs_url=None, redoc_url=None)
    app.add_middleware(pages.SecurityHeaders)
    app.state.engine = engine
    app.state.login_guard = LoginGuard(engine, login_policy)

    @app.exception_handler(ApiError)
    async def _api_error(_request, exc: ApiError):
        return _error(exc.status, exc.code, exc.vi, exc.en, exc.headers)

    @app.exception_handler(p.ProtocolError)
    async def _proto(_request, exc: p.ProtocolError):
        err = _protocol_error(exc)
        return _error(err.status, err.code, err.vi, err.en)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request, exc: RequestValidationError):
        where = "; ".join(".".join(str(x) for x in e.get("loc", ())) + ": " + str(e.get("msg", ""))
                          for e in exc.errors()[:5])
        return _error(422, "malformed", f"Tham số không hợp lệ: {where}", f"Invalid parameters: {where}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return _error(404, "not-found", "Không có địa chỉ này.", "No such address.")
        if exc.status_code == 405:
            return _error(405, "method-not-allowed", "Phương thức không được hỗ trợ.", "Method not allowed.")
        return _error(exc.status_code, "http-error", str(exc.detail), str(exc.detail))

    @app.exception_handler(ClientDisconnect)
    async def _gone(request: Request, _exc: ClientDisconnect):
        log.warning("client disconnected mid-body: %s %s", request.method, request.url.path)
        return _error(400, "client-disconnected", "Kết nối bị ngắt khi đang gửi dữ liệu.",
                      "The connection was cut while the body was being sent.")

    @app.exception_handler(Exception)
    async def _crash(_request, exc: Exception):  # pragma: no cover - a bug; never leak details
        log.exception("unhandled error")
        return _error(500, "server-error", "Lỗi máy chủ; hãy thử lại sau.", "Server error; try again later.")

    def device_of(request: Request) -> Device:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "device-revoked", *_REVOKED, headers={"WWW-Authenticate": "Bearer"})
        wait = budget.take(token.strip()) if budget is not None else 0.0
        if wait:
            raise ApiError(429, "rate-limited",
                           "Máy này gửi quá nhiều yêu cầu trong thời gian ngắn; sẽ thử lại sau ít giây.",
                           "This device sent too many requests in a short time; it will try again in a few seconds.",
                           headers={"Retry-After": retry_after(wait)})
        with read_conn(engine) as conn:
            row = admin.device_for_token(conn, token.strip())
        if row is None:
            raise ApiError(401, "device-revoked", *_REVOKED, headers={"WWW-Authenticate": "Bearer"})
        return Device(row.id, row.facility_code)

    @app.get("/health", tags=["ops"], openapi_extra={"responses": openapi_docs.errors(503)})
    def health() -> dict:
        try:
            with read_conn(engine) as conn:
                conn.execute(sa.text("SELECT 1"))
        except sa.exc.OperationalError:
            log.warning("health: the database does not answer")
            raise ApiError(503, "database-down", "Máy chủ không kết nối được cơ sở dữ liệu.",
                           "The server cannot reach its database.", headers={"Retry-After": "30"}) from None
        return {"status": "ok"}

    @app.post("/v1/enrol", tags=["sync"], openapi_extra=openapi_docs.ENROL)
    async def enrol(request: Request):
        body = await read_body(request, ENROL_BODY_BYTES)
        req = await run_in_threadpool(lambda: p.enrol_request_from_dict(p.decode_body(
            body, request.headers.get("content-type"), request.headers.get("content-encoding"),
            max_decoded=ENROL_BODY_BYTES)))

        def work():
            with write_conn(engine) as conn, conn.begin():
                return admin.exchange_code(conn, req.code, req.device_name)
        try:
            done = await run_in_threadpool(work)
        except admin.AdminError as exc:
            raise ApiError(410, exc.code, exc.vi, exc.en) from None
        except sa.exc.IntegrityError:  # two exchanges of one facility's codes clashed: the later one retries
            raise ApiError(409, "retry", "Yêu cầu trùng đang được xử lý; hãy gửi lại.",
                           "A clashing request was being handled; send again.") from None
        return JSONResponse(p.to_dict(p.EnrolAnswer(done.device_id, done.token, done.facility_code,
                                                    done.facility_name, done.province_code, done.device_number)))

    @app.post("/v1/push", tags=["sync"], openapi_extra=openapi_docs.PUSH)
    async def push_batch(request: Request):
        device = await run_in_threadpool(device_of, request)
        body = await read_body(request)
        began = time.perf_counter()  # the server's own time, told to the PC: not the link's
        content_type = request.headers.get("content-type")
        batch = await run_in_threadpool(p.decode_push, body, content_type, request.headers.get("content-encoding"))
        if batch.device_id != device.id:
            raise ApiError(403, "wrong-device", "Lô thay đổi ghi mã máy khác với máy đã đăng ký.",
                           "The batch names another device than the enrolled one.")

        def work():
            with write_conn(engine) as conn, conn.begin():
                return push(conn, device, batch)
        try:
            answer = await run_in_threadpool(work)
        except BatchReused:
            raise ApiError(409, "batch-reused",
                           "Mã lô thay đổi này đã được dùng cho một lô có nội dung khác; lô này không được nhận.",
                           "This batch id was already used for a batch with other content; this batch is refused.") from None
        except sa.exc.IntegrityError:
            raise ApiError(409, "retry", "Yêu cầu trùng đang được xử lý; hãy gửi lại.",
                           "A clashing request was being handled; send again.") from None
        msgpack = _wants_msgpack(request, default=(content_type or "").startswith(p.MSGPACK))
        body = compact_answer_dict(answer) if batch.compact_answer else p.answer_to_dict(answer)
        response = respond(request, body, msgpack)
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - began) * 1000:.1f}"
        return response

    @app.get("/v1/pull", tags=["sync"], openapi_extra=openapi_docs.PULL)
    async def pull(request: Request, after: int = Query(0, ge=0, le=2**62),
                   limit: int = Query(p.DEFAULT_PULL_LIMIT, ge=1, le=p.MAX_PULL_LIMIT)):
        device = await run_in_threadpool(device_of, request)

        def work():
            with read_conn(engine) as conn, conn.begin():
                return streams.pull(conn, device, after, limit)
        try:
            page = await run_in_threadpool(work)
            await run_in_threadpool(_note_pull, engine, device.id)
        except streams.CursorAhead as exc:
            raise ApiError(409, "cursor-ahead",
                           f"Máy đã nhận đến số {after} nhưng máy chủ chỉ có đến {exc.last_seq} (máy chủ được phục hồi từ bản sao lưu?); cần đồng bộ lại từ đầu.",
                           f"The device has received up to {after} but the server only holds {exc.last_seq} (restored from a backup?); sync again from the start.") from None
        return respond(request, p.to_dict(page), _wants_msgpack(request))

    @app.get("/v1/conflicts", tags=["sync"], openapi_extra=openapi_docs.CONFLICT_LIST)
    async def list_conflicts(request: Request, resolved: bool | None = Query(False),
                             after_id: int = Query(0, ge=0, le=MAX_INT32),
                             limit: int = Query(500, ge=1, le=p.MAX_PULL_LIMIT)):
        device = await run_in_threadpool(device_of, request)

        def work():
            with read_conn(engine) as conn:
                return streams.list_conflicts(conn, device.facility_code, resolved, after_id, limit)
        items = await run_in_threadpool(work)
        return respond(request, {"conflicts": [p.to_dict(c) for c in items]}, False)

    @app.post("/v1/conflicts/{conflict_id}/resolve", tags=["sync"], openapi_extra=openapi_docs.RESOLVE)
    async def resolve(request: Request, conflict_id: int = Path(ge=1, le=MAX_INT32)):
        device = await run_in_threadpool(device_of, request)
        raw = await read_body(request)
        body = await run_in_threadpool(p.decode_body, raw, request.headers.get("content-type"),
                                       request.headers.get("content-encoding"))
        if "value" not in body or (body["value"] is not None and not isinstance(body["value"], (str, int, float, bool))):
            raise ApiError(400, "malformed", "Cần gửi giá trị được chọn (value).", "Send the chosen value ('value').")

        def work():
            with write_conn(engine) as conn, conn.begin():
                return streams.resolve(conn, device, conflict_id, body["value"])
        try:
            return JSONResponse(await run_in_threadpool(work))
        except streams.ConflictNotFound:
            raise ApiError(404, "not-found", "Không có xung đột này ở cơ sở của máy.",
                           "No such conflict in this device's facility.") from None
        except Refusal as exc:
            raise ApiError(422, "rejected", exc.vi, exc.en) from None

    _mount_indicators(app, engine)
    return app


def _note_pull(engine: sa.Engine, device_id: str) -> None:
    """For the province dashboard's "last sync" (province.note_pull); a
    database too busy to note it must not fail the pull itself."""
    from . import province
    try:
        with write_conn(engine) as conn, conn.begin():
            province.note_pull(conn, device_id)
    except sa.exc.OperationalError:
        log.warning("could not note a pull of device %s", device_id)


def _secret(engine: sa.Engine) -> str:
    with read_conn(engine) as conn:
        value = conn.execute(sa.select(settings.c.value).where(settings.c.key == "session_secret")).scalar()
    if value is None:
        raise ApiError(503, "not-migrated", "Cơ sở dữ liệu chưa được khởi tạo (provincial-server migrate).",
                       "The database is not initialised (provincial-server migrate).")
    return value


_THROTTLED = {
    "account": ("Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần; hãy thử lại sau {minutes} phút.",
                "The account is locked for now after too many wrong passwords; try again in {minutes} minutes."),
    "address": ("Máy này đăng nhập sai quá nhiều lần; hãy thử lại sau {minutes} phút.",
                "Too many failed logins from this address; try again in {minutes} minutes."),
    "busy": ("Máy chủ đang bận kiểm tra đăng nhập; hãy thử lại sau ít giây.",
             "The server is busy checking logins; try again in a few seconds."),
}


def _throttle_texts(exc: Throttled) -> tuple[int, str, str]:
    vi, en = _THROTTLED[exc.why]
    minutes = max(1, -(-exc.retry_after // 60))
    status = 503 if exc.why == "busy" else 429
    return status, vi.format(minutes=minutes), en.format(minutes=minutes)


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def _officer(request: Request, engine: sa.Engine) -> str | None:
    """The officer of a Basic header or a session cookie, or None.
    Raises ``Throttled`` (through ``LoginGuard``) for a Basic login."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("basic "):
        try:
            username, _, password = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8").partition(":")
        except (ValueError, UnicodeDecodeError):
            return None
        ok = await request.app.state.login_guard.check(username, password, _address(request))
        return username if ok else None
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        return None
    return security.read_session(cookie, await run_in_threadpool(_secret, engine))


async def _scoped_officer(request: Request, engine: sa.Engine) -> officer_scope.Officer | None:
    """The logged-in officer with what they govern (None: not logged in)."""
    username = await _officer(request, engine)
    if username is None:
        return None

    def load():
        with read_conn(engine) as conn:
            return officer_scope.load(conn, username)
    return await run_in_threadpool(load)


def _mount_indicators(app: FastAPI, engine: sa.Engine) -> None:
    def figures(period: str | None, officer: officer_scope.Officer) -> dict:
        from . import province
        with read_conn(engine) as conn:
            codes = {f.code for f in province.visible(conn, officer)}
            try:
                return indicators.province_figures(conn, period, codes=codes)
            except DomainError as exc:
                raise ApiError(422, "bad-period", exc.message("vi"), exc.message("en")) from None

    @app.get("/v1/indicators", tags=["indicators"],
             openapi_extra={"responses": openapi_docs.errors(401, 422, 429, 503)})
    async def indicators_json(request: Request, period: str | None = Query(None, max_length=40)):
        try:
            officer = await _scoped_officer(request, engine)
        except Throttled as exc:
            status, vi, en = _throttle_texts(exc)
            raise ApiError(status, "login-throttled", vi, en, headers={"Retry-After": str(exc.retry_after)}) from None
        if officer is None:
            raise ApiError(401, "login-required", "Cần đăng nhập tài khoản cán bộ của Sở.",
                           "Log in with a provincial officer's account.",
                           headers={"WWW-Authenticate": 'Basic realm="provincial"'})
        return JSONResponse(await run_in_threadpool(figures, period, officer))

    @app.get("/indicators", tags=["indicators"], response_class=HTMLResponse,
             openapi_extra={"responses": openapi_docs.html_pages(303, 422, 429, 503)})
    async def indicators_page(request: Request, period: str | None = Query(None, max_length=40),
                              stale_days: int = province_pages.STALE_DAYS):
        """The province dashboard (dashboard_page) over the officer's facilities."""
        from . import dashboard_page
        try:
            officer = await _scoped_officer(request, engine)
        except Throttled as exc:
            return _throttled_page(exc)
        if officer is None:
            return RedirectResponse("/login", status_code=303)
        try:
            data = await run_in_threadpool(province_pages.dashboard_data, engine, officer, period or None, stale_days)
        except DomainError as exc:
            return HTMLResponse(pages.message_page("Kỳ báo cáo không hợp lệ", exc.message("vi")), status_code=422)
        return HTMLResponse(dashboard_page.render(data, officer.describe_vi()))

    province_pages.mount(app, engine, lambda request: _scoped_officer(request, engine), ApiError)

    @app.get("/login", tags=["indicators"], response_class=HTMLResponse)
    def login_form():
        return HTMLResponse(pages.login_page())

    @app.post("/login", tags=["indicators"], response_class=HTMLResponse,
              openapi_extra={"requestBody": openapi_docs.LOGIN_FORM,
                             "responses": openapi_docs.html_pages(303, 400, 401, 413, 429, 503)})
    async def login(request: Request):
        raw = await read_body(request, LOGIN_BODY_BYTES)
        try:
            form = parse_qs(raw.decode("utf-8"), max_num_fields=10, strict_parsing=False)
        except (UnicodeDecodeError, ValueError):
            return HTMLResponse(pages.login_page("Dữ liệu gửi lên không hợp lệ."), status_code=400)
        username = (form.get("username") or [""])[0]
        password = (form.get("password") or [""])[0]
        try:
            ok = await app.state.login_guard.check(username, password, _address(request))
        except Throttled as exc:
            return _throttled_page(exc)
        if not ok:
            return HTMLResponse(pages.login_page("Tên đăng nhập hoặc mật khẩu không đúng."), status_code=401)
        response = RedirectResponse("/indicators", status_code=303)
        response.set_cookie(SESSION_COOKIE, security.make_session(username, await run_in_threadpool(_secret, engine)),
                            max_age=security.SESSION_SECONDS, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
        return response


def _throttled_page(exc: Throttled) -> HTMLResponse:
    status, vi, _en = _throttle_texts(exc)
    return HTMLResponse(pages.login_page(vi), status_code=status, headers={"Retry-After": str(exc.retry_after)})


def app_from_env():  # pragma: no cover - for `uvicorn provincial_server.api:app_from_env --factory`
    import os
    return create_app(os.environ.get("PROVINCIAL_DB", "sqlite:///provincial.db"))


