<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>HealthBookButton</name>
    <message>
        <source>Print health book…</source>
        <translation>Print health book…</translation>
    </message>
    <message>
        <source>Preview, print or save this resident&apos;s health book (PDF) (Ctrl+P)</source>
        <translation>Preview, print or save this resident&apos;s health book (PDF) (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>HealthBookDialog</name>
    <message>
        <source>Health book</source>
        <translation>Health book</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Print the health book (Ctrl+P)</source>
        <translation>Print the health book (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Make the book again with the latest records</source>
        <translation>Make the book again with the latest records</translation>
    </message>
    <message>
        <source>Making the health book…</source>
        <translation>Making the health book…</translation>
    </message>
    <message>
        <source>Saving the health book…</source>
        <translation>Saving the health book…</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Fit width</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Pages as wide as the preview</source>
        <translation>Pages as wide as the preview</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Pages at their real size on paper</source>
        <translation>Pages at their real size on paper</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>Smaller</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Larger</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Nothing to show yet.</translation>
    </message>
    <message>
        <source>Page %1/%2</source>
        <translation>Page %1/%2</translation>
    </message>
</context>
<context>
    <name>PeriodicReportDialog</name>
    <message>
        <source>Periodic health report</source>
        <translation>Periodic health report</translation>
    </message>
    <message>
        <source>Reporting period</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Last quarter</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>Other dates</source>
        <translation>Other dates</translation>
    </message>
    <message>
        <source>Report &amp;number</source>
        <translation>Report &amp;number</translation>
    </message>
    <message>
        <source>Leave blank to write the number by hand after printing.</source>
        <translation>Leave blank to write the number by hand after printing.</translation>
    </message>
    <message>
        <source>e.g. 12</source>
        <translation>e.g. 12</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Prepared &amp;by</source>
        <translation>Prepared &amp;by</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Printed under “prepared by”, beside the director&apos;s signature</source>
        <translation>Printed under “prepared by”, beside the director&apos;s signature</translation>
    </message>
    <message>
        <source>&amp;Remarks, proposals and requests (section VII, printed as typed)</source>
        <translation>&amp;Remarks, proposals and requests (section VII, printed as typed)</translation>
    </message>
    <message>
        <source>Left blank, the report leaves dotted lines to write on by hand.</source>
        <translation>Left blank, the report leaves dotted lines to write on by hand.</translation>
    </message>
    <message>
        <source>The choices changed after this preview: press Preview to see the report as it will be printed.</source>
        <translation>The choices changed after this preview: press Preview to see the report as it will be printed.</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <source>Make the report and show it here</source>
        <translation>Make the report and show it here</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Print the report (Ctrl+P)</source>
        <translation>Print the report (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Export &amp;CSV…</translation>
    </message>
    <message>
        <source>The report&apos;s tables as CSV, for other programs</source>
        <translation>The report&apos;s tables as CSV, for other programs</translation>
    </message>
    <message>
        <source>Export E&amp;xcel…</source>
        <translation>Export E&amp;xcel…</translation>
    </message>
    <message>
        <source>The report&apos;s tables as an Excel workbook (XLSX), one sheet per table</source>
        <translation>The report&apos;s tables as an Excel workbook (XLSX), one sheet per table</translation>
    </message>
    <message>
        <source>Choose the period, then press Preview to see the report here.</source>
        <translation>Choose the period, then press Preview to see the report here.</translation>
    </message>
    <message>
        <source>This period has not begun yet.</source>
        <translation>This period has not begun yet.</translation>
    </message>
    <message>
        <source>Figures up to today, %1.</source>
        <translation>Figures up to today, %1.</translation>
    </message>
    <message>
        <source>The report number “%1” must be 1 to 6 digits.</source>
        <translation>The report number “%1” must be 1 to 6 digits.</translation>
    </message>
    <message>
        <source>The remarks are longer than %1 characters; shorten them.</source>
        <translation>The remarks are longer than %1 characters; shorten them.</translation>
    </message>
    <message>
        <source>Making the report for %1…</source>
        <translation>Making the report for %1…</translation>
    </message>
    <message>
        <source>Saving the report…</source>
        <translation>Saving the report…</translation>
    </message>
    <message>
        <source>Exporting the tables…</source>
        <translation>Exporting the tables…</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Re&amp;ports</source>
        <translation>Re&amp;ports</translation>
    </message>
    <message>
        <source>&amp;Periodic report…</source>
        <translation>&amp;Periodic report…</translation>
    </message>
    <message>
        <source>Preview, print or save the facility&apos;s periodic health report (Ctrl+R)</source>
        <translation>Preview, print or save the facility&apos;s periodic health report (Ctrl+R)</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Cl&amp;ose</source>
        <translation>Cl&amp;ose</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Nothing to show yet.</translation>
    </message>
    <message>
        <source>Preview ready: %1 page.</source>
        <translation>Preview ready: %1 page.</translation>
    </message>
    <message>
        <source>Preview ready: %1 pages.</source>
        <translation>Preview ready: %1 pages.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Sent %1 page to %2.</source>
        <translation>Sent %1 page to %2.</translation>
    </message>
    <message>
        <source>Sent %1 pages to %2.</source>
        <translation>Sent %1 pages to %2.</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
</TS>
