-- Business units from the free text that people's tokens (users.business_unit) and ideas'
-- beneficiaries carried before units were data: one unit per tenant and key, every spelling an
-- alias of it. An alias is the text trimmed, runs of spaces made one and ASCII letters lower-cased
-- (SQLite's lower(); src/domain/business-units.ts normalises the same way). IT-like names become
-- supply-side units, which never count as demand; admins can change any of it afterwards.
INSERT INTO `business_units` (`id`, `tenant_id`, `key`, `name`, `side`, `created_at`, `updated_at`)
WITH `raw` AS (
  SELECT `tenant_id`, trim(`business_unit`) AS `name` FROM `users` WHERE `business_unit` IS NOT NULL AND `kind` <> 'erased'
  UNION ALL
  SELECT `tenant_id`, trim(`beneficiary`) FROM `ideas` WHERE `beneficiary` IS NOT NULL
), `norm` AS (
  SELECT `tenant_id`, `name`, lower(replace(replace(replace(`name`, '  ', ' '), '  ', ' '), '  ', ' ')) AS `alias` FROM `raw` WHERE `name` <> ''
), `keyed` AS (
  SELECT `tenant_id`, `name`, trim(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(`alias`, ' ', '-'), '&', '-'), '/', '-'), '.', '-'), ',', '-'), '(', '-'), ')', '-'), '''', '-'), '_', '-'),
    '--', '-'), '--', '-'), '--', '-'), '-') AS `key`
  FROM `norm`
)
SELECT 'bu_' || lower(hex(randomblob(8))), `tenant_id`, `key`, min(`name`),
  CASE WHEN `key` IN ('it', 'ict', 'information-technology', 'group-it', 'it-services') THEN 'supply' ELSE 'demand' END,
  CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM `keyed` WHERE `key` <> '' GROUP BY `tenant_id`, `key`;
--> statement-breakpoint
INSERT OR IGNORE INTO `business_unit_aliases` (`tenant_id`, `alias`, `unit_id`)
WITH `raw` AS (
  SELECT `tenant_id`, trim(`business_unit`) AS `name` FROM `users` WHERE `business_unit` IS NOT NULL AND `kind` <> 'erased'
  UNION ALL
  SELECT `tenant_id`, trim(`beneficiary`) FROM `ideas` WHERE `beneficiary` IS NOT NULL
), `norm` AS (
  SELECT `tenant_id`, lower(replace(replace(replace(`name`, '  ', ' '), '  ', ' '), '  ', ' ')) AS `alias` FROM `raw` WHERE `name` <> ''
), `keyed` AS (
  SELECT `tenant_id`, `alias`, trim(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(`alias`, ' ', '-'), '&', '-'), '/', '-'), '.', '-'), ',', '-'), '(', '-'), ')', '-'), '''', '-'), '_', '-'),
    '--', '-'), '--', '-'), '--', '-'), '-') AS `key`
  FROM `norm`
)
SELECT DISTINCT `k`.`tenant_id`, `k`.`alias`, `u`.`id` FROM `keyed` `k` JOIN `business_units` `u` ON `u`.`tenant_id` = `k`.`tenant_id` AND `u`.`key` = `k`.`key`;
--> statement-breakpoint
UPDATE `users` SET `unit_id` = (
  SELECT `a`.`unit_id` FROM `business_unit_aliases` `a`
  WHERE `a`.`tenant_id` = `users`.`tenant_id` AND `a`.`alias` = lower(replace(replace(replace(trim(`users`.`business_unit`), '  ', ' '), '  ', ' '), '  ', ' '))
) WHERE `business_unit` IS NOT NULL AND `kind` <> 'erased';
--> statement-breakpoint
UPDATE `ideas` SET `unit_id` = (
  SELECT `a`.`unit_id` FROM `business_unit_aliases` `a`
  WHERE `a`.`tenant_id` = `ideas`.`tenant_id` AND `a`.`alias` = lower(replace(replace(replace(trim(`ideas`.`beneficiary`), '  ', ' '), '  ', ' '), '  ', ' '))
) WHERE `beneficiary` IS NOT NULL;
--> statement-breakpoint
-- Support by business unit counts demand-side units only (IT's own people back ideas too).
UPDATE `ideas` SET `business_unit_count` = (
  SELECT count(DISTINCT `u`.`unit_id`) FROM `votes` `v`
  JOIN `users` `u` ON `u`.`id` = `v`.`user_id`
  JOIN `business_units` `b` ON `b`.`id` = `u`.`unit_id` AND `b`.`side` = 'demand'
  WHERE `v`.`idea_id` = `ideas`.`id`
);
