<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>HealthBookButton</name>
    <message>
        <source>Print health book…</source>
        <translation>In sổ sức khỏe…</translation>
    </message>
    <message>
        <source>Preview, print or save this resident&apos;s health book (PDF) (Ctrl+P)</source>
        <translation>Xem trước, in hoặc lưu sổ theo dõi sức khỏe của đối tượng (PDF) (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>HealthBookDialog</name>
    <message>
        <source>Health book</source>
        <translation>Sổ theo dõi sức khỏe</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>Print the health book (Ctrl+P)</source>
        <translation>In sổ theo dõi sức khỏe (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Lưu PDF…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Làm &amp;mới</translation>
    </message>
    <message>
        <source>Make the book again with the latest records</source>
        <translation>Lập lại sổ với số liệu mới nhất</translation>
    </message>
    <message>
        <source>Making the health book…</source>
        <translation>Đang lập sổ theo dõi sức khỏe…</translation>
    </message>
    <message>
        <source>Saving the health book…</source>
        <translation>Đang lưu sổ theo dõi sức khỏe…</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Fit width</source>
        <translation>Vừa chiều ngang</translation>
    </message>
    <message>
        <source>Pages as wide as the preview</source>
        <translation>Trang rộng bằng khung xem trước</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Pages at their real size on paper</source>
        <translation>Trang đúng kích thước khi in ra giấy</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Chưa có gì để xem.</translation>
    </message>
    <message>
        <source>Page %1/%2</source>
        <translation>Trang %1/%2</translation>
    </message>
</context>
<context>
    <name>PeriodicReportDialog</name>
    <message>
        <source>Periodic health report</source>
        <translation>Báo cáo sức khỏe định kỳ</translation>
    </message>
    <message>
        <source>Reporting period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Tháng trước</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Quý này</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Quý trước</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Năm nay</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Năm trước</translation>
    </message>
    <message>
        <source>Other dates</source>
        <translation>Khoảng thời gian khác</translation>
    </message>
    <message>
        <source>Report &amp;number</source>
        <translation>&amp;Số báo cáo</translation>
    </message>
    <message>
        <source>Leave blank to write the number by hand after printing.</source>
        <translation>Để trống nếu muốn ghi số bằng tay sau khi in.</translation>
    </message>
    <message>
        <source>e.g. 12</source>
        <translation>ví dụ 12</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Prepared &amp;by</source>
        <translation>Người lập &amp;biểu</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Printed under “prepared by”, beside the director&apos;s signature</source>
        <translation>In dưới chữ “Người lập biểu”, bên cạnh chữ ký của giám đốc</translation>
    </message>
    <message>
        <source>&amp;Remarks, proposals and requests (section VII, printed as typed)</source>
        <translation>&amp;Nhận xét, đề xuất, kiến nghị (mục VII, in đúng như nhập)</translation>
    </message>
    <message>
        <source>Left blank, the report leaves dotted lines to write on by hand.</source>
        <translation>Nếu để trống, báo cáo in sẵn các dòng chấm để viết tay.</translation>
    </message>
    <message>
        <source>The choices changed after this preview: press Preview to see the report as it will be printed.</source>
        <translation>Lựa chọn đã thay đổi sau lần xem trước này: bấm Xem trước để thấy báo cáo đúng như khi in.</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>Xem &amp;trước</translation>
    </message>
    <message>
        <source>Make the report and show it here</source>
        <translation>Lập báo cáo và hiển thị tại đây</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>Print the report (Ctrl+P)</source>
        <translation>In báo cáo (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Lưu PDF…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Xuất &amp;CSV…</translation>
    </message>
    <message>
        <source>The report&apos;s tables as CSV, for other programs</source>
        <translation>Các biểu của báo cáo dạng CSV, để dùng trong phần mềm khác</translation>
    </message>
    <message>
        <source>Export E&amp;xcel…</source>
        <translation>Xuất E&amp;xcel…</translation>
    </message>
    <message>
        <source>The report&apos;s tables as an Excel workbook (XLSX), one sheet per table</source>
        <translation>Các biểu của báo cáo dạng tệp Excel (XLSX), mỗi biểu một trang tính</translation>
    </message>
    <message>
        <source>Choose the period, then press Preview to see the report here.</source>
        <translation>Chọn kỳ báo cáo rồi bấm Xem trước để xem báo cáo tại đây.</translation>
    </message>
    <message>
        <source>This period has not begun yet.</source>
        <translation>Kỳ này chưa bắt đầu.</translation>
    </message>
    <message>
        <source>Figures up to today, %1.</source>
        <translation>Số liệu tính đến hôm nay, %1.</translation>
    </message>
    <message>
        <source>The report number “%1” must be 1 to 6 digits.</source>
        <translation>Số báo cáo “%1” phải gồm 1 đến 6 chữ số.</translation>
    </message>
    <message>
        <source>The remarks are longer than %1 characters; shorten them.</source>
        <translation>Phần nhận xét dài quá %1 ký tự; hãy rút gọn.</translation>
    </message>
    <message>
        <source>Making the report for %1…</source>
        <translation>Đang lập báo cáo %1…</translation>
    </message>
    <message>
        <source>Saving the report…</source>
        <translation>Đang lưu báo cáo…</translation>
    </message>
    <message>
        <source>Exporting the tables…</source>
        <translation>Đang xuất các biểu…</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Re&amp;ports</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <source>&amp;Periodic report…</source>
        <translation>Báo cáo &amp;định kỳ…</translation>
    </message>
    <message>
        <source>Preview, print or save the facility&apos;s periodic health report (Ctrl+R)</source>
        <translation>Xem trước, in hoặc lưu báo cáo sức khỏe định kỳ của cơ sở (Ctrl+R)</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Cl&amp;ose</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Chưa có gì để xem.</translation>
    </message>
    <message>
        <source>Preview ready: %1 page.</source>
        <translation>Đã có bản xem trước: %1 trang.</translation>
    </message>
    <message>
        <source>Preview ready: %1 pages.</source>
        <translation>Đã có bản xem trước: %1 trang.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Sent %1 page to %2.</source>
        <translation>Đã gửi %1 trang tới %2.</translation>
    </message>
    <message>
        <source>Sent %1 pages to %2.</source>
        <translation>Đã gửi %1 trang tới %2.</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Lưu thành tệp</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
</context>
</TS>
