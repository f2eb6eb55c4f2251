"""Report screens: the periodic health report dialog (director, admin), the
resident's health book (doctor, director, admin), a PDF preview, printing.

Parts:
- ``periodic_dialog.PeriodicReportDialog``: period presets or two dates,
  report number, prepared-by name, the director's remarks; Preview, Print,
  Save PDF, Export CSV / XLSX.
- ``health_book.HealthBookDialog`` and ``health_book_button(record)``: the
  record screen's "Print health book" button and what it opens.
- ``hooks.add_report_actions(main_window)``: the Reports menu and toolbar
  action, for the roles that may run periodic reports.
- ``preview.PdfPreview``, ``printing.print_pdf``, ``pdf_pages.PdfPages``: a
  PDF in memory shown, zoomed, paged and printed.
- ``base.ReportDialogBase``: jobs off the GUI thread, busy line, errors,
  print and save flows shared by both dialogs.

Why pypdfium2 and not QtPdf: Qt's own PDF viewer (QtPdf, QPdfView) is not
in PySide6-Essentials, the wheel this app ships; it comes only with
PySide6-Addons, which would add about 200 MB to the Windows package for
one widget. pypdfium2 (PDFium, the engine behind Chrome's PDF viewer, a few
MB) renders each page to a bitmap that becomes a QImage; the preview paints
those, and printing paints them on a QPrinter at the printer's resolution.
The PDF never leaves memory: no temporary file holds a resident's data.
"""
