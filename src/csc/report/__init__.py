"""The monthly performance report: one self-contained HTML file and an Excel workbook per council-month."""
