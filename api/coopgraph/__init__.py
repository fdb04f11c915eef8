"""Cooperation Graph: which legal instrument permits a procedural action between two parties on a date."""

__version__ = "0.1.0"
