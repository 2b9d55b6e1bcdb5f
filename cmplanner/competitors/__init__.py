"""Keeping an eye on competitors (seed 004: what they post, their statistics), pure and testable.

``log`` (a week's editor rows and the checks before saving), ``sheets`` (a pasted block or a CSV with a column
mapping → rows for those checks), ``compare`` (you against each competitor over a quarter or a month),
``section`` (the report's competitor section) and ``demo`` (the sample bakery's competitors). Webcare, the
other half of watching the outside world, lives in ``cmplanner.webcare``.
"""
