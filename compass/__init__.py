"""SDG Procurement Compass (SDG-inkoopkompas).

The package is split in layers: the domain, flow and services know nothing of Qt; only
``compass.ui`` and ``compass.app`` import PySide6, and only ``compass.model`` and the services import
SQLAlchemy. Importing this package has no side effects.
"""

__version__ = "0.1.0"
