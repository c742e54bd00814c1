-- The value-for-effort order's new rank key for ideas scored before it (src/domain/scorecard.ts
-- `rankKeySql`): value² ÷ effort (WSJF keeps cost of delay ÷ job size), and an idea below its
-- board's value floor (`boards.min_value`, else 2.5 on the value-size-risk preset) stored as
-- −1 ÷ (1 + ratio), so that it sorts after every idea at or above the floor.
UPDATE `ideas` SET `value_per_effort` = (
  WITH `b` AS (
    SELECT `scorecard_preset` AS `preset`,
      coalesce(`min_value`, CASE `scorecard_preset` WHEN 'value-size-risk' THEN 2.5 END) AS `floor`
    FROM `boards` WHERE `boards`.`id` = `ideas`.`board_id`
  ), `r` AS (
    SELECT `floor`, CASE WHEN `preset` = 'wsjf' THEN `ideas`.`value_score` / `ideas`.`effort_score`
      ELSE `ideas`.`value_score` * `ideas`.`value_score` / `ideas`.`effort_score` END AS `ratio`
    FROM `b`
  )
  SELECT CASE WHEN `floor` IS NOT NULL AND `ideas`.`value_score` < `floor` THEN -1.0 / (1 + `ratio`) ELSE `ratio` END FROM `r`
) WHERE `effort_score` > 0 AND `value_score` IS NOT NULL;
