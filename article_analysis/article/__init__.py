"""Chapter 01, the article: its text, blocks, sentences and quotations, and how much of it is quoted."""
