"""factmap: a sourced, queryable map of who is who, built from news articles."""

__version__ = "0.1.0"
