"""Shared by every chapter: paths, loading through the data package, the chart theme, HTML rendering, live panels."""
