"""vigie.errors: errors a user can fix.

VigieError
  ConfigError     bad vigie.toml or setting, missing resource
  InputError      a path that is unreadable or of unknown format
    DocumentError one document is unusable; the run skips it and goes on
  StoreError      database missing, locked or unreachable
"""

from __future__ import annotations


class VigieError(Exception):
    """An error with a message that says what failed, on what, and what to do next."""


class ConfigError(VigieError):
    """A setting, configuration file or bundled resource is wrong or missing."""


class InputError(VigieError):
    """A path that cannot be read or is of a kind Vigie does not take."""


class DocumentError(InputError):
    """One document is unusable: the batch skips it and goes on."""


class StoreError(VigieError):
    """The database cannot be opened, migrated or written."""
