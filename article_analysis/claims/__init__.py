"""Chapter 02, the claims: every claim as an exact span of the article, with its speaker, type and topics."""
