"""factmap's exceptions: one root, each message says what to do next.

    FactmapError
     ├── ConfigError          a setting or option is wrong
     ├── InputError           a file or record cannot be ingested (reported, skipped)
     │    ├── EmptyInputError
     │    ├── BinaryInputError
     │    ├── EncodingError
     │    ├── TooLargeError
     │    └── NoArticleError
     ├── StoreError           the database cannot be opened, read or migrated
     ├── NotFoundError        a name, entity or document is not in the store
     └── ModelError           the spaCy pipeline cannot be loaded
"""

from __future__ import annotations


class FactmapError(Exception):
    """Root of every error factmap raises on purpose."""


class ConfigError(FactmapError):
    """A setting or option has a value factmap cannot use."""


class InputError(FactmapError):
    """One input (a file or a JSONL record) cannot be ingested.

    ``source`` names the file (and line), so batch summaries can point at it.
    """

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.reason = message


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class EncodingError(InputError):
    pass


class TooLargeError(InputError):
    pass


class NoArticleError(InputError):
    pass


class StoreError(FactmapError):
    """The store cannot be opened, read, written or migrated."""


class NotFoundError(FactmapError):
    """A name, entity or document asked for is not in the store."""


class ModelError(FactmapError):
    """The NLP pipeline cannot be loaded."""
