-- Example questions over the export tables. Run them all, each printed as a table:
--   govdocparse export corpus/parsed --duckdb corpus.duckdb
--   govdocparse query corpus.duckdb scripts/example_queries.sql
-- (the DuckDB shell also runs them all: duckdb corpus.duckdb < scripts/example_queries.sql)

-- 1. Which places target 学前三年毛入园率 at 90 % or more? The crosswalk cluster gathers every
--    spelling (学前教育毛入园率, 学前教育三年毛入园率, …); `part` picks the atoms of a distributive
--    sentence (…分别达到…). A table row may state several targets: the place's own is the last
--    of the latest year (开州区2030年目标值); the others, such as the city plan's value a
--    district's table shows beside its own (市规划2030年目标值), are listed as also_stated.
WITH members AS (
  SELECT place, name, file, indicator_id, part, coalesce(table_label, 'prose') AS stated_in
  FROM crosswalk
  WHERE cluster_name = '学前三年毛入园率'
),
stated AS (
  SELECT m.*, t.label, t.year, t.target_index, t.atom_raw, t.op, t.value,
         dense_rank() OVER (PARTITION BY m.file, m.indicator_id, m.part
                            ORDER BY t.year DESC NULLS LAST, t.target_index DESC) AS rank
  FROM members AS m
  JOIN targets AS t
    ON t.file = m.file AND t.indicator_id = m.indicator_id
   AND (m.part IS NULL OR t.measure = m.part)
  WHERE t.role = 'target'
)
SELECT own.place, own.name AS written_as, own.stated_in, own.label, own.atom_raw AS target,
       (SELECT string_agg(other.label || ' ' || other.atom_raw, '; ' ORDER BY other.target_index)
        FROM stated AS other
        WHERE other.file = own.file AND other.indicator_id = own.indicator_id
          AND other.part IS NOT DISTINCT FROM own.part AND other.rank > 1) AS also_stated
FROM stated AS own
WHERE own.rank = 1 AND own.op IN ('=', '>=', '>', '~') AND own.value >= 90
ORDER BY own.value DESC, own.place, own.stated_in;

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
