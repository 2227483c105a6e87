-- The dossier JSON gains `archivering` (derived from the selectielijst category and the outcome).
-- The stored views were rendered without it: remove them, so every read renders from the stored
-- state (which the reads already fall back to) until the dossier's next change writes its view
-- again. Nothing else changes: the category and the transfer are events.
DELETE FROM dossier_weergaven;
