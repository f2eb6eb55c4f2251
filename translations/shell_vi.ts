<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AdminDialog</name>
    <message>
        <source>Administration</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Người dùng</translation>
    </message>
    <message>
        <source>&amp;Facility settings</source>
        <translation>&amp;Thông tin cơ sở</translation>
    </message>
    <message>
        <source>&amp;Language and unlocking</source>
        <translation>Ngôn ngữ và &amp;mở khóa</translation>
    </message>
    <message>
        <source>&amp;Backup and restore</source>
        <translation>&amp;Sao lưu và phục hồi</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>First administrator</source>
        <translation>Tài khoản quản trị đầu tiên</translation>
    </message>
    <message>
        <source>The administrator adds the nurses', doctors' and director's accounts later.</source>
        <translation>Sau đó, người quản trị sẽ tạo tài khoản cho điều dưỡng, bác sĩ và giám đốc.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Tên đăng nhập</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>&amp;Mật khẩu</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>Nhập &amp;lại mật khẩu</translation>
    </message>
    <message>
        <source>e.g. admin (lower-case letters, no accents)</source>
        <translation>ví dụ: admin (chữ thường, không dấu)</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>ít nhất 8 ký tự</translation>
    </message>
    <message>
        <source>Creating the encrypted records store…</source>
        <translation>Đang tạo kho dữ liệu mã hóa…</translation>
    </message>
    <message>
        <source>The two entries differ; type the password again.</source>
        <translation>Hai lần nhập không khớp; hãy nhập lại mật khẩu.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Restoring the backup… Please wait and do not turn the computer off.</source>
        <translation>Đang phục hồi từ bản sao lưu… Xin chờ và không tắt máy.</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <source>Back up</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>Writes an encrypted copy of every record. Keep copies on a USB drive in another room; the same passphrase opens them.</source>
        <translation>Tạo một bản sao mã hóa của toàn bộ hồ sơ. Hãy chép bản sao vào USB và cất ở phòng khác; bản sao mở bằng chính mật khẩu kho dữ liệu.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Phục hồi</translation>
    </message>
    <message>
        <source>Replaces every record on this computer with those in a backup. The current records are kept in the backups folder first. Everyone must log in again afterwards.</source>
        <translation>Thay toàn bộ hồ sơ trên máy này bằng hồ sơ trong bản sao lưu. Hồ sơ hiện tại được giữ lại trong thư mục backups trước khi thay. Sau đó mọi người phải đăng nhập lại.</translation>
    </message>
    <message>
        <source>Backup &amp;file</source>
        <translation>&amp;Tệp sao lưu</translation>
    </message>
    <message>
        <source>Its &amp;passphrase</source>
        <translation>&amp;Mật khẩu của bản sao lưu</translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation>C&amp;họn…</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Phục hồi…</translation>
    </message>
    <message>
        <source>Where to write the backup</source>
        <translation>Nơi lưu bản sao lưu</translation>
    </message>
    <message>
        <source>Backups (*.db)</source>
        <translation>Bản sao lưu (*.db)</translation>
    </message>
    <message>
        <source>Backup to restore</source>
        <translation>Bản sao lưu cần phục hồi</translation>
    </message>
    <message>
        <source>Backups (*.db);;All files (*)</source>
        <translation>Bản sao lưu (*.db);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Choose where to write the backup.</source>
        <translation>Hãy chọn nơi lưu bản sao lưu.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Thư mục {folder} không tồn tại.</translation>
    </message>
    <message>
        <source>Backing up… the program stays usable.</source>
        <translation>Đang sao lưu… bạn vẫn có thể tiếp tục làm việc.</translation>
    </message>
    <message>
        <source>Backup written: {path} ({size} MB).</source>
        <translation>Đã sao lưu: {path} ({size} MB).</translation>
    </message>
    <message>
        <source>Choose the backup file.</source>
        <translation>Hãy chọn tệp sao lưu.</translation>
    </message>
    <message>
        <source>Type the passphrase of the backup.</source>
        <translation>Hãy nhập mật khẩu của bản sao lưu.</translation>
    </message>
    <message>
        <source>Restore the backup?</source>
        <translation>Phục hồi từ bản sao lưu?</translation>
    </message>
    <message>
        <source>Every record on this computer will be replaced by those in {file}. Changes made since that backup will no longer be shown (the current records are kept in the backups folder). Continue?</source>
        <translation>Toàn bộ hồ sơ trên máy này sẽ được thay bằng hồ sơ trong {file}. Những thay đổi từ sau lần sao lưu đó sẽ không còn hiển thị (hồ sơ hiện tại được giữ lại trong thư mục backups). Tiếp tục?</translation>
    </message>
    <message>
        <source>Replace the records</source>
        <translation>Thay hồ sơ</translation>
    </message>
    <message>
        <source>Do not restore</source>
        <translation>Không phục hồi</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}). What was already saved is safe. Please try again; if it happens again, tell the IT officer (the details are in the program's log).</source>
        <translation>Đã xảy ra lỗi không mong đợi ({kind}). Những gì đã lưu vẫn an toàn. Hãy thử lại; nếu lỗi lặp lại, hãy báo cán bộ tin học (chi tiết có trong nhật ký của chương trình).</translation>
    </message>
    <message>
        <source>Cannot do this</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
</context>
<context>
    <name>FacilityPage</name>
    <message>
        <source>The facility</source>
        <translation>Thông tin cơ sở</translation>
    </message>
    <message>
        <source>As written on the facility's decision of establishment.</source>
        <translation>Ghi đúng như trong quyết định thành lập cơ sở.</translation>
    </message>
    <message>
        <source>Facility &amp;code</source>
        <translation>&amp;Mã cơ sở</translation>
    </message>
    <message>
        <source>Facility &amp;name</source>
        <translation>&amp;Tên cơ sở</translation>
    </message>
    <message>
        <source>Facility &amp;type</source>
        <translation>&amp;Loại hình cơ sở</translation>
    </message>
    <message>
        <source>&amp;Province</source>
        <translation>Tỉnh/&amp;thành phố</translation>
    </message>
    <message>
        <source>e.g. TTBTXH-LS</source>
        <translation>ví dụ: TTBTXH-LS</translation>
    </message>
    <message>
        <source>e.g. Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn</source>
        <translation>ví dụ: Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn</translation>
    </message>
    <message>
        <source>(choose later)</source>
        <translation>(chọn sau)</translation>
    </message>
    <message>
        <source>{former} (now {current})</source>
        <translation>{former} (nay thuộc {current})</translation>
    </message>
    <message>
        <source>The code identifies the facility on the provincial server and cannot be changed later: capital letters, digits and hyphens.</source>
        <translation>Mã cơ sở dùng để nhận diện cơ sở trên máy chủ của tỉnh và không đổi được về sau: gồm chữ in hoa không dấu, chữ số và dấu gạch ngang.</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Too short: at least 10 characters.</source>
        <translation>Quá ngắn: cần ít nhất 10 ký tự.</translation>
    </message>
    <message>
        <source>Weak: add a few more words or digits.</source>
        <translation>Yếu: hãy thêm vài từ hoặc chữ số.</translation>
    </message>
    <message>
        <source>Fair: a longer phrase is safer.</source>
        <translation>Tạm được: một câu dài hơn sẽ an toàn hơn.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Mạnh.</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Language of the program:</source>
        <translation>Ngôn ngữ của chương trình:</translation>
    </message>
    <message>
        <source>Unlocking on this computer</source>
        <translation>Mở khóa trên máy này</translation>
    </message>
    <message>
        <source>&amp;Remember the records' key on this computer</source>
        <translation>&amp;Ghi nhớ khóa của kho dữ liệu trên máy này</translation>
    </message>
    <message>
        <source>The key is kept in this computer's credential store (on Windows, the Credential Manager of this Windows account), so the program opens without the passphrase; everyone still logs in with their own password. Turn it off on a computer that several Windows users share.</source>
        <translation>Khóa được cất trong kho thông tin đăng nhập của máy (trên Windows là Credential Manager của tài khoản Windows này), nên chương trình mở mà không cần nhập mật khẩu kho dữ liệu; mỗi người vẫn đăng nhập bằng mật khẩu riêng. Hãy tắt tùy chọn này trên máy có nhiều người dùng Windows chung.</translation>
    </message>
    <message>
        <source>Not available: this computer has no credential store the program can use, so the passphrase must be typed at each start.</source>
        <translation>Không dùng được: máy này không có kho thông tin đăng nhập mà chương trình có thể dùng, nên mỗi lần mở phải nhập mật khẩu kho dữ liệu.</translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <source>Welcome</source>
        <translation>Chào mừng</translation>
    </message>
    <message>
        <source>This computer does not hold the facility's health records yet.

In three short steps you will enter the facility's details, choose the passphrase that encrypts every record, and create the first administrator account.

Have the facility code (given by the province) at hand.</source>
        <translation>Máy này chưa có dữ liệu hồ sơ sức khỏe của cơ sở.

Qua ba bước ngắn, bạn sẽ nhập thông tin cơ sở, đặt mật khẩu dùng để mã hóa toàn bộ hồ sơ và tạo tài khoản quản trị đầu tiên.

Hãy chuẩn bị sẵn mã cơ sở (do tỉnh cấp).</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Ngôn ngữ:</translation>
    </message>
</context>
<context>
    <name>LoginWidget</name>
    <message>
        <source>Locked</source>
        <translation>Đã khóa màn hình</translation>
    </message>
    <message>
        <source>The screen was locked to protect the residents' records. Log in to continue where you left off.</source>
        <translation>Màn hình đã được khóa để bảo vệ hồ sơ của đối tượng. Hãy đăng nhập để tiếp tục công việc đang làm dở.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Each person uses their own account, so the record shows who wrote what.</source>
        <translation>Mỗi người dùng tài khoản của riêng mình, để hồ sơ ghi rõ ai đã nhập gì.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Tên đăng nhập</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>&amp;Mật khẩu</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>Đăng &amp;nhập</translation>
    </message>
    <message>
        <source>Type your username.</source>
        <translation>Hãy nhập tên đăng nhập.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Residents' health records</source>
        <translation>Hồ sơ sức khỏe đối tượng</translation>
    </message>
    <message>
        <source>Residents and today</source>
        <translation>Đối tượng và việc hôm nay</translation>
    </message>
    <message>
        <source>&amp;Admit a resident…</source>
        <translation>&amp;Tiếp nhận đối tượng…</translation>
    </message>
    <message>
        <source>Admit a new resident (Ctrl+N)</source>
        <translation>Tiếp nhận đối tượng mới (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Find a resident</source>
        <translation>Tìm đối &amp;tượng</translation>
    </message>
    <message>
        <source>&amp;Lock the screen</source>
        <translation>&amp;Khóa màn hình</translation>
    </message>
    <message>
        <source>Hide every record until someone logs in (Ctrl+L)</source>
        <translation>Ẩn mọi hồ sơ cho đến khi có người đăng nhập (Ctrl+L)</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Đăng &amp;xuất</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>A&amp;dministration…</source>
        <translation>&amp;Quản trị…</translation>
    </message>
    <message>
        <source>Users, facility settings, language, backup</source>
        <translation>Người dùng, thông tin cơ sở, ngôn ngữ, sao lưu</translation>
    </message>
    <message>
        <source>Close the record</source>
        <translation>Đóng hồ sơ</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>Về danh sách</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Residents</source>
        <translation>Đối &amp;tượng</translation>
    </message>
    <message>
        <source>Ad&amp;ministration</source>
        <translation>&amp;Quản trị</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Logged in: {user} ({role})</source>
        <translation>Đang đăng nhập: {user} ({role})</translation>
    </message>
    <message>
        <source>Close the record (Ctrl+W)</source>
        <translation>Đóng hồ sơ (Ctrl+W)</translation>
    </message>
    <message>
        <source>Admit a resident</source>
        <translation>Tiếp nhận đối tượng</translation>
    </message>
    <message>
        <source>The admission form is not part of this version of the program.</source>
        <translation>Phiên bản chương trình này chưa có màn hình tiếp nhận đối tượng.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
    <message>
        <source>Health records for labour-social health-care facilities.
Records are kept encrypted on this computer; see the user guide for backups.</source>
        <translation>Hồ sơ sức khỏe cho các cơ sở chăm sóc sức khỏe lao động - xã hội.
Hồ sơ được lưu mã hóa trên máy này; xem hướng dẫn sử dụng để biết cách sao lưu.</translation>
    </message>
    <message>
        <source>Go to the list and type part of a name (Ctrl+F)</source>
        <translation>Về danh sách và gõ một phần họ tên (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Import a list from Excel/CSV…</source>
        <translation>&amp;Nhập danh sách từ Excel/CSV…</translation>
    </message>
    <message>
        <source>At go-live: read the residents' list kept in Excel, checked row by row</source>
        <translation>Khi bắt đầu dùng: đọc danh sách đối tượng đang lưu trong Excel, kiểm tra từng dòng</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Passphrase of the records</source>
        <translation>Mật khẩu kho dữ liệu</translation>
    </message>
    <message>
        <source>Every record on this computer is encrypted with it.</source>
        <translation>Toàn bộ hồ sơ trên máy này được mã hóa bằng mật khẩu này.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Mật khẩu</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>Nhập &amp;lại</translation>
    </message>
    <message>
        <source>at least 10 characters; a short sentence is easy to remember</source>
        <translation>ít nhất 10 ký tự; một câu ngắn sẽ dễ nhớ</translation>
    </message>
    <message>
        <source>Write the passphrase down and keep it in a locked place. Without it nobody, not even the IT officer, can open the records or a backup.</source>
        <translation>Hãy ghi mật khẩu ra giấy và cất ở nơi có khóa. Nếu mất mật khẩu, không ai (kể cả cán bộ tin học) mở được hồ sơ hay bản sao lưu.</translation>
    </message>
    <message>
        <source>The two entries differ; type the passphrase again.</source>
        <translation>Hai lần nhập không khớp; hãy nhập lại mật khẩu.</translation>
    </message>
</context>
<context>
    <name>RecordPlaceholder</name>
    <message>
        <source>The resident's record screen is not part of this version of the program. The resident's data is safe in the store; ask the IT officer to update the program.</source>
        <translation>Phiên bản chương trình này chưa có màn hình hồ sơ đối tượng. Dữ liệu của đối tượng vẫn an toàn trong kho; hãy nhờ cán bộ tin học cập nhật chương trình.</translation>
    </message>
</context>
<context>
    <name>ResidentListWidget</name>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <source>name, code, room or CCCD (accents not needed)</source>
        <translation>tên, mã, phòng hoặc CCCD (không cần dấu)</translation>
    </message>
    <message>
        <source>Type part of a name without accents, e.g. “nguyen van an”. The first match is selected; Down arrow goes to the list, Enter opens the selected resident.</source>
        <translation>Gõ một phần họ tên, không cần dấu, ví dụ “nguyen van an”. Người khớp đầu tiên được chọn; phím mũi tên xuống để chuyển vào danh sách, Enter để mở người đang được chọn.</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Tất cả các nhóm</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Đang ở cơ sở</translation>
    </message>
    <message>
        <source>Left the facility</source>
        <translation>Đã ra khỏi cơ sở</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Show one beneficiary group only</source>
        <translation>Chỉ hiện một nhóm đối tượng</translation>
    </message>
    <message>
        <source>Residents present now, those who left, or everyone</source>
        <translation>Đối tượng đang ở, đã ra khỏi cơ sở, hoặc tất cả</translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %Ln resident(s)</source>
        <translation>
            <numerusform>Đang hiện {shown} trên tổng số %Ln đối tượng</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới</translation>
    </message>
    <message>
        <source>Born (age)</source>
        <translation>Ngày sinh (tuổi)</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Phòng</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Đang ở</translation>
    </message>
    <message>
        <source>Left {date}</source>
        <translation>Đã ra {date}</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Report form (Decree 30/2020/NĐ-CP)</source>
        <translation>Mẫu báo cáo (Nghị định 30/2020/NĐ-CP)</translation>
    </message>
    <message>
        <source>Facility code</source>
        <translation>Mã cơ sở</translation>
    </message>
    <message>
        <source>Facility &amp;name</source>
        <translation>&amp;Tên cơ sở</translation>
    </message>
    <message>
        <source>Facility &amp;type</source>
        <translation>&amp;Loại hình cơ sở</translation>
    </message>
    <message>
        <source>&amp;Province</source>
        <translation>Tỉnh/&amp;thành phố</translation>
    </message>
    <message>
        <source>Commune / &amp;ward</source>
        <translation>&amp;Xã/phường</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>Đị&amp;a chỉ</translation>
    </message>
    <message>
        <source>&amp;Governing body (printed above the name)</source>
        <translation>&amp;Cơ quan chủ quản (in phía trên tên cơ sở)</translation>
    </message>
    <message>
        <source>Reports are &amp;sent to</source>
        <translation>&amp;Nơi nhận báo cáo</translation>
    </message>
    <message>
        <source>Place in the report &amp;date</source>
        <translation>Địa danh &amp;ghi ở ngày tháng báo cáo</translation>
    </message>
    <message>
        <source>Report &amp;symbol</source>
        <translation>&amp;Ký hiệu báo cáo</translation>
    </message>
    <message>
        <source>&amp;Director's name</source>
        <translation>Họ tên &amp;giám đốc</translation>
    </message>
    <message>
        <source>Provincial target 20&amp;25</source>
        <translation>Chỉ tiêu của tỉnh năm 20&amp;25</translation>
    </message>
    <message>
        <source>Provincial target 20&amp;30</source>
        <translation>Chỉ tiêu của tỉnh năm 20&amp;30</translation>
    </message>
    <message>
        <source>&amp;Lock the screen after (minutes without use)</source>
        <translation>Tự &amp;khóa màn hình sau (số phút không dùng)</translation>
    </message>
    <message>
        <source>e.g. SỞ Y TẾ</source>
        <translation>ví dụ: SỞ Y TẾ</translation>
    </message>
    <message>
        <source>e.g. Sở Y tế tỉnh Lạng Sơn</source>
        <translation>ví dụ: Sở Y tế tỉnh Lạng Sơn</translation>
    </message>
    <message>
        <source>e.g. Lạng Sơn</source>
        <translation>ví dụ: Lạng Sơn</translation>
    </message>
    <message>
        <source>e.g. BC-TTBTXH</source>
        <translation>ví dụ: BC-TTBTXH</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>chưa đặt</translation>
    </message>
    <message>
        <source>Share of residents with an electronic health record that the province set as its target; 0 means the province set none.</source>
        <translation>Tỷ lệ đối tượng có hồ sơ sức khỏe điện tử theo chỉ tiêu của tỉnh; để 0 nếu tỉnh không đặt chỉ tiêu.</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Lưu thông tin</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(chưa chọn)</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Đã lưu thông tin cơ sở.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up the facility's health records</source>
        <translation>Khởi tạo hồ sơ sức khỏe của cơ sở</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Khởi tạo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>Health records of the facility</source>
        <translation>Hồ sơ sức khỏe của cơ sở</translation>
    </message>
    <message>
        <source>Residents' health records</source>
        <translation>Hồ sơ sức khỏe đối tượng</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Ngôn ngữ:</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Nursing round {n} under way ({start} to {end}): {present} people in the centre.</source>
        <translation>Đợt điều dưỡng {n} đang diễn ra ({start} đến {end}): {present} người đang ở trung tâm.</translation>
    </message>
    <message>
        <source>{k} of them have no intake checkup yet.</source>
        <translation>{k} người chưa được khám khi tiếp nhận.</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>Hôm nay, {date}</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <source>Read the due list again</source>
        <translation>Đọc lại danh sách việc cần làm</translation>
    </message>
    <message>
        <source>Nothing is due today. Checkups, abnormal vital signs, insurance cards, referrals and residents aged 80 or more are all up to date.</source>
        <translation>Hôm nay không có việc đến hạn. Lịch khám, chỉ số sinh tồn bất thường, thẻ BHYT, chuyển tuyến và người từ 80 tuổi trở lên đều đã được theo dõi đầy đủ.</translation>
    </message>
    <message>
        <source>Checkups due or overdue ({n})</source>
        <translation>Đến hạn hoặc quá hạn khám ({n})</translation>
    </message>
    <message>
        <source>Abnormal vital signs, last 7 days ({n})</source>
        <translation>Chỉ số sinh tồn bất thường trong 7 ngày qua ({n})</translation>
    </message>
    <message>
        <source>Insurance cards expired or expiring within 30 days ({n})</source>
        <translation>Thẻ BHYT đã hết hạn hoặc hết hạn trong 30 ngày tới ({n})</translation>
    </message>
    <message>
        <source>Referrals still open ({n})</source>
        <translation>Đang chuyển tuyến, chưa trở về ({n})</translation>
    </message>
    <message>
        <source>Aged 80 or more, no checkup this year ({n})</source>
        <translation>Từ 80 tuổi trở lên, chưa khám trong năm nay ({n})</translation>
    </message>
    <message>
        <source>room</source>
        <translation>phòng</translation>
    </message>
    <message>
        <source>Click or press Enter to open the record</source>
        <translation>Bấm chuột hoặc nhấn Enter để mở hồ sơ</translation>
    </message>
    <message numerus="yes">
        <source>Checkup %n day(s) overdue (due {date})</source>
        <translation>
            <numerusform>Quá hạn khám %n ngày (hạn {date})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Insurance card expires on {date} (%n day(s) left)</source>
        <translation>
            <numerusform>Thẻ BHYT hết hạn ngày {date} (còn %n ngày)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Referred to {hospital} since {date} (%n day(s))</source>
        <translation>
            <numerusform>Chuyển tuyến {hospital} từ {date} (%n ngày)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockWidget</name>
    <message>
        <source>Unlock the records</source>
        <translation>Mở khóa hồ sơ</translation>
    </message>
    <message>
        <source>The facility's records are encrypted. Type the passphrase chosen when the program was set up.</source>
        <translation>Hồ sơ của cơ sở được mã hóa. Hãy nhập mật khẩu kho dữ liệu đã đặt khi khởi tạo chương trình.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Mật khẩu kho dữ liệu</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Mở &amp;khóa</translation>
    </message>
    <message>
        <source>the records' passphrase</source>
        <translation>mật khẩu kho dữ liệu</translation>
    </message>
    <message>
        <source>Opening with the key remembered on this computer…</source>
        <translation>Đang mở bằng khóa đã ghi nhớ trên máy này…</translation>
    </message>
    <message>
        <source>Opening with the passphrase given by the launcher (demo or kiosk mode)…</source>
        <translation>Đang mở bằng mật khẩu do trình khởi động cung cấp (chế độ trình diễn)…</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>Hãy nhập mật khẩu trước.</translation>
    </message>
    <message>
        <source>The remembered key no longer opens the records; type the passphrase.</source>
        <translation>Khóa đã ghi nhớ không còn mở được hồ sơ; hãy nhập mật khẩu kho dữ liệu.</translation>
    </message>
    <message>
        <source>The IT officer is changing the passphrase or restoring a backup; waiting for that to finish…</source>
        <translation>Cán bộ CNTT đang đổi mật khẩu hoặc phục hồi bản sao lưu; đang chờ việc đó xong…</translation>
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <source>Add a user</source>
        <translation>Thêm người dùng</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
        <source>Each person gets their own account; never share one.</source>
        <translation>Mỗi người có một tài khoản riêng; không dùng chung tài khoản.</translation>
    </message>
    <message>
        <source>New password for {user}. Tell it to the person privately; they can use it at once.</source>
        <translation>Mật khẩu mới cho {user}. Hãy báo riêng cho người đó; họ có thể dùng ngay.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Tên đăng nhập</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Vai trò</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mật khẩu</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>Nhập &amp;lại mật khẩu</translation>
    </message>
    <message>
        <source>e.g. lan.nguyen (lower-case letters, no accents)</source>
        <translation>ví dụ: lan.nguyen (chữ thường, không dấu)</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>ít nhất 8 ký tự</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>The two entries differ; type the password again.</source>
        <translation>Hai lần nhập không khớp; hãy nhập lại mật khẩu.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>&amp;Add a user…</source>
        <translation>&amp;Thêm người dùng…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>Đặt lại &amp;mật khẩu…</translation>
    </message>
    <message>
        <source>A disabled account cannot log in; its name stays in the records it wrote. After 5 wrong passwords an account waits 15 minutes, or until an administrator resets its password.</source>
        <translation>Tài khoản bị khóa không đăng nhập được; tên vẫn giữ trong các hồ sơ người đó đã nhập. Nhập sai mật khẩu 5 lần thì tài khoản phải chờ 15 phút, hoặc đến khi quản trị đặt lại mật khẩu.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Đã khóa</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Mở khóa tài khoản</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Khóa tài khoản</translation>
    </message>
    <message>
        <source>Disable the account</source>
        <translation>Khóa tài khoản</translation>
    </message>
    <message>
        <source>{user} will no longer be able to log in. Continue?</source>
        <translation>{user} sẽ không đăng nhập được nữa. Tiếp tục?</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Khóa tài khoản</translation>
    </message>
</context>
<context>
    <name>FirstDayChecklist</name>
    <message>
        <source>First day: getting started</source>
        <translation>Ngày đầu tiên: bắt đầu từ đây</translation>
    </message>
    <message>
        <source>Open Administration…</source>
        <translation>Mở Quản trị…</translation>
    </message>
    <message>
        <source>Admit a resident…</source>
        <translation>Tiếp nhận đối tượng…</translation>
    </message>
    <message>
        <source>How? (user guide)</source>
        <translation>Làm thế nào? (hướng dẫn)</translation>
    </message>
    <message>
        <source>Open the user guide</source>
        <translation>Mở hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>No residents or no staff accounts yet. This box goes away once both exist.</source>
        <translation>Chưa có đối tượng hoặc chưa có tài khoản nhân viên. Bảng này tự ẩn khi đã có cả hai.</translation>
    </message>
    <message>
        <source>Create accounts for the nurses, doctors and director.</source>
        <translation>Tạo tài khoản cho điều dưỡng, bác sĩ, giám đốc.</translation>
    </message>
    <message>
        <source>The administrator does this.</source>
        <translation>Việc của quản trị viên.</translation>
    </message>
    <message>
        <source>Admit the first resident (Ctrl+N).</source>
        <translation>Tiếp nhận đối tượng đầu tiên (Ctrl+N).</translation>
    </message>
    <message>
        <source>Bring in an existing list from Excel or CSV (the columns of the residents export).</source>
        <translation>Nhập danh sách có sẵn từ Excel hoặc CSV (các cột của tệp xuất danh sách đối tượng).</translation>
    </message>
    <message>
        <source>Import a list…</source>
        <translation>Nhập danh sách…</translation>
    </message>
    <message>
        <source>Bring in an existing list from Excel or CSV: the director or administrator does this.</source>
        <translation>Nhập danh sách có sẵn từ Excel hoặc CSV: việc của giám đốc hoặc quản trị viên.</translation>
    </message>
    <message>
        <source>Read the user guide (F1 on any screen).</source>
        <translation>Đọc hướng dẫn sử dụng (F1 ở mọi màn hình).</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>Printable version (PDF)</source>
        <translation>Bản để in (PDF)</translation>
    </message>
    <message>
        <source>Open the guide as a PDF to print it</source>
        <translation>Mở hướng dẫn dạng PDF để in</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>The printable guide could not be opened: {path}</source>
        <translation>Không mở được bản hướng dẫn để in: {path}</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>How to use the program (F1 from any screen)</source>
        <translation>Cách dùng chương trình (F1 ở bất kỳ màn hình nào)</translation>
    </message>
</context>
<context>
    <name>ReportFormFields</name>
    <message>
        <source>&amp;Governing body (printed above the name)</source>
        <translation>&amp;Cơ quan chủ quản (in phía trên tên cơ sở)</translation>
    </message>
    <message>
        <source>Reports are &amp;sent to (separate with ;)</source>
        <translation>&amp;Nơi nhận báo cáo (cách nhau bởi dấu ;)</translation>
    </message>
    <message>
        <source>Place in the report &amp;date</source>
        <translation>Địa danh ghi ở &amp;ngày tháng</translation>
    </message>
    <message>
        <source>Report &amp;symbol</source>
        <translation>&amp;Ký hiệu báo cáo</translation>
    </message>
    <message>
        <source>Signed &amp;by</source>
        <translation>Thẩm quyền &amp;ký</translation>
    </message>
    <message>
        <source>&amp;Director's name</source>
        <translation>Họ tên &amp;giám đốc</translation>
    </message>
    <message>
        <source>D&amp;eputy director's name</source>
        <translation>Họ tên &amp;phó giám đốc ký thay</translation>
    </message>
    <message>
        <source>Province's &amp;plan: number</source>
        <translation>Kế &amp;hoạch của tỉnh: số</translation>
    </message>
    <message>
        <source>Province's plan: da&amp;te</source>
        <translation>Kế hoạch của tỉnh: ngà&amp;y ban hành</translation>
    </message>
    <message>
        <source>Province's plan: &amp;issued by</source>
        <translation>Kế hoạch của tỉnh: cơ quan &amp;ban hành</translation>
    </message>
    <message>
        <source>e.g. SỞ Y TẾ TỈNH LẠNG SƠN</source>
        <translation>ví dụ: SỞ Y TẾ TỈNH LẠNG SƠN</translation>
    </message>
    <message>
        <source>e.g. Sở Y tế tỉnh Lạng Sơn</source>
        <translation>ví dụ: Sở Y tế tỉnh Lạng Sơn</translation>
    </message>
    <message>
        <source>e.g. Lạng Sơn</source>
        <translation>ví dụ: Lạng Sơn</translation>
    </message>
    <message>
        <source>e.g. BC-TTBTXH</source>
        <translation>ví dụ: BC-TTBTXH</translation>
    </message>
    <message>
        <source>e.g. 125/KH-UBND</source>
        <translation>ví dụ: 125/KH-UBND</translation>
    </message>
    <message>
        <source>e.g. 20/05/2022</source>
        <translation>ví dụ: 20/05/2022</translation>
    </message>
    <message>
        <source>e.g. Ủy ban nhân dân tỉnh Lạng Sơn</source>
        <translation>ví dụ: Ủy ban nhân dân tỉnh Lạng Sơn</translation>
    </message>
    <message>
        <source>The director (GIÁM ĐỐC)</source>
        <translation>Giám đốc ký (GIÁM ĐỐC)</translation>
    </message>
    <message>
        <source>A deputy for the director (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)</source>
        <translation>Phó giám đốc ký thay (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>The report form</source>
        <translation>Mẫu báo cáo</translation>
    </message>
    <message>
        <source>What the periodic reports print (Decree 30/2020/NĐ-CP). You can change it later in the settings.</source>
        <translation>Những gì báo cáo định kỳ in ra (Nghị định 30/2020/NĐ-CP). Có thể sửa sau trong phần thiết lập.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a list of residents</source>
        <translation>Nhập danh sách đối tượng</translation>
    </message>
    <message>
        <source>Choose an Excel (.xlsx) or CSV file with the columns of the residents' export. Nothing is written until you press Import, and then only if every row is valid (or you choose to leave out the rows with errors).</source>
        <translation>Chọn tệp Excel (.xlsx) hoặc CSV có các cột như tệp xuất danh sách đối tượng. Chưa có gì được ghi cho đến khi bấm Nhập, và chỉ ghi khi mọi dòng đều đúng (hoặc khi chọn bỏ qua các dòng có lỗi).</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Leave out the rows with errors and import the others</source>
        <translation>Bỏ qua các dòng có lỗi, nhập các dòng còn lại</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Choose the list to import</source>
        <translation>Chọn danh sách cần nhập</translation>
    </message>
    <message>
        <source>Excel or CSV (*.xlsx *.csv)</source>
        <translation>Excel hoặc CSV (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Reading and checking the file…</source>
        <translation>Đang đọc và kiểm tra tệp…</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>Đã có</translation>
    </message>
    <message>
        <source>Has errors</source>
        <translation>Có lỗi</translation>
    </message>
    <message>
        <source>%1 problems (listed below). %2.</source>
        <translation>%1 lỗi (liệt kê bên dưới). %2.</translation>
    </message>
    <message>
        <source>Every row is valid: %1. Press Import to write them.</source>
        <translation>Mọi dòng đều đúng: %1. Bấm Nhập để ghi.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>Imported: %1.</source>
        <translation>Đã nhập: %1.</translation>
    </message>
</context>
</TS>