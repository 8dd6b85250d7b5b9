"""The tender strategy document as a Word file (python-docx): real heading styles, tables with header
rows, a contents field and the document's language, so advisers can take parts into their own tender
documents and screen readers can find their way (decision 007)."""
