"""Use cases the UI and the CLI call: one database transaction per call, snapshots out.

``sessions`` owns procurement sessions and their step data; ``profiles`` owns organisation profiles.
"""

from compass.services.profiles import ProfileService
from compass.services.sessions import SessionService

__all__ = ["ProfileService", "SessionService"]
