"""From reading text to documents: splitting files into documents, their metadata
(title, 文号, issuer, date), highlighted entities, and the parse pipeline that runs
the stages in order under a time budget."""
