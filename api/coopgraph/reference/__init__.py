"""Generators of reference data (states) from maintained datasets."""
