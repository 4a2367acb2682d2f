"""Chapter 06, the fact check: verdicts on the checkable claims, the Kiel comparison and ClaimReview."""
