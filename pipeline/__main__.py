"""``python -m pipeline ...``: see :mod:`pipeline.cli`."""

import logging
import os
import sys

from pipeline.cli import main

code = main()
# Leave without tearing the heap down object by object: after a release of 1,000 reports
# that takes about a second (hundreds of MB of frames and Arrow buffers), and every file,
# lock and database connection is already closed by then. Flush what is buffered first.
logging.shutdown()
sys.stdout.flush()
sys.stderr.flush()
os._exit(code)
