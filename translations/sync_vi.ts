<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
    <context>
        <name>SyncHooks</name>
        <message>
            <source>S&amp;ync</source>
            <translation>Đồng &amp;bộ</translation>
        </message>
        <message>
            <source>Sync &amp;now</source>
            <translation>Đồng bộ &amp;ngay</translation>
        </message>
        <message>
            <source>Send the changes saved here and receive the other PCs' changes now (F5)</source>
            <translation>Gửi các thay đổi đã lưu trên máy này và nhận thay đổi của các máy khác ngay bây giờ (F5)</translation>
        </message>
        <message>
            <source>&amp;Conflicts and rejected changes…</source>
            <translation>&amp;Xung đột và thay đổi bị từ chối…</translation>
        </message>
    </context>
    <context>
        <name>SyncReviewDialog</name>
        <message>
            <source>Sync: conflicts and rejected changes</source>
            <translation>Đồng bộ: xung đột và thay đổi bị từ chối</translation>
        </message>
        <message>
            <source>The same information was changed on two PCs before they could sync. The record shows the later change; choose which value is right. Your choice is saved here and sent at the next sync.</source>
            <translation>Cùng một thông tin đã được sửa trên hai máy trước khi kịp đồng bộ. Hồ sơ đang hiện giá trị sửa sau; hãy chọn giá trị đúng. Lựa chọn được lưu trên máy này và gửi đi ở lần đồng bộ tới.</translation>
        </message>
        <message>
            <source>The provincial server did not accept these changes. They stay saved on this PC and hold up nothing else. Read the reason, correct or re-enter what is needed, then mark the change as read.</source>
            <translation>Máy chủ tỉnh không nhận các thay đổi này. Chúng vẫn được lưu trên máy này và không làm tắc các thay đổi khác. Đọc lý do, sửa hoặc nhập lại điều cần thiết, rồi đánh dấu đã xem.</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Hồ sơ</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>Thông tin</translation>
        </message>
        <message>
            <source>Value on this PC</source>
            <translation>Giá trị ở máy này</translation>
        </message>
        <message>
            <source>Value on the other PC</source>
            <translation>Giá trị ở máy khác</translation>
        </message>
        <message>
            <source>Shown now</source>
            <translation>Đang hiện</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Loại thay đổi</translation>
        </message>
        <message>
            <source>What was changed</source>
            <translation>Nội dung thay đổi</translation>
        </message>
        <message>
            <source>Why the server refused it</source>
            <translation>Lý do máy chủ từ chối</translation>
        </message>
        <message>
            <source>&amp;Mark as read</source>
            <translation>Đánh dấu đã &amp;xem</translation>
        </message>
        <message>
            <source>Mark &amp;all as read</source>
            <translation>Đánh dấu đã xem &amp;tất cả</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>Đón&amp;g</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>Đối tượng</translation>
        </message>
        <message>
            <source>Checkup</source>
            <translation>Lần khám</translation>
        </message>
        <message>
            <source>Chronic condition</source>
            <translation>Bệnh mạn tính</translation>
        </message>
        <message>
            <source>Rehabilitation session</source>
            <translation>Buổi phục hồi chức năng</translation>
        </message>
        <message>
            <source>Referral</source>
            <translation>Chuyển tuyến</translation>
        </message>
        <message>
            <source>User account</source>
            <translation>Tài khoản người dùng</translation>
        </message>
        <message>
            <source>Facility settings</source>
            <translation>Thông tin cơ sở</translation>
        </message>
        <message>
            <source>Conflicts ({n})</source>
            <translation>Xung đột ({n})</translation>
        </message>
        <message>
            <source>Rejected changes ({n})</source>
            <translation>Thay đổi bị từ chối ({n})</translation>
        </message>
        <message>
            <source>this PC</source>
            <translation>máy này</translation>
        </message>
        <message>
            <source>the other PC</source>
            <translation>máy khác</translation>
        </message>
        <message>
            <source>this PC's value</source>
            <translation>giá trị của máy này</translation>
        </message>
        <message>
            <source>the other PC's value</source>
            <translation>giá trị của máy khác</translation>
        </message>
        <message>
            <source>No conflicts: nothing to decide.</source>
            <translation>Không có xung đột nào: không có gì cần quyết định.</translation>
        </message>
        <message>
            <source>New record</source>
            <translation>Thêm mới</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Sửa</translation>
        </message>
        <message>
            <source>Deletion</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <source>No rejected changes.</source>
            <translation>Không có thay đổi nào bị từ chối.</translation>
        </message>
        <message>
            <source>Keep this PC's value</source>
            <translation>Giữ giá trị của máy này</translation>
        </message>
        <message>
            <source>Keep the other PC's value</source>
            <translation>Giữ giá trị của máy khác</translation>
        </message>
        <message>
            <source>Keep “{value}” (this PC)</source>
            <translation>Giữ “{value}” (máy này)</translation>
        </message>
        <message>
            <source>Keep “{value}” (other PC)</source>
            <translation>Giữ “{value}” (máy khác)</translation>
        </message>
        <message>
            <source>On this PC: {value}</source>
            <translation>Ở máy này: {value}</translation>
        </message>
        <message>
            <source>(entered on this PC)</source>
            <translation>(nhập trên máy này)</translation>
        </message>
        <message>
            <source>On the other PC: {value}</source>
            <translation>Ở máy khác: {value}</translation>
        </message>
        <message>
            <source>The record shows the later change now: {which}.</source>
            <translation>Hồ sơ đang hiện thay đổi sau cùng: {which}.</translation>
        </message>
        <message>
            <source>Found {when}.</source>
            <translation>Phát hiện {when}.</translation>
        </message>
        <message>
            <source>Why: {reason}</source>
            <translation>Lý do: {reason}</translation>
        </message>
        <message numerus="yes">
            <source>Mark all %n rejected change(s) as read? They will no longer be counted; they are not sent again.</source>
            <translation>
                <numerusform>Đánh dấu đã xem cả %n thay đổi bị từ chối? Chúng sẽ không còn được đếm và không được gửi lại.</numerusform>
            </translation>
        </message>
        <message>
            <source>Mark this rejected change as read? It will no longer be counted; it is not sent again. Re-enter what is needed first.</source>
            <translation>Đánh dấu đã xem thay đổi bị từ chối này? Nó sẽ không còn được đếm và không được gửi lại. Hãy nhập lại điều cần thiết trước.</translation>
        </message>
        <message>
            <source>Mark as read</source>
            <translation>Đánh dấu đã xem</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusArea</name>
        <message>
            <source>Click “{review}” to see them.</source>
            <translation>Bấm “{review}” để xem.</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Đồng bộ ngay</translation>
        </message>
        <message>
            <source>Send the changes saved here and receive the other PCs' changes now (F5)</source>
            <translation>Gửi các thay đổi đã lưu trên máy này và nhận thay đổi của các máy khác ngay bây giờ (F5)</translation>
        </message>
    </context>
    <context>
        <name>SyncTab</name>
        <message>
            <source>S&amp;ync</source>
            <translation>Đồng &amp;bộ</translation>
        </message>
        <message>
            <source>This PC and the provincial server</source>
            <translation>Máy này và máy chủ tỉnh</translation>
        </message>
        <message>
            <source>Enrol this PC</source>
            <translation>Đăng ký máy này</translation>
        </message>
        <message>
            <source>The province's IT officer gives a one-time enrolment code for each PC. Enrolling again (for example after the PC's permission was revoked) replaces the previous enrolment; nothing saved here is lost.</source>
            <translation>Cán bộ CNTT của tỉnh cấp cho mỗi máy một mã đăng ký dùng một lần. Đăng ký lại (ví dụ sau khi máy bị thu hồi quyền) thay cho lần đăng ký trước; dữ liệu đã lưu trên máy này không mất.</translation>
        </message>
        <message>
            <source>Server &amp;address</source>
            <translation>Đị&amp;a chỉ máy chủ</translation>
        </message>
        <message>
            <source>Enrolment &amp;code</source>
            <translation>Mã đăng &amp;ký</translation>
        </message>
        <message>
            <source>Certificate &amp;file (optional)</source>
            <translation>Tệ&amp;p chứng chỉ (nếu có)</translation>
        </message>
        <message>
            <source>the code from the province</source>
            <translation>mã do tỉnh cấp</translation>
        </message>
        <message>
            <source>Only when the province runs its own certificate authority: its CA certificate file (PEM).</source>
            <translation>Chỉ cần khi tỉnh tự cấp chứng chỉ bảo mật: tệp chứng chỉ gốc (CA, dạng PEM) của tỉnh.</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>C&amp;họn…</translation>
        </message>
        <message>
            <source>&amp;Enrol this PC</source>
            <translation>Đăng ký máy nà&amp;y</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Đang đọc…</translation>
        </message>
        <message>
            <source>This PC is not enrolled: every change is kept here only. {waiting}.</source>
            <translation>Máy này chưa đăng ký đồng bộ: mọi thay đổi chỉ được lưu trên máy này. {waiting}.</translation>
        </message>
        <message>
            <source>Enrolled with {url} (facility {code}).</source>
            <translation>Đã đăng ký với máy chủ {url} (cơ sở {code}).</translation>
        </message>
        <message>
            <source>This PC's permission was revoked by the province: enrol it again with a new code.</source>
            <translation>Tỉnh đã thu hồi quyền đồng bộ của máy này: hãy đăng ký lại bằng mã mới.</translation>
        </message>
        <message>
            <source>Last attempt: {message}</source>
            <translation>Lần thử gần nhất: {message}</translation>
        </message>
        <message>
            <source>The province's CA certificate</source>
            <translation>Chứng chỉ gốc (CA) của tỉnh</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
            <translation>Tệp chứng chỉ (*.pem *.crt *.cer);;Mọi tệp (*)</translation>
        </message>
        <message>
            <source>Type the server address, for example https://dongbo.tinh.gov.vn.</source>
            <translation>Nhập địa chỉ máy chủ, ví dụ https://dongbo.tinh.gov.vn.</translation>
        </message>
        <message>
            <source>Type the enrolment code the province gave for this PC.</source>
            <translation>Nhập mã đăng ký tỉnh cấp cho máy này.</translation>
        </message>
        <message>
            <source>Enrol again?</source>
            <translation>Đăng ký lại?</translation>
        </message>
        <message>
            <source>This PC is already enrolled with {url}. Enrol it again with the new code? The changes saved here are kept and sent to the server of the new enrolment.</source>
            <translation>Máy này đã đăng ký với máy chủ {url}. Đăng ký lại bằng mã mới? Các thay đổi đã lưu trên máy này được giữ nguyên và gửi lên máy chủ của lần đăng ký mới.</translation>
        </message>
        <message>
            <source>&amp;Enrol again</source>
            <translation>Đăng &amp;ký lại</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Contacting the server…</source>
            <translation>Đang kết nối máy chủ…</translation>
        </message>
        <message>
            <source>Enrolled: this PC now syncs with the server of facility {code}.</source>
            <translation>Đã đăng ký: máy này bắt đầu đồng bộ với máy chủ của cơ sở {code}.</translation>
        </message>
        <message>
            <source>PC enrolled</source>
            <translation>Đã đăng ký máy</translation>
        </message>
        <message>
            <source>This PC is enrolled with the provincial server (facility {code}). It syncs now and then every few minutes while the network is up.</source>
            <translation>Máy này đã đăng ký với máy chủ tỉnh (cơ sở {code}). Máy sẽ đồng bộ ngay bây giờ, rồi vài phút một lần khi có mạng.</translation>
        </message>
    </context>
    <context>
        <name>SyncTexts</name>
        <message>
            <source>at {time} today</source>
            <translation>lúc {time} hôm nay</translation>
        </message>
        <message>
            <source>at {time} on {date}</source>
            <translation>lúc {time} ngày {date}</translation>
        </message>
        <message>
            <source>nothing waiting to be sent</source>
            <translation>không còn gì chờ gửi</translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) waiting to be sent</source>
            <translation>
                <numerusform>%n thay đổi chờ gửi</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n conflict(s)</source>
            <translation>
                <numerusform>%n xung đột</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rejected change(s)</source>
            <translation>
                <numerusform>%n bị từ chối</numerusform>
            </translation>
        </message>
        <message>
            <source>To review: {what}</source>
            <translation>Cần xem lại: {what}</translation>
        </message>
        <message>
            <source>Never synced yet</source>
            <translation>Chưa đồng bộ lần nào</translation>
        </message>
        <message>
            <source>Last synced {when}</source>
            <translation>Đồng bộ thành công {when}</translation>
        </message>
        <message>
            <source>This PC's clock is {minutes} min ahead of the server's: please set the clock.</source>
            <translation>Đồng hồ máy này nhanh {minutes} phút so với máy chủ: hãy chỉnh lại giờ.</translation>
        </message>
        <message>
            <source>This PC's clock is {minutes} min behind the server's: please set the clock.</source>
            <translation>Đồng hồ máy này chậm {minutes} phút so với máy chủ: hãy chỉnh lại giờ.</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>Đang đồng bộ…</translation>
        </message>
        <message>
            <source>Sending changes: {done} of {total}…</source>
            <translation>Đang gửi thay đổi: {done}/{total}…</translation>
        </message>
        <message numerus="yes">
            <source>Receiving changes: page {pages} (%n change(s))…</source>
            <translation>
                <numerusform>Đang nhận thay đổi: trang {pages} (%n thay đổi)…</numerusform>
            </translation>
        </message>
        <message>
            <source>Checking conflicts…</source>
            <translation>Đang kiểm tra xung đột…</translation>
        </message>
        <message>
            <source>Sync: reading…</source>
            <translation>Đồng bộ: đang đọc…</translation>
        </message>
        <message>
            <source>Sync not configured</source>
            <translation>Chưa cấu hình đồng bộ</translation>
        </message>
        <message>
            <source>This PC is not connected to the provincial server yet: every change is kept here and will be sent once the administrator enrols this PC (Administration › Sync).</source>
            <translation>Máy này chưa kết nối với máy chủ tỉnh: mọi thay đổi được lưu trên máy này và sẽ được gửi khi quản trị viên đăng ký máy (Quản trị › Đồng bộ).</translation>
        </message>
        <message>
            <source>Last attempt: {message}</source>
            <translation>Lần thử gần nhất: {message}</translation>
        </message>
        <message>
            <source>Next automatic sync in about {minutes} min.</source>
            <translation>Tự đồng bộ lại sau khoảng {minutes} phút.</translation>
        </message>
        <message>
            <source>This PC's sync permission was revoked — the data is still saved on this PC; ask the IT officer to enrol it again</source>
            <translation>Máy này đã bị thu hồi quyền đồng bộ — dữ liệu vẫn được lưu trên máy này; liên hệ cán bộ CNTT để đăng ký lại</translation>
        </message>
        <message>
            <source>No connection to the server — the data is still saved on this PC; it will be sent automatically when the network is back</source>
            <translation>Mất kết nối máy chủ — dữ liệu vẫn được lưu trên máy này; sẽ tự gửi khi có mạng</translation>
        </message>
        <message>
            <source>The provincial server has a problem — the data is still saved on this PC; sync will be tried again automatically</source>
            <translation>Máy chủ tỉnh đang gặp lỗi — dữ liệu vẫn được lưu trên máy này; sẽ tự thử lại</translation>
        </message>
        <message>
            <source>The server's security certificate cannot be verified — the data is still saved on this PC; ask the IT officer to check the sync settings</source>
            <translation>Không xác minh được chứng chỉ bảo mật của máy chủ — dữ liệu vẫn được lưu trên máy này; báo cán bộ CNTT kiểm tra cài đặt đồng bộ</translation>
        </message>
        <message>
            <source>Sync did not succeed — the data is still saved on this PC; point here to see why</source>
            <translation>Đồng bộ chưa thành công — dữ liệu vẫn được lưu trên máy này; trỏ chuột vào đây để xem lý do</translation>
        </message>
        <message>
            <source>Saved on this PC only (sync not configured)</source>
            <translation>Chỉ lưu trên máy này (chưa cấu hình đồng bộ)</translation>
        </message>
        <message>
            <source>The server refused a change of this record (see the Sync menu)</source>
            <translation>Máy chủ từ chối một thay đổi của hồ sơ này (xem menu Đồng bộ)</translation>
        </message>
        <message>
            <source>Saved on this PC — not yet on the provincial server</source>
            <translation>Đã lưu trên máy này — chưa gửi lên máy chủ tỉnh</translation>
        </message>
        <message>
            <source>Saved here and on the provincial server</source>
            <translation>Đã lưu trên máy này và trên máy chủ tỉnh</translation>
        </message>
    </context>
</TS>
