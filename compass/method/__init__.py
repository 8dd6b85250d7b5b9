"""Every rule of the SDG procurement compass method, as pure functions over snapshots and
reference data. No Qt, no SQLAlchemy, no file formats."""
