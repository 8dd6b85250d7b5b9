"""File formats: the session exchange file, organisation profile files, the tender strategy
document. No Qt, no database: they work from snapshots."""
