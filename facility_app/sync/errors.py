"""Why a sync stopped, as a sentence an IT officer or a nurse can act on.

Every failure of the transport becomes one of these (never a traceback and
never a silent retry forever); ``kind`` lets the GUI pick an icon and the
CLI an exit line, ``message(lang)`` says what happened and what to do.
"""
from __future__ import annotations

from care_core.domain.messages import ActionError


class SyncError(ActionError):
    kind = "error"
    retry = True  # worth trying again later without a person stepping in


class Offline(SyncError):
    kind = "offline"

    def __init__(self, detail: str = ""):
        super().__init__(
            "Không kết nối được máy chủ tỉnh (mất mạng hoặc máy chủ không trả lời); "
            "dữ liệu vẫn lưu trên máy này và sẽ gửi khi có mạng.",
            "Cannot reach the provincial server (no network or no answer); "
            "the data stays on this PC and will be sent when the link is back.")
        self.detail = detail


class ServerTrouble(SyncError):
    kind = "server"

    def __init__(self, status: int, detail: str = ""):
        super().__init__(
            f"Máy chủ tỉnh đang gặp lỗi (mã {status}); sẽ thử lại sau. Nếu kéo dài, báo cán bộ CNTT của tỉnh.",
            f"The provincial server has a problem (status {status}); will retry later. "
            "If it persists, tell the province's IT officer.")
        self.status = status
        self.detail = detail


class Revoked(SyncError):
    kind = "revoked"
    retry = False

    def __init__(self):
        super().__init__(
            "Máy này đã bị thu hồi quyền đồng bộ; liên hệ cán bộ CNTT để đăng ký lại.",
            "This PC's permission to synchronise was revoked; ask the IT officer to enrol it again.")


class Refused(SyncError):
    """A 4xx other than 401: the server said no and why."""
    kind = "refused"
    retry = False

    def __init__(self, status: int, reason_vi: str, reason_en: str | None = None):
        reason_en = reason_en or reason_vi
        super().__init__(f"Máy chủ tỉnh từ chối yêu cầu (mã {status}): {reason_vi}",
                         f"The provincial server refused the request (status {status}): {reason_en}")
        self.status = status
        self.reason_vi, self.reason_en = reason_vi, reason_en
        self.reason = reason_en


class TlsFailure(SyncError):
    kind = "tls"
    retry = False

    def __init__(self, url: str):
        super().__init__(
            f"Không xác minh được chứng chỉ bảo mật của máy chủ {url}; kiểm tra địa chỉ hoặc "
            "cấu hình tệp chứng chỉ của tỉnh (--ca-bundle).",
            f"Could not verify the security certificate of {url}; check the address or configure "
            "the province's CA bundle (--ca-bundle).")


class NotEnrolled(SyncError):
    kind = "not-enrolled"
    retry = False

    def __init__(self):
        super().__init__(
            "Máy này chưa đăng ký đồng bộ; chạy: facility-admin sync enrol ĐỊA_CHỈ MÃ_ĐĂNG_KÝ",
            "This PC is not enrolled for sync; run: facility-admin sync enrol URL CODE")


class BadAnswer(SyncError):
    """The server answered something this client cannot read (version skew, proxy page)."""
    kind = "bad-answer"

    def __init__(self, detail: str):
        super().__init__(
            "Máy chủ trả lời không đúng định dạng (có thể khác phiên bản hoặc bị proxy chặn); sẽ thử lại sau.",
            "The server's answer could not be read (a version mismatch or a proxy in the way); will retry later.")
        self.detail = detail
