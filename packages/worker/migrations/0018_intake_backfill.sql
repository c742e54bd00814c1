-- Where existing ideas stand in the intake, read from their status: planned, in progress or done
-- ideas were approved; a deferred one (or one with a revisit date) deferred; any other closed
-- "declined" status but merged and withdrawn deflected it. The rest wait in screening.
UPDATE `ideas` SET `intake_step` = CASE
  WHEN `status_category` IN ('planned', 'in_progress', 'done') THEN 'approved'
  WHEN `status` = 'deferred' OR `revisit_on` IS NOT NULL THEN 'deferred'
  WHEN `status_category` = 'declined' AND `status` NOT IN ('merged', 'withdrawn') THEN 'deflected'
  ELSE 'screening'
END;
--> statement-breakpoint
-- The objectives already written in business-partner profiles that name their unit, each now an
-- item with an id (src/store/objectives.ts keeps them in step with later saves of the card).
INSERT INTO `unit_objectives` (`id`, `tenant_id`, `unit_id`, `title`, `kpi`, `horizon`, `card_id`, `position`, `created_at`, `updated_at`)
SELECT 'obj_' || lower(hex(randomblob(8))), `c`.`tenant_id`, `c`.`unit_id`, trim(json_extract(`o`.`value`, '$.objective')),
  json_extract(`o`.`value`, '$.kpi'), json_extract(`o`.`value`, '$.horizon'), `c`.`id`, `o`.`key`,
  CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM `cards` AS `c`, json_each(`c`.`fields`, '$.strategicObjectives') AS `o`
WHERE `c`.`template_id` = 'business-partner-profile' AND `c`.`unit_id` IS NOT NULL
  AND trim(coalesce(json_extract(`o`.`value`, '$.objective'), '')) <> '';
