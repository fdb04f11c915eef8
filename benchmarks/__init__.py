"""Benchmarks and load figures: synthetic worlds, the bench command (`python -m benchmarks.run`), the report."""
