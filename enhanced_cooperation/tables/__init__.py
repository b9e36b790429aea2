"""The enhanced cooperation's tables (ReportTable), one module per part."""
