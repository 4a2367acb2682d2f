"""Analysis code behind the report on the 2025-09-04 article about the coalition of the willing.

The chapters in ``chapters/`` tell the story; the modules here do the work and are tested in ``tests/``.
"""
