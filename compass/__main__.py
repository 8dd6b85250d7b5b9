"""``python -m compass``: the same entry point as the ``compass`` command."""

import sys

from compass.cli import main

sys.exit(main())
