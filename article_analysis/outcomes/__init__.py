"""Chapter 'Fifteen months later': what became of the article's forward-looking claims.

``model`` loads and checks the record (events, outcomes, later stances), ``charts`` draws it for the
book, ``panel`` gives a live notebook its controls.
"""
