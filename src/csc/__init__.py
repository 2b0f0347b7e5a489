"""csc: landing gate, synthetic extracts and build orchestration for the CSC warehouse."""

__version__ = "0.1.0"
