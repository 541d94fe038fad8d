"""Spreadsheets (XLSX and CSV): export, import and the merge back into a map."""
