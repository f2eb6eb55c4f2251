<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en_US">
<context>
    <name>AdmitDialog</name>
    <message>
        <source>Admit a new resident</source>
        <translation>Tiếp nhận đối tượng mới</translation>
    </message>
    <message>
        <source>Fields in red must be corrected before saving. Dates are typed day/month/year, for example 05/01/1950. The resident code is given automatically if left blank.</source>
        <translation>Ô nào báo đỏ cần sửa trước khi lưu. Ngày nhập theo ngày/tháng/năm, ví dụ 05/01/1950. Để trống mã đối tượng thì phần mềm tự cấp.</translation>
    </message>
    <message>
        <source>Already on record?</source>
        <translation>Đã có hồ sơ?</translation>
    </message>
    <message>
        <source>%1 (%2, born %3) is already on record: %4.

One person keeps one record: open the old record instead. Make a second record only if this is really someone else.</source>
        <translation>%1 (%2, sinh ngày %3) đã có hồ sơ: %4.

Mỗi người chỉ có một hồ sơ: hãy mở hồ sơ cũ. Chỉ tạo hồ sơ thứ hai nếu đây thật sự là người khác.</translation>
    </message>
    <message>
        <source>Someone else: make a new record</source>
        <translation>Người khác: tạo hồ sơ mới</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
</context>
<context>
    <name>CheckupForm</name>
    <message>
        <source>Not classified</source>
        <translation>Chưa phân loại</translation>
    </message>
    <message>
        <source>What the examiner found and advised</source>
        <translation>Kết quả khám và lời dặn</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>tự tính</translation>
    </message>
    <message>
        <source>Leave blank: one year later, or three months for a resident with a chronic condition.</source>
        <translation>Để trống: tự tính sau 1 năm, hoặc sau 3 tháng nếu đối tượng có bệnh mạn tính.</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Chưa ghi</translation>
    </message>
    <message>
        <source>Tuberculosis, hepatitis, scabies, ...</source>
        <translation>Lao, viêm gan, ghẻ, ...</translation>
    </message>
    <message>
        <source>Isolate the resident</source>
        <translation>Cách ly đối tượng</translation>
    </message>
    <message>
        <source>Save checkup (Ctrl+S)</source>
        <translation>Lưu lần khám (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Hủy (Esc)</translation>
    </message>
    <message>
        <source>Checkup date</source>
        <translation>Ngày khám</translation>
    </message>
    <message>
        <source>Kind of checkup</source>
        <translation>Loại khám</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>Huyết áp</translation>
    </message>
    <message>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <source>Health classification</source>
        <translation>Phân loại sức khỏe</translation>
    </message>
    <message>
        <source>Findings and advice</source>
        <translation>Kết luận, lời dặn</translation>
    </message>
    <message>
        <source>Next checkup due</source>
        <translation>Ngày khám lần sau</translation>
    </message>
    <message>
        <source>Examined by</source>
        <translation>Người khám</translation>
    </message>
    <message>
        <source>Admission screening (infectious diseases)</source>
        <translation>Sàng lọc bệnh truyền nhiễm khi tiếp nhận</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Screened for</source>
        <translation>Đã sàng lọc</translation>
    </message>
    <message>
        <source>New checkup</source>
        <translation>Ghi lần khám mới</translation>
    </message>
    <message>
        <source>Correct the checkup of %1</source>
        <translation>Sửa lần khám ngày %1</translation>
    </message>
    <message>
        <source>The version before this correction stays in the record's history.</source>
        <translation>Bản trước khi sửa vẫn được giữ trong lịch sử hồ sơ.</translation>
    </message>
    <message>
        <source>BP %1/%2</source>
        <translation>HA %1/%2</translation>
    </message>
    <message>
        <source>pulse %1</source>
        <translation>mạch %1</translation>
    </message>
    <message>
        <source>glucose %1</source>
        <translation>đường huyết %1</translation>
    </message>
    <message>
        <source>Previous checkup (%1): %2</source>
        <translation>Lần khám trước (%1): %2</translation>
    </message>
    <message>
        <source>calculated from weight and height</source>
        <translation>tự tính từ cân nặng và chiều cao</translation>
    </message>
    <message>
        <source>below normal</source>
        <translation>thấp hơn bình thường</translation>
    </message>
    <message>
        <source>above normal</source>
        <translation>cao hơn bình thường</translation>
    </message>
    <message>
        <source>under 18: adult norms do not apply</source>
        <translation>dưới 18 tuổi: không dùng ngưỡng người lớn</translation>
    </message>
    <message>
        <source>thin for age</source>
        <translation>gầy so với tuổi</translation>
    </message>
    <message>
        <source>overweight for age</source>
        <translation>thừa cân so với tuổi</translation>
    </message>
    <message>
        <source>normal for age</source>
        <translation>bình thường so với tuổi</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>bình thường</translation>
    </message>
    <message>
        <source>WHO z-score %1: %2</source>
        <translation>điểm z theo WHO %1: %2</translation>
    </message>
</context>
<context>
    <name>CheckupsTab</name>
    <message>
        <source>New checkup</source>
        <translation>Ghi lần khám mới</translation>
    </message>
    <message>
        <source>Correct the selected checkup</source>
        <translation>Sửa lần khám đã chọn</translation>
    </message>
    <message>
        <source>Cancel a checkup entered by mistake</source>
        <translation>Hủy lần khám nhập nhầm</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>Các bản trước</translation>
    </message>
    <message>
        <source>First click a checkup in the table.</source>
        <translation>Trước hết bấm chọn một lần khám trong bảng.</translation>
    </message>
    <message>
        <source>No checkup recorded yet. Press “New checkup” to record the first one.</source>
        <translation>Chưa có lần khám nào. Bấm “Ghi lần khám mới” để ghi lần đầu tiên.</translation>
    </message>
    <message>
        <source>Trend:</source>
        <translation>Biểu đồ:</translation>
    </message>
    <message>
        <source>Cancel a checkup</source>
        <translation>Hủy lần khám</translation>
    </message>
    <message>
        <source>Why is the checkup of %1 cancelled? (for example: entered for the wrong resident)</source>
        <translation>Vì sao hủy lần khám ngày %1? (ví dụ: ghi nhầm người)</translation>
    </message>
    <message>
        <source>Cancel the checkup</source>
        <translation>Hủy lần khám</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Giữ lại</translation>
    </message>
    <message>
        <source>Not cancelled: write the reason.</source>
        <translation>Chưa hủy: hãy ghi lý do.</translation>
    </message>
    <message>
        <source>The checkup of %1 was cancelled; it stays in the history.</source>
        <translation>Đã hủy lần khám ngày %1; bản ghi vẫn còn trong lịch sử.</translation>
    </message>
    <message>
        <source>Checkup of %1 corrected.</source>
        <translation>Đã sửa lần khám ngày %1.</translation>
    </message>
    <message>
        <source>Checkup of %1 saved.</source>
        <translation>Đã lưu lần khám ngày %1.</translation>
    </message>
</context>
<context>
    <name>ConditionForm</name>
    <message>
        <source>New status from</source>
        <translation>Tình trạng mới từ ngày</translation>
    </message>
    <message>
        <source>Diagnosis (ICD-10)</source>
        <translation>Chẩn đoán (ICD-10)</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>Ngày phát hiện</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Follow up every</source>
        <translation>Theo dõi mỗi</translation>
    </message>
    <message>
        <source>days</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Hủy (Esc)</translation>
    </message>
    <message>
        <source>Add a chronic condition</source>
        <translation>Thêm bệnh mạn tính</translation>
    </message>
    <message>
        <source>Update %1</source>
        <translation>Cập nhật %1</translation>
    </message>
</context>
<context>
    <name>ConditionsTab</name>
    <message>
        <source>%1 since %2</source>
        <translation>%1 từ %2</translation>
    </message>
    <message>
        <source>Status history: %1</source>
        <translation>Diễn biến tình trạng: %1</translation>
    </message>
    <message>
        <source>Add a chronic condition</source>
        <translation>Thêm bệnh mạn tính</translation>
    </message>
    <message>
        <source>Update the selected condition</source>
        <translation>Cập nhật bệnh đã chọn</translation>
    </message>
    <message>
        <source>First click a line in the table.</source>
        <translation>Trước hết bấm chọn một dòng trong bảng.</translation>
    </message>
    <message>
        <source>No chronic condition recorded.</source>
        <translation>Chưa ghi bệnh mạn tính nào.</translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <translation>Đã lưu: %1.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>Choose the date on a calendar</source>
        <translation>Chọn ngày trên lịch</translation>
    </message>
</context>
<context>
    <name>DischargeDialog</name>
    <message>
        <source>Discharge the resident</source>
        <translation>Cho đối tượng ra khỏi cơ sở</translation>
    </message>
    <message>
        <source>%1 leaves the facility. The record stays and can still be read.</source>
        <translation>%1 ra khỏi cơ sở. Hồ sơ vẫn được giữ và vẫn xem được.</translation>
    </message>
</context>
<context>
    <name>DischargeForm</name>
    <message>
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <source>Date of leaving</source>
        <translation>Ngày ra khỏi cơ sở</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Discharge (Ctrl+S)</source>
        <translation>Xác nhận ra khỏi cơ sở (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Hủy (Esc)</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Every change to this record, newest first. Entries cannot be edited or removed. Select a line to read it in full below.</source>
        <translation>Mọi thay đổi của hồ sơ này, mới nhất ở trên. Không ai sửa hay xóa được các dòng này. Chọn một dòng để đọc đầy đủ ở bên dưới.</translation>
    </message>
    <message>
        <source>Select a line above to read the whole change.</source>
        <translation>Chọn một dòng ở trên để đọc toàn bộ nội dung thay đổi.</translation>
    </message>
</context>
<context>
    <name>Icd10Picker</name>
    <message>
        <source>Type a code (I10) or a name without accents (tang huyet ap)</source>
        <translation>Gõ mã (I10) hoặc tên bệnh, không cần dấu (tang huyet ap)</translation>
    </message>
    <message>
        <source>No diagnosis chosen yet.</source>
        <translation>Chưa chọn chẩn đoán.</translation>
    </message>
    <message>
        <source>(not in the ICD-10 list)</source>
        <translation>(không có trong danh mục ICD-10)</translation>
    </message>
    <message>
        <source>Chosen: %1 — %2</source>
        <translation>Đã chọn: %1 — %2</translation>
    </message>
    <message>
        <source>Nothing found. Try fewer words, or the code.</source>
        <translation>Không tìm thấy. Hãy gõ ít chữ hơn, hoặc gõ mã bệnh.</translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>First registered at</source>
        <translation>Nơi ĐK KCB ban đầu</translation>
    </message>
    <message>
        <source>given automatically</source>
        <translation>tự cấp</translation>
    </message>
    <message>
        <source>12 digits, if known</source>
        <translation>12 chữ số, nếu có</translation>
    </message>
    <message>
        <source>e.g. BT2201234567890</source>
        <translation>ví dụ BT2201234567890</translation>
    </message>
    <message>
        <source>as written on the old papers</source>
        <translation>ghi như trên giấy tờ cũ</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>— type or choose —</source>
        <translation>— gõ tên hoặc chọn —</translation>
    </message>
    <message>
        <source>— choose the province first —</source>
        <translation>— chọn tỉnh trước —</translation>
    </message>
    <message>
        <source>Admit (Ctrl+S)</source>
        <translation>Tiếp nhận (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save changes (Ctrl+S)</source>
        <translation>Lưu thay đổi (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Hủy (Esc)</translation>
    </message>
    <message>
        <source>Undo changes (Esc)</source>
        <translation>Bỏ thay đổi (Esc)</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Thông tin cá nhân</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Citizen ID (CCCD)</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Resident code</source>
        <translation>Mã đối tượng</translation>
    </message>
    <message>
        <source>Beneficiary groups (tick every one that applies)</source>
        <translation>Nhóm đối tượng (đánh dấu tất cả nhóm phù hợp)</translation>
    </message>
    <message>
        <source>Disability type</source>
        <translation>Dạng khuyết tật</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <source>Health insurance (BHYT)</source>
        <translation>Bảo hiểm y tế (BHYT)</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Số thẻ</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Giá trị từ</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Giá trị đến</translation>
    </message>
    <message>
        <source>Stay at the facility</source>
        <translation>Ở tại cơ sở</translation>
    </message>
    <message>
        <source>Admission date</source>
        <translation>Ngày tiếp nhận</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Phòng</translation>
    </message>
    <message>
        <source>Next of kin</source>
        <translation>Người thân</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Quan hệ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Address (current provinces and communes)</source>
        <translation>Địa chỉ (tỉnh, xã theo đơn vị hành chính mới)</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh/thành phố</translation>
    </message>
    <message>
        <source>Commune/ward</source>
        <translation>Xã/phường</translation>
    </message>
    <message>
        <source>Village, street</source>
        <translation>Thôn, số nhà, đường</translation>
    </message>
    <message>
        <source>Old address</source>
        <translation>Địa chỉ cũ</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge duplicate records</source>
        <translation>Gộp hồ sơ trùng</translation>
    </message>
    <message>
        <source>Find the other record of %1 made by mistake (name, code, room or CCCD):</source>
        <translation>Tìm hồ sơ còn lại của %1 đã lập nhầm (họ tên, mã, phòng hoặc số CCCD):</translation>
    </message>
    <message>
        <source>Type at least two letters</source>
        <translation>Gõ ít nhất hai chữ</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Gộp…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Stays: %1</source>
        <translation>Giữ lại: %1</translation>
    </message>
    <message>
        <source>Merged away: %1</source>
        <translation>Gộp đi: %1</translation>
    </message>
    <message>
        <source>Every checkup, condition, rehabilitation session, referral, card and room of %1 moves to %2. Fields %2 leaves empty take the values of %1.</source>
        <translation>Mọi lần khám, bệnh, buổi tập PHCN, lần chuyển tuyến, thẻ BHYT và phòng của %1 chuyển sang %2. Những mục %2 còn để trống sẽ lấy giá trị của %1.</translation>
    </message>
    <message>
        <source>%1 (the records differ):</source>
        <translation>%1 (hai hồ sơ ghi khác nhau):</translation>
    </message>
    <message>
        <source>Keep this record (%1)</source>
        <translation>Giữ hồ sơ này (%1)</translation>
    </message>
    <message>
        <source>Keep the other record (%1)</source>
        <translation>Giữ hồ sơ kia (%1)</translation>
    </message>
    <message>
        <source>%1 (%2) and %3 (%4) will become one record, %4. Every record of %2 moves to %4; %2 disappears from the list and cannot be opened again. Who merged, when and what is written to the log. This cannot be undone here. Merge them?</source>
        <translation>%1 (%2) và %3 (%4) sẽ thành một hồ sơ duy nhất là %4. Mọi bản ghi của %2 chuyển sang %4; %2 không còn trong danh sách và không mở lại được. Ai gộp, lúc nào, gộp gì được ghi vào nhật ký. Việc này không hoàn tác được ở đây. Gộp hai hồ sơ?</translation>
    </message>
    <message>
        <source>Merge two records?</source>
        <translation>Gộp hai hồ sơ?</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gộp</translation>
    </message>
    <message>
        <source>Do not merge</source>
        <translation>Không gộp</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Đang gộp…</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <source>Correct the chosen stay…</source>
        <translation>Sửa lượt đã chọn…</translation>
    </message>
    <message>
        <source>Add an earlier stay…</source>
        <translation>Thêm lượt trước đây…</translation>
    </message>
    <message>
        <source>Merge duplicate records…</source>
        <translation>Gộp hồ sơ trùng…</translation>
    </message>
    <message>
        <source>Health-insurance cards and rooms over time</source>
        <translation>Thẻ BHYT và phòng ở qua các thời kỳ</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Số thẻ</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Có giá trị từ</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Có giá trị đến</translation>
    </message>
    <message>
        <source>Place of first registration</source>
        <translation>Nơi đăng ký KCB ban đầu</translation>
    </message>
    <message>
        <source>No health-insurance card recorded.</source>
        <translation>Chưa ghi thẻ BHYT nào.</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 từ %2</translation>
    </message>
    <message>
        <source>Rooms: %1</source>
        <translation>Phòng ở: %1</translation>
    </message>
    <message>
        <source>Rooms: none recorded.</source>
        <translation>Phòng ở: chưa ghi.</translation>
    </message>
    <message>
        <source>Discharge…</source>
        <translation>Ra khỏi cơ sở…</translation>
    </message>
    <message>
        <source>Discharged on %1: %2.</source>
        <translation>Đã ra khỏi cơ sở ngày %1: %2.</translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation>Đã lưu thông tin đối tượng.</translation>
    </message>
    <message>
        <source>Re-admit…</source>
        <translation>Tiếp nhận lại…</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Lượt lưu trú</translation>
    </message>
    <message>
        <source>Kind of stay</source>
        <translation>Loại lưu trú</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Ngày tiếp nhận</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Ngày ra</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do ra</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Số ngày</translation>
    </message>
    <message>
        <source>Stays (%1)</source>
        <translation>Lượt lưu trú (%1)</translation>
    </message>
</context>
<context>
    <name>RecordCharts</name>
    <message>
        <source>Blood pressure</source>
        <translation>Huyết áp</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Cân nặng</translation>
    </message>
    <message>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation>Đường huyết</translation>
    </message>
    <message>
        <source>No measurements recorded yet.</source>
        <translation>Chưa có số đo nào.</translation>
    </message>
    <message>
        <source>Systolic</source>
        <translation>Tâm thu</translation>
    </message>
    <message>
        <source>Diastolic</source>
        <translation>Tâm trương</translation>
    </message>
    <message>
        <source>systolic: normal %1–%2</source>
        <translation>tâm thu: bình thường %1–%2</translation>
    </message>
    <message>
        <source>diastolic: normal %1–%2</source>
        <translation>tâm trương: bình thường %1–%2</translation>
    </message>
    <message>
        <source>normal %1–%2</source>
        <translation>bình thường %1–%2</translation>
    </message>
    <message>
        <source>fasting: normal %1–%2</source>
        <translation>lúc đói: bình thường %1–%2</translation>
    </message>
    <message>
        <source>Barthel index</source>
        <translation>Chỉ số Barthel</translation>
    </message>
    <message>
        <source>points</source>
        <translation>điểm</translation>
    </message>
    <message>
        <source>Barthel</source>
        <translation>Barthel</translation>
    </message>
    <message>
        <source>independent or nearly (91–100)</source>
        <translation>tự lập hoặc gần tự lập (91–100)</translation>
    </message>
    <message>
        <source>No Barthel score recorded yet.</source>
        <translation>Chưa có điểm Barthel nào.</translation>
    </message>
</context>
<context>
    <name>RecordFeedback</name>
    <message>
        <source>Something went wrong and nothing was saved. Try again; if it happens again, tell the IT officer (the details are in the log).</source>
        <translation>Đã xảy ra lỗi và chưa có gì được lưu. Hãy thử lại; nếu vẫn lỗi, báo cho cán bộ tin học (chi tiết có trong nhật ký).</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Chưa lưu: hãy sửa các ô báo đỏ.</translation>
    </message>
    <message>
        <source>Cannot open the record</source>
        <translation>Không mở được hồ sơ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>Bỏ những gì vừa nhập?</translation>
    </message>
    <message>
        <source>You have typed information that is not saved yet. Close the form and discard it?</source>
        <translation>Thông tin vừa nhập chưa được lưu. Đóng phiếu và bỏ thông tin đó?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Nhập tiếp</translation>
    </message>
</context>
<context>
    <name>RecordForms</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Hủy (Esc)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number; type digits only, for example 36,8.</source>
        <translation>%1: “%2” không phải là số; chỉ gõ chữ số, ví dụ 36,8.</translation>
    </message>
    <message>
        <source>%1: “%2” is not a whole number.</source>
        <translation>%1: “%2” phải là số nguyên.</translation>
    </message>
    <message>
        <source>%1: “%2” is not a date; type day/month/year, for example 20/11/2026.</source>
        <translation>%1: “%2” không phải là ngày; gõ ngày/tháng/năm, ví dụ 20/11/2026.</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Chưa lưu: hãy sửa các ô báo đỏ.</translation>
    </message>
</context>
<context>
    <name>RecordHistory</name>
    <message>
        <source>Blood pressure</source>
        <translation>Huyết áp</translation>
    </message>
    <message>
        <source>Screened for</source>
        <translation>Đã sàng lọc</translation>
    </message>
    <message>
        <source>Isolation</source>
        <translation>Cách ly</translation>
    </message>
    <message>
        <source>Outcome note</source>
        <translation>Ghi chú kết quả</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>(để trống)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>Checkup of %1; reason: %2</source>
        <translation>Lần khám ngày %1; lý do: %2</translation>
    </message>
</context>
<context>
    <name>RecordLabels</name>
    <message>
        <source>Admitted the resident</source>
        <translation>Tiếp nhận đối tượng</translation>
    </message>
    <message>
        <source>Changed the profile</source>
        <translation>Sửa thông tin đối tượng</translation>
    </message>
    <message>
        <source>Recorded a checkup</source>
        <translation>Ghi lần khám</translation>
    </message>
    <message>
        <source>Corrected a checkup</source>
        <translation>Sửa lần khám</translation>
    </message>
    <message>
        <source>Cancelled a checkup entered by mistake</source>
        <translation>Hủy lần khám nhập nhầm</translation>
    </message>
    <message>
        <source>Added a chronic condition</source>
        <translation>Thêm bệnh mạn tính</translation>
    </message>
    <message>
        <source>Updated a chronic condition</source>
        <translation>Cập nhật bệnh mạn tính</translation>
    </message>
    <message>
        <source>Recorded a rehabilitation session</source>
        <translation>Ghi buổi phục hồi chức năng</translation>
    </message>
    <message>
        <source>Corrected a rehabilitation session</source>
        <translation>Sửa buổi phục hồi chức năng</translation>
    </message>
    <message>
        <source>Referred to a hospital</source>
        <translation>Chuyển tuyến</translation>
    </message>
    <message>
        <source>Closed a referral</source>
        <translation>Kết thúc chuyển tuyến</translation>
    </message>
    <message>
        <source>Re-admitted the resident (a new stay)</source>
        <translation>Tiếp nhận lại (thêm lượt lưu trú mới)</translation>
    </message>
    <message>
        <source>Corrected a stay</source>
        <translation>Sửa lượt lưu trú</translation>
    </message>
    <message>
        <source>Recorded an earlier stay</source>
        <translation>Ghi lượt lưu trú trước đây</translation>
    </message>
</context>
<context>
    <name>RecordTables</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Corrected: earlier versions are kept</source>
        <translation>Đã sửa: các bản trước vẫn được giữ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại khám</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Mạch</translation>
    </message>
    <message>
        <source>Resp.</source>
        <translation>Nhịp thở</translation>
    </message>
    <message>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Phân loại</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Bản sửa</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Bản gốc</translation>
    </message>
    <message>
        <source>ICD-10</source>
        <translation>ICD-10</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Tên bệnh</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>Phát hiện</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>BP</source>
        <translation>HA</translation>
    </message>
    <message>
        <source>Temp.</source>
        <translation>Nhiệt độ</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Cân nặng</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Chiều cao</translation>
    </message>
    <message>
        <source>Glucose</source>
        <translation>Đường huyết</translation>
    </message>
    <message>
        <source>Next
due</source>
        <translation>Khám
lần sau</translation>
    </message>
    <message>
        <source>Follow-up
every (days)</source>
        <translation>Theo dõi
mỗi (ngày)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại PHCN</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Số phút</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Barthel</source>
        <translation>Barthel</translation>
    </message>
    <message>
        <source>Progress note</source>
        <translation>Ghi nhận tiến triển</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Ngày chuyển</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Nơi chuyển đến</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Chẩn đoán</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Returned on</source>
        <translation>Ngày trở về</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>BMI-for-age (WHO 2006): z = %1</source>
        <translation>BMI theo tuổi (chuẩn WHO 2006): z = %1</translation>
    </message>
</context>
<context>
    <name>ReferralCloseForm</name>
    <message>
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <source>Diagnosis and treatment at the hospital, advice on return</source>
        <translation>Chẩn đoán, điều trị ở bệnh viện, lời dặn khi trở về</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Returned on</source>
        <translation>Ngày trở về</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Close referral (Ctrl+S)</source>
        <translation>Kết thúc chuyển tuyến (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Hủy (Esc)</translation>
    </message>
    <message>
        <source>Close the referral of %1 to %2</source>
        <translation>Kết thúc lượt chuyển tuyến ngày %1 đến %2</translation>
    </message>
</context>
<context>
    <name>ReferralOpenForm</name>
    <message>
        <source>e.g. Lạng Sơn General Hospital</source>
        <translation>ví dụ: Bệnh viện Đa khoa tỉnh Lạng Sơn</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Ngày chuyển</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Nơi chuyển đến</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Diagnosis (ICD-10, optional)</source>
        <translation>Chẩn đoán (ICD-10, nếu có)</translation>
    </message>
    <message>
        <source>Save referral (Ctrl+S)</source>
        <translation>Lưu chuyển tuyến (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Hủy (Esc)</translation>
    </message>
    <message>
        <source>Refer to a hospital</source>
        <translation>Chuyển tuyến</translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <source>Refer to a hospital</source>
        <translation>Chuyển tuyến</translation>
    </message>
    <message>
        <source>Close the selected referral</source>
        <translation>Kết thúc chuyển tuyến đã chọn</translation>
    </message>
    <message>
        <source>First click a line in the table.</source>
        <translation>Trước hết bấm chọn một dòng trong bảng.</translation>
    </message>
    <message>
        <source>No referral to a hospital recorded.</source>
        <translation>Chưa có lượt chuyển tuyến nào.</translation>
    </message>
    <message>
        <source>Referral to %1 closed.</source>
        <translation>Đã kết thúc chuyển tuyến đến %1.</translation>
    </message>
    <message>
        <source>Referral to %1 saved.</source>
        <translation>Đã lưu chuyển tuyến đến %1.</translation>
    </message>
</context>
<context>
    <name>RehabForm</name>
    <message>
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <source>0 = fully dependent, 100 = independent in daily activities</source>
        <translation>0 = phụ thuộc hoàn toàn, 100 = tự lập trong sinh hoạt hằng ngày</translation>
    </message>
    <message>
        <source>What was done and what progress was seen</source>
        <translation>Đã tập gì, tiến triển ra sao</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày tập</translation>
    </message>
    <message>
        <source>Type of rehabilitation</source>
        <translation>Loại phục hồi chức năng</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>phút</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Barthel index</source>
        <translation>Chỉ số Barthel</translation>
    </message>
    <message>
        <source>0–100, optional</source>
        <translation>0–100, nếu có đánh giá</translation>
    </message>
    <message>
        <source>Progress note</source>
        <translation>Ghi nhận tiến triển</translation>
    </message>
    <message>
        <source>Save session (Ctrl+S)</source>
        <translation>Lưu buổi tập (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Hủy (Esc)</translation>
    </message>
    <message>
        <source>New rehabilitation session</source>
        <translation>Buổi phục hồi chức năng mới</translation>
    </message>
    <message>
        <source>Correct the session of %1</source>
        <translation>Sửa buổi tập ngày %1</translation>
    </message>
</context>
<context>
    <name>RehabTab</name>
    <message>
        <source>New session</source>
        <translation>Ghi buổi tập mới</translation>
    </message>
    <message>
        <source>Correct the selected session</source>
        <translation>Sửa buổi tập đã chọn</translation>
    </message>
    <message>
        <source>First click a line in the table.</source>
        <translation>Trước hết bấm chọn một dòng trong bảng.</translation>
    </message>
    <message>
        <source>No rehabilitation session recorded yet.</source>
        <translation>Chưa có buổi phục hồi chức năng nào.</translation>
    </message>
    <message>
        <source>Session of %1 corrected.</source>
        <translation>Đã sửa buổi tập ngày %1.</translation>
    </message>
    <message>
        <source>Session of %1 saved.</source>
        <translation>Đã lưu buổi tập ngày %1.</translation>
    </message>
</context>
<context>
    <name>ResidentRecordWidget</name>
    <message>
        <source>Profile</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <source>Checkups</source>
        <translation>Khám sức khỏe</translation>
    </message>
    <message>
        <source>Chronic conditions</source>
        <translation>Bệnh mạn tính</translation>
    </message>
    <message>
        <source>Rehabilitation</source>
        <translation>Phục hồi chức năng</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Chuyển tuyến</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>Lịch sử thay đổi</translation>
    </message>
    <message>
        <source>This record cannot be shown.</source>
        <translation>Không hiển thị được hồ sơ này.</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>Mã %1</translation>
    </message>
    <message numerus="yes">
        <source>born %1 (%n year(s))</source>
        <translation>
            <numerusform>sinh %1 (%n tuổi)</numerusform>
        </translation>
    </message>
    <message>
        <source>room %1</source>
        <translation>phòng %1</translation>
    </message>
    <message>
        <source>admitted %1</source>
        <translation>tiếp nhận %1</translation>
    </message>
    <message>
        <source>Discharged on %1 (%2)</source>
        <translation>Đã ra khỏi cơ sở ngày %1 (%2)</translation>
    </message>
    <message>
        <source>Health-insurance card expired on %1</source>
        <translation>Thẻ BHYT hết hạn ngày %1</translation>
    </message>
    <message>
        <source>Checkup overdue since %1</source>
        <translation>Quá hạn khám từ %1</translation>
    </message>
    <message>
        <source>No checkup recorded yet</source>
        <translation>Chưa có lần khám nào</translation>
    </message>
    <message>
        <source>At the hospital: %1</source>
        <translation>Đang chuyển tuyến: %1</translation>
    </message>
    <message>
        <source>Record a new checkup (Ctrl+K)</source>
        <translation>Ghi một lần khám mới (Ctrl+K)</translation>
    </message>
    <message>
        <source>Add a chronic condition (Ctrl+B)</source>
        <translation>Thêm một bệnh mạn tính (Ctrl+B)</translation>
    </message>
    <message>
        <source>Record a rehabilitation session (Ctrl+H)</source>
        <translation>Ghi một buổi phục hồi chức năng (Ctrl+H)</translation>
    </message>
    <message>
        <source>Refer the resident to a hospital (Ctrl+T)</source>
        <translation>Chuyển tuyến đối tượng đến bệnh viện (Ctrl+T)</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Versions of this checkup</source>
        <translation>Các phiên bản của lần khám</translation>
    </message>
    <message>
        <source>Oldest first. A correction never erases the earlier version.</source>
        <translation>Bản cũ nhất ở trên. Sửa không bao giờ xóa bản trước.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>RoundIntakeTable</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Tuổi</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
</context>
<context>
    <name>RoundsWindow</name>
    <message>
        <source>Working…</source>
        <translation>Đang thực hiện…</translation>
    </message>
    <message>
        <source>Nursing rounds</source>
        <translation>Đợt điều dưỡng</translation>
    </message>
    <message>
        <source>New round</source>
        <translation>Thêm đợt mới</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>giữ nguyên</translation>
    </message>
    <message>
        <source>Add the round</source>
        <translation>Thêm đợt</translation>
    </message>
    <message>
        <source>Load the province's list and admit…</source>
        <translation>Nạp danh sách của tỉnh và tiếp nhận…</translation>
    </message>
    <message>
        <source>Discharge the whole round…</source>
        <translation>Cho cả đợt ra về…</translation>
    </message>
    <message>
        <source>Intake checkups: type each person's vital signs across; Enter or Tab moves on, leaving a row saves it.</source>
        <translation>Khám khi tiếp nhận: gõ chỉ số của từng người theo hàng ngang; Enter hoặc Tab sang ô kế tiếp, rời khỏi hàng là hàng đó được lưu.</translation>
    </message>
    <message>
        <source>The province's list of people for the round</source>
        <translation>Danh sách người vào đợt do tỉnh gửi</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Bảng tính (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Discharge the whole round</source>
        <translation>Cho cả đợt ra về</translation>
    </message>
    <message>
        <source>Discharge everyone</source>
        <translation>Cho tất cả ra về</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Đợt</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Số chỗ</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Số người</translation>
    </message>
    <message>
        <source>Intake checkups</source>
        <translation>Đã khám khi tiếp nhận</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>No round yet this year.</source>
        <translation>Năm này chưa có đợt nào.</translation>
    </message>
    <message>
        <source>The year's quota is a whole number of stays, for example 300.</source>
        <translation>Chỉ tiêu năm là số lượt, một số nguyên, ví dụ 300.</translation>
    </message>
    <message>
        <source>Enter the round's first and last day.</source>
        <translation>Nhập ngày bắt đầu và ngày kết thúc của đợt.</translation>
    </message>
    <message>
        <source>Round no.</source>
        <translation>Đợt số</translation>
    </message>
    <message>
        <source>Year's quota</source>
        <translation>Chỉ tiêu năm</translation>
    </message>
    <message>
        <source>Type the dates as day/month/year, for example 04/05/2026.</source>
        <translation>Nhập ngày theo ngày/tháng/năm, ví dụ 04/05/2026.</translation>
    </message>
    <message>
        <source>Admitted to round %1: %2</source>
        <translation>Tiếp nhận vào đợt %1: %2</translation>
    </message>
    <message>
        <source>Discharged from round %1: %2</source>
        <translation>Cho ra về, đợt %1: %2</translation>
    </message>
    <message>
        <source>Everyone of round %1 still in the centre leaves on %2 (returned home). Their records stay; they can come again in a later round.</source>
        <translation>Mọi người của đợt %1 còn ở trung tâm sẽ ra về ngày %2 (trở về gia đình). Hồ sơ vẫn được giữ; họ có thể đến trong đợt sau.</translation>
    </message>
    <message>
        <source>Quota for %1 not entered yet; %2 stays in its rounds.</source>
        <translation>Chưa nhập chỉ tiêu năm %1; các đợt đã có %2 lượt.</translation>
    </message>
    <message>
        <source>Round %1: %2 to %3</source>
        <translation>Đợt %1: từ %2 đến %3</translation>
    </message>
    <message>
        <source>Quota for %1: %2 stays; used by the rounds: %3 (%4).</source>
        <translation>Chỉ tiêu năm %1: %2 lượt; các đợt đã dùng: %3 (%4).</translation>
    </message>
</context>
<context>
    <name>RoundListDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>CCCD</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Merit category</source>
        <translation>Diện người có công</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>new record</source>
        <translation>hồ sơ mới</translation>
    </message>
    <message>
        <source>Round %1: the province's list</source>
        <translation>Đợt %1: danh sách của tỉnh</translation>
    </message>
    <message>
        <source>Admit %1 people</source>
        <translation>Tiếp nhận %1 người</translation>
    </message>
    <message>
        <source>known: %1 (%2)</source>
        <translation>đã có: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 people: %2 already have a record, %3 new.</source>
        <translation>%1 người: %2 người đã có hồ sơ, %3 người mới.</translation>
    </message>
</context>
<context>
    <name>RoundActions</name>
    <message>
        <source>Nursing &amp;rounds…</source>
        <translation>Đợt điều &amp;dưỡng…</translation>
    </message>
    <message>
        <source>Rounds of rotating nursing stays: the province's list, admission, intake checkups, discharge</source>
        <translation>Các đợt điều dưỡng luân phiên: danh sách của tỉnh, tiếp nhận, khám khi tiếp nhận, ra về</translation>
    </message>
</context>
<context>
    <name>PersonMatchPanel</name>
    <message>
        <source>This person is already on record. Open the old record instead of making a second one.</source>
        <translation>Người này đã có hồ sơ. Hãy mở hồ sơ cũ thay vì tạo hồ sơ thứ hai.</translation>
    </message>
    <message>
        <source>Someone on record may be this person. Check before saving:</source>
        <translation>Có thể người này đã có hồ sơ. Hãy kiểm tra trước khi lưu:</translation>
    </message>
    <message>
        <source>left on %1</source>
        <translation>đã ra ngày %1</translation>
    </message>
    <message>
        <source>here now</source>
        <translation>đang ở cơ sở</translation>
    </message>
    <message>
        <source>Open the record</source>
        <translation>Mở hồ sơ</translation>
    </message>
    <message>
        <source>Admit again</source>
        <translation>Tiếp nhận lại</translation>
    </message>
</context>
<context>
    <name>ReadmitForm</name>
    <message>
        <source>e.g. 15/2026/QĐ-TA</source>
        <translation>ví dụ 15/2026/QĐ-TA</translation>
    </message>
    <message>
        <source>Date of re-admission</source>
        <translation>Ngày tiếp nhận lại</translation>
    </message>
    <message>
        <source>Kind of stay</source>
        <translation>Loại lưu trú</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Phòng</translation>
    </message>
    <message>
        <source>Court decision number</source>
        <translation>Số quyết định của Tòa án</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>Thời hạn (tháng)</translation>
    </message>
    <message>
        <source>Re-admit (Ctrl+S)</source>
        <translation>Tiếp nhận lại (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Hủy (Esc)</translation>
    </message>
</context>
<context>
    <name>ReadmitDialog</name>
    <message>
        <source>Re-admit the resident</source>
        <translation>Tiếp nhận lại đối tượng</translation>
    </message>
    <message>
        <source>%1 comes back: a new stay is added to the same record; the earlier stays and everything recorded stay as they are.</source>
        <translation>%1 trở lại cơ sở: thêm một lượt lưu trú mới vào chính hồ sơ cũ; các lượt trước và mọi thông tin đã ghi được giữ nguyên.</translation>
    </message>
</context>
<context>
    <name>StayForm</name>
    <message>
        <source>— none —</source>
        <translation>— không —</translation>
    </message>
    <message>
        <source>e.g. 15/2026/QĐ-TA</source>
        <translation>ví dụ 15/2026/QĐ-TA</translation>
    </message>
    <message>
        <source>Kind of stay</source>
        <translation>Loại lưu trú</translation>
    </message>
    <message>
        <source>Admitted on</source>
        <translation>Ngày vào</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Ngày ra</translation>
    </message>
    <message>
        <source>Reason for leaving</source>
        <translation>Lý do ra</translation>
    </message>
    <message>
        <source>Court decision number</source>
        <translation>Số quyết định của Tòa án</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>Thời hạn (tháng)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>StayDialog</name>
    <message>
        <source>Correct a stay</source>
        <translation>Sửa một lượt lưu trú</translation>
    </message>
    <message>
        <source>Add an earlier stay</source>
        <translation>Thêm một lượt trước đây</translation>
    </message>
    <message>
        <source>A stay %1 had before the current one, from the paper file: it goes before the current stay and changes nothing else.</source>
        <translation>Một lượt %1 đã ở cơ sở trước lượt hiện nay, theo hồ sơ giấy: lượt này được xếp trước lượt hiện nay, không thay đổi gì khác.</translation>
    </message>
    <message>
        <source>Correct what was typed wrong. The latest stay's dates are the record's own admission and discharge, and change with it.</source>
        <translation>Sửa thông tin nhập sai. Ngày vào, ngày ra của lượt gần nhất cũng là ngày tiếp nhận, ngày ra khỏi cơ sở của hồ sơ và được sửa theo.</translation>
    </message>
</context>
</TS>
