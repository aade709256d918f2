-- Example questions over the export tables (govdocparse export corpus/parsed --duckdb corpus.duckdb).
-- Run with the DuckDB shell:  duckdb corpus.duckdb < scripts/example_queries.sql
-- or from Python:             duckdb.connect("corpus.duckdb").sql(open(...).read())

-- 1. Which places target 学前三年毛入园率 at 90 % or more? The crosswalk cluster gathers every
--    spelling (学前教育毛入园率, 学前教育三年毛入园率, …), and `part` picks the atoms of a
--    distributive sentence (…分别达到…).
SELECT c.place, c.name AS written_as, t.label, t.year, t.atom_raw AS target, t.value
FROM crosswalk AS c
JOIN targets AS t
  ON t.file = c.file AND t.indicator_id = c.indicator_id AND (c.part IS NULL OR t.measure = c.part)
WHERE c.cluster_name = '学前三年毛入园率'
  AND t.role = 'target'
  AND t.op IN ('=', '>=', '>', '~')
  AND t.value >= 90
ORDER BY t.value DESC, c.place, t.year;

-- 2. Which agencies lead the most indicators? Canonical names fold renames and abbreviations
--    (区卫生计生委, 区卫健委 → 区卫生健康委), and `written_as` shows the spellings that were folded.
SELECT r.agency_canonical AS agency,
       count(DISTINCT (i.file, i.indicator_id)) AS indicators,
       count(DISTINCT d.place) AS places,
       string_agg(DISTINCT r.agency, '、' ORDER BY r.agency) AS written_as
FROM indicators AS i
JOIN responsibilities AS r
  ON r.file = i.file AND r.responsibility_id = i.responsibility_id AND r.role = 'lead'
JOIN documents AS d ON d.file = i.file AND d.document_id = i.document_id
GROUP BY r.agency_canonical
ORDER BY indicators DESC, agency
LIMIT 10;

-- 3. How many indicators does each plan state, from its tables and from its prose?
SELECT d.place, d.title,
       count(i.indicator_id) FILTER (WHERE i.source = 'table') AS from_tables,
       count(i.indicator_id) FILTER (WHERE i.source = 'prose') AS from_prose,
       count(i.indicator_id) AS total
FROM documents AS d
LEFT JOIN indicators AS i ON i.file = d.file AND i.document_id = d.document_id
WHERE d.kind <> 'notice'
GROUP BY d.place, d.title, d.file, d.position
ORDER BY d.file, d.position;
