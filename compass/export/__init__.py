"""Documents made from a session: the tender strategy PDF (and later the JSON exchange format).
No Qt; reportlab is imported only here, when a document is made."""
