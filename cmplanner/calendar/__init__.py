"""The publication calendar below its page: rules over planned posts and the files a planned month goes out as.

One module per job: ``status`` (moves and seed 000's questions), ``edits`` (one-action changes), ``slots`` (open
slots from each platform's cadence), ``dates`` (public holidays, commercial days, own dates), ``mix`` (the month's
posts per pillar and goal), ``coverage`` (are the planned posts enough for the goals), ``matching`` (planned posts
↔ imported posts); out of the app: ``approval`` with ``approval_pdf`` and ``approval_html``, ``ics``, ``table``
(plain CSV) and ``hootsuite`` (bulk CSV); ``demo`` plans the sample bakery's December. Nothing here reads or
writes the store: every function takes records and returns records or bytes.
"""
