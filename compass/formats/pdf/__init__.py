"""The tender strategy document: styles, page templates, a pure story builder, and rendering."""
