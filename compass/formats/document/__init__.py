"""The tender strategy document as data (``model``), built once from a session (``build``) and
rendered by each format: PDF (``compass.formats.pdf``), Word (``compass.formats.docx``) and the summary
page of the app."""
