"""The report's accountability: who is responsible, where it is published, its corrections log and
what the record adds to the article's attributions (the methodology, corrections and about pages)."""
