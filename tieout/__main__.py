"""``python -m tieout``: the same command line as the ``tieout`` script."""

import sys

from tieout.cli import main

sys.exit(main())
