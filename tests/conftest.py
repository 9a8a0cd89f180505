"""Settings for the whole test session."""

import os

# A `specgen generate` a test starts runs in its own process, never in a generation server
# kept from another test (or from the developer's shell): tests/daemon asks for one itself.
os.environ["SPECGEN_DAEMON"] = "0"
