"""Chapter 04, who wants what: every actor's stance on every question, the preconditions and agreement."""
