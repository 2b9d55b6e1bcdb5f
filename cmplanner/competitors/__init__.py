"""Keeping an eye on competitors (seed 004: what they post, their statistics), pure and testable.

``log`` (a week's editor rows and the checks before saving), ``sheets`` (a pasted block or a CSV with a column
mapping → rows for those checks), ``compare`` (you against each competitor over a quarter or a month, and its
texts), ``month`` (the monthly review's section), ``section`` (the report's section) and ``demo`` (the sample
bakery's competitors). Webcare, the other half of watching the outside world, is ``cmplanner.webcare``.
"""
