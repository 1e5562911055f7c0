-- What ResultsService reads for a survey's results: its cells (the item and its copies) and up
-- to 2,000 payloads for the free-text answers.
SELECT cell_key, sum(cell_count), sum(cell_sum) FROM tally_cell WHERE target_id IN (:target::uuid) AND tally = 'results' GROUP BY cell_key;
SELECT payload FROM module_action WHERE target_id IN (:target::uuid) ORDER BY id LIMIT 2000;
