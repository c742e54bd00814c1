/**
 * Every reason the API gives, with its English text: the one registry the Worker writes its
 * `message`s from and the widgets' catalogs are checked against.
 *
 * A reason is a stable, machine-readable name for one situation (`rate_limited.writes`,
 * `not_found.idea`, `field.too_long`, `held.link_limit`); its `params` fill the text's `{name}`
 * placeholders. An error's reason starts with its error code (`voting_closed.merged` comes with
 * code `voting_closed`); a field issue's with `field.`; a moderation hold's with `held.`.
 * A text is a string, or plural forms picked by the `count` parameter with `#` for the count.
 * Params that carry English words (`action`, `detail`, a field's label) are for the English text:
 * other languages' texts say the same without them.
 *
 * @example
 * formatReason('voting_closed.merged', { into: 'i_7' }); // 'This idea was merged into "i_7": back that one instead.'
 */
import type { ErrorCode } from './types.ts';

/** A text of the registry (or of a widget catalog): a string, or plural forms by `count`. */
export type ReasonText = string | { readonly one: string; readonly other: string };

export const REASONS = {
  // ——— Requests the API cannot read ———
  'bad_request.path_encoding':
    'The path segment "{segment}" is not valid percent-encoded UTF-8: encode each byte of the UTF-8 text as %XX (e.g. "é" as %C3%A9) and "%" itself as %25.',
  'bad_request.flag_own_comment': 'You cannot flag your own comment; edit or delete it instead.',
  'bad_request.pin_reply': 'Only top-level comments can be pinned; pin the comment that starts the branch.',
  'bad_request.websocket_required': 'Open this URL as a WebSocket (Upgrade: websocket).',
  'bad_request.live_connect': 'Open live sockets through GET /v1/live.',
  'bad_request.http': '{detail}',
  'bad_request.idempotency_key':
    'The Idempotency-Key header must be 1 to {maxLength} visible ASCII characters without spaces, double quotes or backslashes, bare or in double quotes: send a new random one per write, e.g. a UUID from crypto.randomUUID().',
  'malformed_json.body': 'The request body is not valid JSON.',
  'unsupported_media_type.json_only': 'Send the request body as JSON with "Content-Type: application/json" (got "{type}").',
  'payload_too_large.body': 'The request body is larger than {maxKb} KB.',
  'method_not_allowed.http': '{detail}',
  'payload_too_large.http': '{detail}',
  'unsupported_media_type.http': '{detail}',
  'unauthorized.http': '{detail}',
  'forbidden.http': '{detail}',
  'not_found.http': '{detail}',

  // ——— Validation (each field's issue is in `details`) ———
  'validation_failed.fields': 'The request is not valid — {summary}',
  'validation_failed.template': 'The template is not valid: {problem}',
  'validation_failed.card_fields': "The card's fields are not valid — {problem}",
  'validation_failed.card_references': 'The card refers to what does not exist — {problem}',
  'validation_failed.unknown_card': 'There is no published practice card "{id}" in this community: name a published card.',
  'validation_failed.no_template': 'There is no template "{template}".',
  'validation_failed.unknown_unit':
    'There is no business unit "{unit}" in this community, or it is archived: name a current unit by its key.',
  'validation_failed.unit_key':
    'The unit key "{key}" is not valid: use lower-case letters and digits in words joined by single hyphens, at most 40 characters (e.g. "group-it").',
  'validation_failed.unit_parent': 'There is no business unit "{parent}" to be the parent: name one of the units by its key.',
  'validation_failed.unit_cycle': 'Business unit "{parent}" is part of "{key}" (or is it): a unit cannot be part of itself.',
  'validation_failed.impacted_sponsor': 'Business unit "{unit}" sponsors the idea: list only the other units it impacts.',
  'validation_failed.unknown_objective': 'There is no current objective "{id}" in this community: name a unit\'s objective by its id.',
  'validation_failed.unknown_person': 'No member has the handle "{handle}": name people by the handle their profile shows.',
  'validation_failed.unknown_demand_class': 'There is no demand class "{class}" in this community. Its classes: {classes}.',
  'validation_failed.decided_in_future': 'A decision records what was decided: {decidedOn} is after today.',
  'validation_failed.intake_status': '"{status}" is not a deflection status of the board "{board}". Its deflection statuses: {statuses}.',
  'validation_failed.card_objectives':
    'A "{template}" card serves no objectives: only business cases, value-realisation plans and account plans do.',
  'validation_failed.visibility_needs_unit': "A card kept to a unit's team needs a unit: choose the unit, or another visibility.",
  'validation_failed.health_items':
    'A round asks both sides about both sides: name at least one item that rates the business and one that rates the provider, each once, from the default items ({items}).',
  'validation_failed.health_answers': 'The answers are not valid — {problems}',
  'validation_failed.health_invitees': 'No member has the handle "{handle}": invite people by the handle their profile shows.',
  'validation_failed.health_side':
    '{handle} belongs to {unit}, a {unitSide}-side unit, so they cannot answer for the {side} side: business people answer for the business, IT people for the provider.',
  'validation_failed.review_date_past': 'The next review date must be in the future.',
  'validation_failed.insight_period': 'The period must not end before it starts, and it spans at most {max} months.',
  'validation_failed.benefit_references': 'The benefit refers to what does not exist — {problem}',
  'validation_failed.measured_in_future': 'An actual records what was measured: {measuredOn} is after today.',
  'validation_failed.cursor': 'The cursor is not one this API returned. Pass `nextCursor` from the previous page unchanged.',
  'validation_failed.cursor_sort':
    'The cursor belongs to sort "{given}", not "{sort}". Start again without a cursor when you change the sort.',
  'validation_failed.cursor_list': 'The cursor belongs to another list or sort. Start again without a cursor when you change the sort.',
  'validation_failed.relevance_without_q': 'Sorting by relevance needs a search: give `q`, or pick another sort.',
  'validation_failed.scores': 'The scores are not valid — {problems}',
  'validation_failed.unknown_status': 'The board "{board}" has no status "{status}". Its statuses: {statuses}.',
  'validation_failed.status_reason': '"{status}" needs a written reason (at least 10 characters): tell the requester why.',
  'validation_failed.revisit_date':
    '"{status}" needs a revisit date after today (`revisitOn`, YYYY-MM-DD): say when to look at the idea again.',
  'validation_failed.revisit_date_past': 'The revisit date must be after today.',
  'validation_failed.revisit_date_unused': '"{status}" takes no revisit date: only a status that defers an idea does.',
  'validation_failed.min_value_range': "The value floor must lie within the scorecard's value range, {min} to {max}.",
  'validation_failed.merge_into_itself': 'An idea cannot be merged into itself.',
  'validation_failed.empty_comment': 'The comment is empty: write something before posting.',
  'validation_failed.reply_elsewhere': 'Comment "{parent}" is not in this thread: reply within the thread you are reading.',
  'validation_failed.promote_elsewhere': 'Comment "{comment}" is not in this thread: promote it from the thread it belongs to.',
  'validation_failed.story_template':
    'A war story cannot fill the "{template}" template, which needs {fields}: promote it to a how-to template such as "practice", or write that card yourself.',
  'validation_failed.timeout_past': 'A time-out must end in the future.',
  'validation_failed.closes_before_opens': 'The board must close after it opens.',
  'validation_failed.per_idea_over_budget': 'Votes per idea cannot exceed the budget.',
  'validation_failed.status_twice': 'The status key "{key}" appears twice.',
  'validation_failed.status_merged': '"merged" is reserved for duplicates merged into another idea.',
  'validation_failed.status_withdrawn': '"withdrawn" is reserved for ideas their authors withdrew.',
  'validation_failed.deflection_reason': 'The deflection status "{key}" must require a reason: deflection is never a silence.',
  'validation_failed.no_open_status': 'At least one status needs the category "open": new ideas start there.',
  'validation_failed.required_fields': 'This board asks for {fields}.',
  'validation_failed.id_mismatch': 'The body\'s id "{given}" differs from the URL\'s "{id}".',
  'validation_failed.attribute_too_long': '"{attribute}" is longer than {max} characters.',
  'validation_failed.widget_needs': 'The {widget} widget needs {options}, e.g. /embed/{widget}?tenant=acme&{option}=…',
  'validation_failed.subject': '{detail}',

  // ——— Who may do what ———
  'unauthorized.sign_in': 'Sign in to {action}: send the user\'s token as "Authorization: Bearer <token>".',
  'unauthorized.read':
    'Tenant "{tenant}" requires sign-in to read: send a token as "Authorization: Bearer <token>" (an admin can allow anonymous reading).',
  'unauthorized.admin_token': 'The admin API needs the platform admin token: "Authorization: Bearer <BRIDGEKIT_ADMIN_TOKEN>".',
  'invalid_token.authorization_header': 'The Authorization header must be "Bearer <token>".',
  'invalid_token.unknown_kind':
    'The bearer token is neither a JWT nor an API key. Send an embed token, an OIDC access token or an API key.',
  'invalid_token.api_key_malformed': 'The API key is malformed. Keys look like bk_<16 characters>_<43 characters>.',
  'invalid_token.api_key_unknown': 'The API key is not one of tenant "{tenant}"\'s keys.',
  'invalid_token.api_key_revoked': 'The API key "{name}" was revoked on {revokedAt}. Create a new one.',
  'invalid_token.admin_token': "That is not this Worker's platform admin token.",
  'invalid_token.live_ticket': 'The live ticket is invalid or expired (they last a minute): ask for a new one.',
  'invalid_token.live_ticket_used': 'This live ticket was used already: each ticket opens one socket. Ask for a new one.',
  'invalid_token.embed_no_secret':
    'Tenant "{tenant}" has no embed secret yet, so it cannot accept embed tokens. Create one with the Bridgekit CLI.',
  'invalid_token.embed_unknown_kid':
    'The token names key id (kid) "{kid}", which tenant "{tenant}" does not have. Sign with a current embed secret and its kid.',
  'invalid_token.embed_not_jwt': 'The bearer token is not a JWT. Send a token signed by your intranet server (see docs/identity.md).',
  'invalid_token.embed_claims':
    'The token\'s claims are incomplete or malformed ({claims}). Embed tokens need "sub" and "name"; "email" and "bu" are optional strings.',
  'invalid_token.embed_subject': '{detail}',
  'invalid_token.embed_lifetime':
    'The token is valid for {lifetime} s; embed tokens may live at most {max} s. Sign shorter-lived tokens and refresh them.',
  'invalid_token.embed_algorithm':
    'Embed tokens must be signed with HS256 and the tenant\'s embed secret; this token uses another algorithm. (An OIDC access token is checked as such only when its "iss" is an issuer configured for tenant "{tenant}".)',
  'invalid_token.embed_signature':
    "The token's signature does not match tenant \"{tenant}\"'s embed secret. Check that the host signs with this tenant's current secret.",
  'invalid_token.embed_issued_at': "The token was issued more than {max} s ago or in the future; check the host server's clock.",
  'invalid_token.embed_not_yet_valid': "The token is not valid yet (nbf is in the future); check the host server's clock.",
  'invalid_token.embed_claim': 'The token is missing or has a malformed "{claim}" claim. Embed tokens need sub, name, iat and exp.',
  'invalid_token.embed_malformed': 'The bearer token is not a well-formed JWT signed with HS256.',
  'invalid_token.oidc_issued_in_future':
    'The token says it was issued in the future (iat more than {skew} s from now); it is not valid yet.',
  'invalid_token.oidc_directory': 'The token comes from Entra ID directory "{directory}"; tenant "{tenant}" accepts only "{expected}".',
  'invalid_token.oidc_scope': 'The token lacks the "{scope}" scope. Request it when acquiring the token (e.g. {audience}/{scope}).',
  'invalid_token.oidc_subject_claims': 'The token lacks the claims that identify a person ({claims}).',
  'invalid_token.oidc_algorithm': 'Tokens from {issuer} must be signed with {algorithms}.',
  'invalid_token.oidc_audience':
    'The token\'s audience is not "{audience}". Acquire the token for Bridgekit\'s API (its application ID URI).',
  'invalid_token.oidc_issuer': 'The token\'s issuer is not "{issuer}".',
  'invalid_token.oidc_not_yet_valid': 'The token is not valid yet (nbf is in the future).',
  'invalid_token.oidc_claim': 'The token\'s "{claim}" claim is missing or invalid.',
  'invalid_token.oidc_no_key': "No key of {jwksUri} matches the token's kid; it was not signed by {issuer}.",
  'invalid_token.oidc_signature': "The token's signature does not verify with the keys of {issuer}.",
  'invalid_token.oidc_malformed': 'The bearer token is not a well-formed signed JWT.',
  'token_expired.embed': 'The sign-in token has expired. Ask the host page for a new token and try again.',
  'token_expired.oidc': 'The access token has expired. Acquire a new one and try again.',
  'forbidden.origin':
    'Pages on {origin} may not use tenant "{tenant}". An admin can allow the origin: pnpm bridgekit origins add {tenant} {origin}',
  'forbidden.role': 'You ({current}) cannot {action}: it takes the {role} role. A tenant admin can grant it.',
  'forbidden.api_key_role':
    'This API key (it needs the "admin" scope) cannot {action}: it takes the {role} role. A tenant admin can grant it.',
  'forbidden.api_key_write': 'This API key may not {action}: it needs the "write" scope.',
  'forbidden.api_key_read': 'This API key has no "read" scope.',
  'forbidden.platform_token': 'The platform admin token cannot {action}; use a person\'s token or an API key with the "write" scope.',
  'forbidden.not_a_person': 'Only a signed-in person can {action}: API keys and the platform token have no personal data of their own.',
  'forbidden.console_origin':
    "Pages on {origin} may not use the platform admin API. The operator can list the admin console's origin in BRIDGEKIT_CONSOLE_ORIGINS.",
  'forbidden.admin_api_off':
    'This Worker has no usable BRIDGEKIT_ADMIN_TOKEN (at least {min} characters), so its admin API is off. Set one with "wrangler secret put BRIDGEKIT_ADMIN_TOKEN".',
  'forbidden.banned': 'A moderator banned you from posting.',
  'forbidden.banned_because': 'A moderator banned you from posting. Reason: {reason}',
  'forbidden.paused': 'A moderator paused your posting until {until}.',
  'forbidden.paused_because': 'A moderator paused your posting until {until}. Reason: {reason}',
  'forbidden.edit_others_comment': 'Only its author can edit a comment.',
  'forbidden.edit_others_idea': "Only the idea's author, whoever recorded it on their behalf, or a moderator can edit it.",
  'forbidden.withdraw_others_idea': "Only the idea's author, or whoever recorded it on their behalf, can withdraw it.",
  'forbidden.need_met_others_idea':
    "Only the idea's author, or whoever recorded it on their behalf, can say whether the answer met the need.",
  'forbidden.proxy_idea':
    "You ({current}) cannot record an idea on someone else's behalf: it takes the evaluator role. Submit it as your own, or ask an evaluator.",
  'forbidden.restrict_self': 'You cannot ban or time out yourself.',
  'forbidden.restrict_higher_role':
    'You ({current}) cannot ban or time out this person: their role, {role}, ranks above yours. Ask someone with that role or higher.',
  'forbidden.card_owner': "Only the card's owner or a moderator can {action}.",
  'forbidden.card_owner_change': "Only the card's owner or a moderator can change its owner.",
  'forbidden.side_locked':
    'Only the {side} side of the relationship can change "{field}": save the card with it as it was, or ask someone of that side.',
  'forbidden.accept_answer': 'Only the person who started the thread, or a moderator, can mark the accepted answer.',
  'forbidden.promote_thread': 'Only the person who started the thread, or a moderator, can turn it into a practice card.',
  'forbidden.promote_comment': "Only the comment's author, or a moderator, can turn it into a practice card.",
  'forbidden.live_origin': 'No live updates: This page’s origin is no longer allowed. Poll the activity endpoint instead.',
  'forbidden.live_anonymous': 'No live updates: Sign in to follow this thread. Poll the activity endpoint instead.',
  'forbidden.live_restricted': 'No live updates: A moderator restricted you. Poll the activity endpoint instead.',
  'forbidden.live_key': 'No live updates: The API key was revoked. Poll the activity endpoint instead.',
  'forbidden.health_manage': 'Only the relationship managers of the unit "{unit}", or an admin, can {action}.',
  'forbidden.health_not_invited': 'Only the people invited to this health round can answer it.',
  'forbidden.value_plan': "Only evaluators, the idea's sponsor and its unit's relationship team can make its value plan.",
  'forbidden.value_edit': "Only the plan card's owner, its unit's relationship team or an admin can {action}.",
  'forbidden.value_measure':
    "Only the benefit's owner, the plan card's owner, its unit's relationship team or an admin can record an actual.",
  'forbidden.value_actual': 'Only the person who recorded this actual, or an admin, can delete it.',
  'forbidden.sponsor_scores': "You sponsor this idea, so you cannot score it: a sponsor's scores are not an independent judgement.",
  'forbidden.unit_objectives': 'Only the relationship team of the unit "{unit}", a CIO or an admin can change its objectives.',

  // ——— What is not there ———
  'not_found.route': 'There is nothing at {method} {path}. The API is described at /v1/openapi.json.',
  'not_found.tenant': 'Tenant "{id}" was not found.',
  'not_found.own_tenant': 'The tenant was not found.',
  'not_found.board': 'Board "{id}" was not found.',
  'not_found.idea': 'Idea "{id}" was not found.',
  'not_found.idea_discussion':
    'Thread "{key}" is the discussion of idea "{id}", which was not found: the idea must exist in this community and be one you may see.',
  'not_found.card_discussion':
    'Thread "{key}" is the discussion of card "{id}", which was not found: the card must exist in this community and be one you may see.',
  'not_found.comment': 'Comment "{id}" was not found.',
  'not_found.top_level_comment': 'Top-level comment "{id}" was not found.',
  'not_found.thread': 'Thread "{id}" was not found.',
  'not_found.card': 'Card "{id}" was not found.',
  'not_found.card_version': 'Version {version} of card "{id}" was not found.',
  'not_found.held_edit': 'Held edit "{id}" of card "{card}" was not found.',
  'not_found.template': 'Template "{id}" was not found.',
  'not_found.person': 'Person "{id}" was not found.',
  'not_found.health_round': 'Health round "{id}" was not found.',
  'not_found.value_plan': 'Card "{id}" is not a value-realisation plan you may see.',
  'not_found.benefit': 'Benefit "{id}" was not found.',
  'not_found.value_actual': 'Actual "{id}" was not found.',
  'not_found.objective': 'Objective "{id}" was not found.',
  'not_found.health_unit': 'Business unit "{id}" was not found, or you are not on its relationship team.',
  'not_found.follow_target':
    'There is no {target} "{id}" to follow: it must exist in this community and be one you may see (an area is a practice area; a tag has at most 40 characters).',
  'not_found.origin': 'Allowed origin "{id}" was not found.',
  'not_found.api_key': 'API key "{id}" was not found.',
  'not_found.webhook': 'Webhook "{id}" was not found.',
  'not_found.role': 'A role granted to "{id}" was not found.',
  'not_found.unit': 'Business unit "{id}" was not found.',
  'not_found.active_embed_secret': 'Active embed secret "{id}" was not found.',
  'not_found.embed_secret': 'Embed secret "{id}" was not found.',
  'not_found.oidc_provider': 'OIDC provider "{id}" was not found.',
  'not_found.sign_in_client': 'A sign-in client for provider "{id}" of tenant "{tenant}" was not found.',
  'not_found.widget': 'The widget "{id}" (one of {widgets}) was not found.',
  'not_found.demo_user': 'No demo user "{id}"; pick one of {users}.',

  // ——— What the current state does not allow ———
  'conflict.board_closed': 'The board "{board}" is not open for new ideas now.',
  'conflict.idea_pending': 'Idea "{id}" waits for a moderator\'s decision: approve it in the moderation queue first.',
  'conflict.score_merged': 'Idea "{id}" was merged into "{into}"; score that one.',
  'conflict.sponsor_scored': '{handle} has scored this idea already, so they cannot sponsor it: name someone who has not.',
  'conflict.intake_step': 'The intake of this idea is at "{from}": it cannot go to "{to}" from there.',
  'conflict.intake_no_defer_status': 'The board "{board}" has no status that defers an idea with a revisit date, so it cannot be deferred.',
  'conflict.objective_in_profile': 'Objective "{id}" is written in its unit\'s partner profile: change or remove it there.',
  'conflict.status_merged': 'Idea "{id}" was merged into "{into}"; change that one instead.',
  'conflict.already_merged': 'Idea "{id}" was already merged into "{into}".',
  'conflict.merge_into_merged': 'Idea "{id}" is itself merged into "{into}"; merge into that one.',
  'conflict.merge_across_boards': 'Only ideas on the same board can be merged.',
  'conflict.board_slug_taken': 'A board with the slug "{slug}" exists already.',
  'conflict.tenant_slug_taken': 'A tenant with the slug "{slug}" exists already.',
  'conflict.unit_key_taken': 'A business unit with the key "{key}" exists already.',
  'conflict.unit_alias_taken':
    'The alias "{alias}" names the business unit "{unit}" already: one alias names one unit. Remove it from "{unit}" first.',
  'conflict.builtin_template': '"{id}" is a built-in template; it cannot be removed.',
  'conflict.template_in_use': 'Cards use template "{id}"; move or delete them first.',
  'conflict.no_embed_secret': 'Tenant "{tenant}" has no active embed secret to sign with. Create one first.',
  'conflict.last_embed_secret':
    '"{kid}" is the tenant\'s only active embed secret; create a new one (and give it to the host) before retiring this one.',
  'conflict.issuer_taken': 'Provider "{provider}" already uses the issuer {issuer}; change or remove that one instead.',
  'conflict.stale_card':
    'Someone saved a newer version of this card (version {version}, by {by} at {at}). Load it, then apply your changes again.',
  'conflict.card_rejected': 'A moderator rejected this card, so it cannot be edited. Write a new card instead.',
  'conflict.idea_rejected': 'A moderator rejected this idea, so it cannot be edited. Submit a new idea instead.',
  'conflict.idempotency_key_in_flight':
    'The first request with this Idempotency-Key is still running: retry after {retryAfter} seconds (Retry-After) to get its answer.',
  'conflict.idempotency_key_applied': 'The first request with this Idempotency-Key was done and its answer lost; it is not done again.',
  'conflict.idempotency_key_reused':
    'This Idempotency-Key was sent with another request (method, path or body) within the last day: send a new key for a new request.',
  'conflict.edit_closed_idea': 'Idea "{id}" is closed ("{status}"), so its text stays as it was decided on. Submit a new idea instead.',
  'conflict.edit_merged_idea': 'Idea "{id}" was merged into "{into}"; edit that one instead.',
  'conflict.withdraw_closed': 'Idea "{id}" is closed already ("{status}"): there is nothing to withdraw.',
  'conflict.need_met_not_deflected': 'Idea "{id}" was not deflected (its status is "{status}"): there is no answer to confirm.',
  'conflict.withdraw_merged': 'Idea "{id}" was merged into "{into}", where its support now counts: it cannot be withdrawn on its own.',
  'conflict.edit_rejected': 'This edit was rejected; its author can make it again.',
  'conflict.edit_outdated':
    'This edit was made to version {base}, and the card is at version {version} now: approving it would undo the newer changes. Reject it; its author can make it again on the current version.',
  'conflict.comment_removed': 'This comment was removed, so it cannot be edited.',
  'conflict.comment_already_removed': 'This comment is already removed.',
  'conflict.pin_unpublished': 'Only published comments can be pinned.',
  'conflict.accept_unpublished': 'Only a published comment can be the accepted answer.',
  'conflict.promote_unpublished': 'Only a published comment can become a practice card.',
  'conflict.promote_empty': 'The thread has no published comment whose story could become a practice card.',
  'conflict.promotion_held': "This story already became a practice card, which waits for a moderator's review.",
  'conflict.react_unpublished': 'Reactions are for published comments; this one is not published.',
  'conflict.health_round_closed': 'Health round "{id}" is closed: its invitations and answers are final.',
  'conflict.not_approved': 'Idea "{id}" is not approved (its intake step is "{step}"): only an approved idea gets a value plan.',
  'conflict.benefit_limit': 'A value plan has at most {max} benefits: remove one before adding another.',
  'conflict.health_round_open':
    'Health round "{id}" is still open: its results show once it closes, so that nobody\'s scores sway anyone else\'s.',
  'voting_closed.pending': 'This idea waits for a moderator: votes open once it is published.',
  'voting_closed.merged': 'This idea was merged into "{into}": back that one instead.',
  'voting_closed.closed': 'This idea is closed, so its votes are frozen.',
  'voting_closed.board': 'The board "{board}" is not open for voting now.',
  'vote_budget_exceeded.budget': 'You have {remaining} of {total} votes left on this board; this needs {needed} more.',
  'vote_budget_exceeded.proxy':
    '{name} has placed all {total} votes of this board on open ideas, and an idea recorded for them takes one: withdraw one of those ideas first.',
  'vote_budget_exceeded.per_idea': {
    one: 'At most # vote per person on one idea of this board.',
    other: 'At most # votes per person on one idea of this board.',
  },

  // ——— Archives: a tenant's export and import (docs/data.md) ———
  'validation_failed.archive_version':
    'This is version {version} of the format "{format}"; this Bridgekit imports "bridgekit-archive" version 1. Export it again from a Bridgekit of the same version.',
  'validation_failed.archive_header':
    'Line 1 must be the archive\'s header, with "format": "bridgekit-archive" and "version": 1, as the export writes it: {problem}',
  'validation_failed.archive_line': 'Line {line} is not one JSON object: {problem}',
  'validation_failed.archive_table': 'Line {line} names the table "{table}", which an archive does not hold. Tables: {tables}.',
  'validation_failed.archive_record': 'Line {line} ({table}) is not a valid record: {problem}',
  'validation_failed.archive_order':
    'Line {line} ({table}) comes after records of "{previous}": an archive lists its tables in order, as the export writes them.',
  'validation_failed.archive_counts':
    'The archive ends at line {line}, but its records do not add up to the counts of its last line ({problem}): lines are missing.',
  'conflict.import_not_empty': 'Tenant "{tenant}" has content already ({what}): an archive is imported into a new, empty tenant only.',
  'conflict.import_continuation':
    'Line {line} does not continue an import under way: send the archive from line 1, then each chunk with the `continuation` of the answer to the one before.',
  'conflict.import_clash':
    'Lines {from}–{to} clash with what is stored: an id another tenant uses, or a reference to a record the archive did not give before. Ids are kept, so import into another deployment, or after the original tenant was removed.',

  // ——— Refused by the moderation pipeline ———
  'comment_rejected.banned_word': 'Your comment contains "{word}", which this community does not allow. Remove it and post again.',
  'idea_rejected.banned_word': 'Your idea contains "{word}", which this community does not allow. Remove it and submit again.',
  'idea_rejected.banned_word_in':
    'Your idea contains "{word}" (in {field}), which this community does not allow. Remove it and submit again.',
  'card_rejected.banned_word': 'Your card contains "{word}", which this community does not allow. Remove it and save again.',
  'card_rejected.banned_word_in':
    'Your card contains "{word}" (in {field}), which this community does not allow. Remove it and save again.',
  'comment_rejected.repeat': {
    one: 'You posted the same text a moment ago. Change what you write, or wait # minute before posting it again.',
    other: 'You posted the same text a moment ago. Change what you write, or wait # minutes before posting it again.',
  },
  'idea_rejected.repeat': {
    one: 'You submitted the same text a moment ago. Change what you write, or wait # minute before submitting it again.',
    other: 'You submitted the same text a moment ago. Change what you write, or wait # minutes before submitting it again.',
  },
  'card_rejected.repeat': {
    one: 'You saved the same text a moment ago. Change what you write, or wait # minute before saving it again.',
    other: 'You saved the same text a moment ago. Change what you write, or wait # minutes before saving it again.',
  },

  // ——— Limits and failures ———
  'rate_limited.writes': 'You have made too many changes in a short time. Try again in {retryAfter} seconds.',
  'rate_limited.network_writes': 'Your network has made too many changes in a short time. Try again in {retryAfter} seconds.',
  'rate_limited.exports': 'You have exported too often in a short time. Try again in {retryAfter} seconds.',
  'rate_limited.searches': 'You have searched too often in a short time. Try again in {retryAfter} seconds.',
  'rate_limited.live_tickets': 'You have asked for too many live-update tickets in a short time. Try again in {retryAfter} seconds.',
  'rate_limited.http': '{detail}',
  'internal_error.unexpected': 'Something went wrong on our side. Try again; if it keeps failing, tell the site’s administrators.',
  'unavailable.provider_unusable':
    'Tenant "{tenant}"\'s OIDC provider "{provider}" cannot be used here: {detail} A tenant admin must correct it.',
  'unavailable.provider_keys': "The identity provider's keys ({jwksUri}) could not be fetched. Try again shortly.",
  'unavailable.sign_in_misconfigured': 'Signing in with {issuer} is not possible right now: {detail} Tell the site’s administrators.',
  'unavailable.sign_in_down': 'Signing in with {issuer} is not possible right now: {detail} Try again shortly.',
  'unavailable.live': 'Live updates are not configured on this deployment; poll the activity endpoint instead.',
  'unavailable.database': 'The database is briefly unavailable. Try again in {retryAfter} seconds.',

  // ——— One field's problem (`details[].reason`); the issue's `path` says which field ———
  'field.invalid': 'Is not valid.',
  'field.required': 'Required.',
  'field.blank': 'Cannot be empty.',
  'field.invalid_type': 'Expected {expected}.',
  'field.too_short': { one: 'Needs at least # character.', other: 'Needs at least # characters.' },
  'field.too_long': { one: 'Can have at most # character.', other: 'Can have at most # characters.' },
  'field.too_few': { one: 'Needs at least # entry.', other: 'Needs at least # entries.' },
  'field.too_many': { one: 'Can have at most # entry.', other: 'Can have at most # entries.' },
  'field.too_small': 'Must be at least {min}.',
  'field.too_big': 'Must be at most {max}.',
  'field.not_integer': 'Must be a whole number.',
  'field.invalid_value': 'Must be one of {values}.',
  'field.invalid_format': 'Is not a valid {format}.',
  'field.unknown_keys': 'Unknown fields: {keys}.',
  'field.control_characters': 'Contains control characters.',
  'field.lone_surrogate': 'Contains an unpaired surrogate (broken Unicode).',
  'field.bidi_override': 'Contains a bidirectional override (U+202D or U+202E).',
  'field.line_break': 'Must be a single line.',
  'field.tab': 'Contains a tab; use spaces.',
  'field.bidi_control': 'Contains bidirectional control characters.',
  'field.required_by_board': 'This board asks for {field}.',
  'field.no_visible_text': 'Write at least one visible character.',
  'field.relevance_without_q': 'Use relevance only with q.',
  'field.unknown_template': 'Pick one of GET /templates.',
  'field.stale_version': 'The latest version is {version}.',
  'field.owner_locked': 'Leave the owner as it is, or ask the owner.',
  'field.business_side_only': 'Only the business side can change this.',
  'field.provider_side_only': 'Only the IT (provider) side can change this.',
  'field.unit_required': 'Choose the unit whose team may read the card, or another visibility.',
  'field.date_not_future': 'Pick a date after today.',
  'field.date_not_past': 'Pick today or a day before.',
  'field.unknown_objective': 'The plan\'s business unit has no current objective "{id}".',
  'field.status_reason': 'A reason of at least 10 characters is required for this status.',
  'field.revisit_date': 'This status needs a revisit date after today.',
  'field.no_revisit_date': 'This status takes no revisit date.',
  'field.min_value_range': 'Pick a value from {min} to {max}.',
  'field.other_thread': 'Not a comment of this thread.',
  'field.in_past': 'In the past.',
  'field.id_mismatch': 'Use the same id as in the URL.',
  'field.opener_not_allowed':
    'Not an origin tenant "{tenant}" allows: list it exactly (pnpm bridgekit origins add {tenant} <origin>), or in BRIDGEKIT_CONSOLE_ORIGINS.',
  'field.score_scale': '"{criterion}" takes a whole number from 1 to 5.',
  'field.score_tshirt': '"{criterion}" takes one of XS, S, M, L, XL.',
  'field.score_yesno': '"{criterion}" takes true or false.',
  'field.score_fibonacci': '"{criterion}" takes one of {values}.',
  'field.no_criterion': 'The board\'s scorecard has no criterion "{key}".',
  'field.unknown_member': 'No member has the handle "{handle}"; leave it out to name someone who is not a member.',
  'field.unknown_owner': 'No member has the handle "{handle}".',
  'field.unknown_unit': 'No current business unit has the key "{unit}".',
  'field.not_an_objective': 'No current objective has the id "{id}".',
  'field.unknown_link': 'There is no {kind} "{id}" in this community.',
  'field.url': '{detail}',
  'field.page_url': 'Must be an absolute https:// URL (http:// only for localhost).',
  'field.page_placeholder': "Must contain {placeholder} exactly once: the item's id goes there.",

  // ——— Why an idea, card or comment waits for a moderator (`moderation.reasonCode`) ———
  'held.every_comment': 'Pre-moderation: every comment is reviewed',
  'held.every_idea': 'Pre-moderation: every idea is reviewed',
  'held.every_card': 'Pre-moderation: every card is reviewed',
  'held.every_card_edit': 'Pre-moderation: every card edit is reviewed',
  'held.newcomer': {
    one: "Pre-moderation: the author's first contribution is reviewed",
    other: "Pre-moderation: the author's first # contributions are reviewed",
  },
  'held.links': { one: '# link (the limit is {max})', other: '# links (the limit is {max})' },
  'held.suspect_word': 'Contains the suspect word "{word}"',
  'held.suspect_word_in': 'Contains the suspect word "{word}" (in {field})',
  'held.suspect_word_hidden': 'Contains a word moderators review before it is published',
  'held.flagged': { one: 'Hidden after # reader flag', other: 'Hidden after # reader flags' },
} as const satisfies Record<string, ReasonText>;

/** Every reason the API gives. */
export type Reason = keyof typeof REASONS;
/** The reasons of error answers: each starts with its error code. */
export type ErrorReason = Extract<Reason, `${ErrorCode}.${string}`>;
/** The reasons of field issues (`details[].reason`). */
export type FieldReason = Extract<Reason, `field.${string}`>;
/** Why a moderation hold keeps an item for a moderator. */
export type HoldReason = Extract<Reason, `held.${string}`>;
/** The error code a reason belongs to. */
export type CodeOf<R extends ErrorReason> = R extends `${infer C extends ErrorCode}.${string}` ? C : never;

/** The values of a reason's `{placeholders}`: numbers for counts, strings for names and ids. */
export type ReasonParams = Record<string, string | number>;

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type ParamNames<T> = T extends string
  ? Placeholders<T>
  : T extends { one: infer O; other: infer X }
    ? 'count' | Placeholders<O> | Placeholders<X>
    : never;
/** The params a reason's text takes, by name. */
export type ParamsOf<R extends Reason> = { [K in ParamNames<(typeof REASONS)[R]>]: string | number };

/** Every reason, in registry order. */
// Pure: a bundle that takes only `formatReasonText` leaves the registry out (the production Worker's texts are an asset).
export const REASON_LIST = /* @__PURE__ */ Object.keys(REASONS) as [Reason, ...Reason[]];

/**
 * A reason's English text with its params filled in: `{name}` by the param, plural forms by
 * `count` (`#` is the count, with thousands separators). A missing param stays as `{name}`.
 *
 * @example
 * formatReason('held.links', { count: 4, max: 3 }); // '4 links (the limit is 3)'
 */
export function formatReason(reason: Reason, params: ReasonParams = {}): string {
  return formatReasonText(REASONS[reason], params);
}

/**
 * A reason's text (the registry's, or a catalog's) with its params filled in, as `formatReason` fills them.
 *
 * @example
 * formatReasonText({ one: '# link', other: '# links' }, { count: 1200 }); // '1,200 links'
 */
export function formatReasonText(text: ReasonText, params: ReasonParams = {}): string {
  let template: string;
  if (typeof text === 'string') template = text;
  else {
    const count = Number(params.count ?? 0);
    template = (count === 1 ? text.one : text.other).replaceAll('#', count.toLocaleString('en'));
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
